/**
 * The four pod conditions the kubelet owns (PodScheduled, Initialized, ContainersReady, Ready), with
 * the kubelet's reasons and messages, and readiness gates: Ready only when every gate's condition,
 * set by someone else through pods/status, is True.
 */
import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1.js';
import type { PodObject } from '../util/types.ts';

export const KUBELET_CONDITIONS = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'] as const;

export interface ConditionCore {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function unready(statuses: readonly ContainerStatus[]): string[] {
  return statuses.filter((s) => !s.ready).map((s) => s.name);
}

/** Kubernetes' readiness-gate messages, or [] when every gate is True. */
export function gateProblems(pod: PodObject): string[] {
  const conditions = pod.status?.conditions ?? [];
  const out: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) out.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') out.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  return out;
}

export function kubeletConditions(
  pod: PodObject,
  containers: readonly ContainerStatus[],
  initContainers: readonly ContainerStatus[],
  terminal: boolean,
): ConditionCore[] {
  const scheduled: ConditionCore = { type: 'PodScheduled', status: 'True' };
  const initPending = initContainers.filter((s) => !s.state?.terminated || s.state.terminated.exitCode !== 0).map((s) => s.name);
  const initialized: ConditionCore = terminal
    ? { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
    : initPending.length === 0
      ? { type: 'Initialized', status: 'True' }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${initPending.join(' ')}]` };
  if (terminal) {
    return [
      scheduled,
      initialized,
      { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' },
      { type: 'Ready', status: 'False', reason: 'PodCompleted' },
    ];
  }
  const notReady = unready(containers);
  let containersReady: ConditionCore;
  if (initPending.length > 0) {
    containersReady = { type: 'ContainersReady', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${initPending.join(' ')}]` };
  } else if (notReady.length > 0) {
    containersReady = { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` };
  } else {
    containersReady = { type: 'ContainersReady', status: 'True' };
  }
  let ready: ConditionCore;
  if (containersReady.status === 'False') {
    ready = { ...containersReady, type: 'Ready' };
  } else {
    const gates = gateProblems(pod);
    ready = gates.length > 0 ? { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: gates.join(', ') } : { type: 'Ready', status: 'True' };
  }
  return [scheduled, initialized, containersReady, ready];
}

/** The same conditions as written: lastTransitionTime kept while the status is unchanged. */
export function withTransitionTimes(cores: readonly ConditionCore[], existing: readonly PodCondition[] | undefined, now: string): PodCondition[] {
  return cores.map((c) => {
    const prev = (existing ?? []).find((e) => e.type === c.type);
    const lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
    const out: PodCondition = { type: c.type, status: c.status, lastTransitionTime };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  });
}

/** True when the pod's stored conditions say the same as `cores` (times aside). */
export function conditionsCurrent(cores: readonly ConditionCore[], existing: readonly PodCondition[] | undefined): boolean {
  return cores.every((c) => {
    const e = (existing ?? []).find((x) => x.type === c.type);
    return !!e && e.status === c.status && (e.reason ?? '') === (c.reason ?? '') && (e.message ?? '') === (c.message ?? '');
  });
}
