/** podutil's readiness helpers: IsPodReady, IsPodAvailable, and the ready condition's transition time. */
import type { PodCondition } from 'kubernetes-types/core/v1.js';
import { parseTime } from '../../../kube/time-format.ts';
import type { PodObject } from './types.ts';

export function podCondition(pod: PodObject, type: string): PodCondition | undefined {
  return (pod.status?.conditions ?? []).find((c) => c.type === type);
}

export function isPodReady(pod: PodObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** When the pod became ready (ms), or undefined when not ready / unknown. */
export function podReadySince(pod: PodObject): number | undefined {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True') return undefined;
  return parseTime(c.lastTransitionTime);
}

/** Ready for at least minReadySeconds (Kubernetes: lastTransitionTime + minReady strictly before now). */
export function isPodAvailable(pod: PodObject, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/**
 * When a ready but not yet available pod becomes available (ms), or undefined when it is already
 * available or not ready.
 */
export function podAvailableAt(pod: PodObject, minReadySeconds: number, now: number): number | undefined {
  if (!minReadySeconds || !isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) return undefined;
  const since = podReadySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/** Not terminal and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}
