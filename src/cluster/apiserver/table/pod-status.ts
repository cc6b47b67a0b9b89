/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods`, computed exactly like
 * kube-apiserver's printPod (pkg/printers/internalversion): init container progress, waiting and
 * terminated reasons, sidecars, Completed → Running/NotReady, Terminating and Unknown.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import { humanDuration, parseTimestamp } from './duration.ts';
import { int, list, text } from './printer.ts';

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

const isRestartable = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

function conditionTrue(conditions: readonly PodCondition[], type: string): boolean {
  return list(conditions).some((c) => c.type === type && c.status === 'True');
}

/** isPodInitializedConditionTrue: the first Initialized condition decides. */
function initializedTrue(conditions: readonly PodCondition[]): boolean {
  const c = list(conditions).find((x) => x.type === 'Initialized');
  return c?.status === 'True';
}

/** The later of a running maximum and a container's last termination time (undefined = zero time). */
function later(current: number | undefined, s: ContainerStatus): number | undefined {
  const t = parseTimestamp(s.lastState?.terminated?.finishedAt);
  if (t === undefined) return current;
  return current === undefined || current < t ? t : current;
}

function terminatedReason(prefix: string, t: { reason?: string; signal?: number; exitCode?: number }): string {
  if (text(t.reason) !== '') return `${prefix}${text(t.reason)}`;
  return int(t.signal) !== 0 ? `${prefix}Signal:${int(t.signal)}` : `${prefix}ExitCode:${int(t.exitCode)}`;
}

export function podSummary(pod: Pod, now: Date): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const conditions = list(status.conditions);
  let restarts = 0;
  let restartableInitRestarts = 0;
  let total = list(spec?.containers).length;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  const phase = text(status.phase);
  let reason = text(status.reason) !== '' ? text(status.reason) : phase;
  for (const c of conditions) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = new Map<string, Container>();
  for (const c of list(spec?.initContainers)) {
    initSpecs.set(c.name, c);
    if (isRestartable(c)) total++;
  }

  let initializing = false;
  const initStatuses = list(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    restarts += int(cs.restartCount);
    lastRestart = later(lastRestart, cs);
    const restartable = isRestartable(initSpecs.get(cs.name));
    if (restartable) {
      restartableInitRestarts += int(cs.restartCount);
      lastRestartableInitRestart = later(lastRestartableInitRestart, cs);
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready === true) ready++;
      continue;
    }
    if (terminated) {
      reason = terminatedReason('Init:', terminated);
    } else if (waiting && text(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${text(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${list(spec?.initContainers).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || initializedTrue(conditions)) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = list(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      restarts += int(cs.restartCount);
      lastRestart = later(lastRestart, cs);
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting && text(waiting.reason) !== '') reason = text(waiting.reason);
      else if (terminated) reason = terminatedReason('', terminated);
      else if (cs.ready === true && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartsText = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`;
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}
