/**
 * The status the simulated kubelet reports for a pod at a given time (pure), and the patch that
 * brings the stored status there without losing the conditions others own (readiness gates).
 */
import type { ContainerStatus, PodCondition, PodStatus } from 'kubernetes-types/core/v1.js';
import { semanticEqual } from '../util/semantic.ts';
import { formatTime } from '../../../kube/time-format.ts';
import type { PodObject } from '../util/types.ts';
import type { PodPlan } from './behaviour.ts';
import { containerStatus, type PodRef } from './container-status.ts';
import { conditionsCurrent, kubeletConditions, withTransitionTimes, type ConditionCore } from './pod-conditions.ts';
import { podPhase, type PodPhase } from './pod-phase.ts';
import { containerStateAt } from './timeline.ts';

export interface StatusInput {
  /** When the kubelet admitted the pod (ms); containers start at t0 + plan.startDelayMs. */
  t0: number;
  now: number;
  nodeIp: string;
  /** The pod's IP once its sandbox exists (from tStart on). */
  podIp?: string;
  timeScale: number;
}

export interface KubeletStatus {
  phase: PodPhase;
  hostIP: string;
  podIP?: string;
  startTime: string;
  conditions: ConditionCore[];
  containerStatuses: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

export interface Desired {
  status: KubeletStatus;
  /** When the status changes next on its own (ms). */
  nextAt?: number;
}

function podRef(pod: PodObject): PodRef {
  return { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', uid: pod.metadata.uid ?? '' };
}

function min(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

export function startTimeOf(plan: PodPlan, t0: number): number {
  return t0 + plan.startDelayMs;
}

export function desiredStatus(pod: PodObject, plan: PodPlan, input: StatusInput): Desired {
  const { t0, now, timeScale } = input;
  const tStart = startTimeOf(plan, t0);
  const ref = podRef(pod);
  let nextAt: number | undefined;

  const initBlocked = plan.initContainers.some((c) => c.pullFails);
  const initContainerStatuses = plan.initContainers.map((c) => {
    if (now < tStart) {
      nextAt = min(nextAt, tStart);
      return containerStatus(c, { kind: 'creating' }, ref, 'PodInitializing');
    }
    if (c.pullFails) {
      const s = containerStateAt(c, 'Never', tStart, now, timeScale);
      nextAt = min(nextAt, s.nextAt);
      return containerStatus(c, s.value, ref);
    }
    return containerStatus(c, { kind: 'terminated', restartCount: 0, current: { exitCode: 0, startedAt: tStart, finishedAt: tStart } }, ref);
  });
  const waitingReason = plan.initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const containerStatuses = plan.containers.map((c) => {
    if (initBlocked) return containerStatus(c, { kind: 'creating' }, ref, 'PodInitializing');
    const s = containerStateAt(c, plan.restartPolicy, tStart, now, timeScale);
    nextAt = min(nextAt, s.nextAt);
    return containerStatus(c, s.value, ref, waitingReason);
  });
  const phase = podPhase(containerStatuses, plan.restartPolicy, initBlocked);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const status: KubeletStatus = {
    phase,
    hostIP: input.nodeIp,
    startTime: formatTime(t0),
    conditions: kubeletConditions(pod, containerStatuses, initContainerStatuses, terminal),
    containerStatuses,
  };
  if (input.podIp && now >= tStart) status.podIP = input.podIp;
  if (initContainerStatuses.length > 0) status.initContainerStatuses = initContainerStatuses;
  return { status, nextAt: terminal ? undefined : nextAt };
}

/** True when the stored status already says what `want` says. */
export function statusCurrent(current: PodStatus | undefined, want: KubeletStatus): boolean {
  const cur = current ?? {};
  return (
    cur.phase === want.phase &&
    cur.hostIP === want.hostIP &&
    (cur.podIP ?? undefined) === want.podIP &&
    cur.startTime === want.startTime &&
    conditionsCurrent(want.conditions, cur.conditions) &&
    semanticEqual(cur.containerStatuses, want.containerStatuses) &&
    semanticEqual(cur.initContainerStatuses, want.initContainerStatuses)
  );
}

/**
 * The JSON merge patch (pods/status) that writes `want`. Merge patches replace lists, so the
 * conditions list carries the conditions others own (readiness gates) as read, and the patch is
 * conditional on `resourceVersion`: if someone wrote meanwhile, the server answers 409 and the
 * kubelet recomputes from the newer pod. (A merge patch costs the server about half a strategic one.)
 */
export function statusPatch(
  current: PodStatus | undefined,
  want: KubeletStatus,
  now: number,
  resourceVersion: string | undefined,
): { metadata: { resourceVersion?: string }; status: Record<string, unknown> } {
  const ours = withTransitionTimes(want.conditions, current?.conditions, formatTime(now));
  const byType = new Map(ours.map((c) => [c.type, c]));
  const conditions: PodCondition[] = [];
  for (const c of current?.conditions ?? []) {
    const mine = byType.get(c.type);
    conditions.push(mine ?? c);
    byType.delete(c.type);
  }
  conditions.push(...byType.values());
  const status: Record<string, unknown> = {
    phase: want.phase,
    hostIP: want.hostIP,
    hostIPs: [{ ip: want.hostIP }],
    startTime: want.startTime,
    conditions,
    containerStatuses: want.containerStatuses,
  };
  if (want.podIP) {
    status['podIP'] = want.podIP;
    status['podIPs'] = [{ ip: want.podIP }];
  }
  if (want.initContainerStatuses) status['initContainerStatuses'] = want.initContainerStatuses;
  const metadata: { resourceVersion?: string } = {};
  if (resourceVersion) metadata.resourceVersion = resourceVersion;
  return { metadata, status };
}
