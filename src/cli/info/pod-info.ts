/** A pod's status as `kubectl get pods` shows it (Argo's `newPodInfo`), and its tree entry. */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1.js';
import { podIcon } from '../render/icons.ts';
import { objectInfo, timeValue } from './meta.ts';
import type { PodInfo } from './types.ts';

/** Status reason for a failed or waiting init container, or undefined once it succeeded. */
function initReason(c: ContainerStatus, index: number, total: number): string | undefined {
  const terminated = c.state?.terminated;
  const waiting = c.state?.waiting;
  if (terminated && terminated.exitCode === 0) return undefined;
  if (terminated) {
    if (terminated.reason) return `Init:${terminated.reason}`;
    return terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
  }
  if (waiting?.reason && waiting.reason !== 'PodInitializing') return `Init:${waiting.reason}`;
  return `Init:${index}/${total}`;
}

export function podStatus(pod: Pod): { status: string; ready: string; restarts: number } {
  let restarts = 0;
  let readyContainers = 0;
  const totalContainers = pod.spec?.containers?.length ?? 0;
  let reason = pod.status?.reason || pod.status?.phase || '';

  let initializing = false;
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount ?? 0;
    const r = initReason(c, i, pod.spec?.initContainers?.length ?? 0);
    if (r === undefined) continue;
    reason = r;
    initializing = true;
    break;
  }
  if (!initializing) {
    restarts = 0;
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp) reason = 'Terminating';

  return { status: reason, ready: `${readyContainers}/${totalContainers}`, restarts };
}

export function podInfo(pod: Pod): PodInfo {
  const { status, ready, restarts } = podStatus(pod);
  return { ...objectInfo(pod.metadata), status, icon: podIcon(status), ready, restarts };
}

/** Oldest first, then by name. */
export function comparePods(a: PodInfo, b: PodInfo): number {
  const ta = timeValue(a.creationTimestamp);
  const tb = timeValue(b.creationTimestamp);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
