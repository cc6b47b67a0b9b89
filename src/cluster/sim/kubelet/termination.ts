/**
 * When the simulated kubelet finishes off a terminating pod: its containers "exit" quickly, so the
 * pod is removed (DELETE with gracePeriodSeconds=0) min(grace, 2 s) × timeScale after the deletion
 * was requested. Pure.
 */
import { parseTime } from '../../../kube/time-format.ts';
import type { PodObject } from '../util/types.ts';

export const MAX_TERMINATION_MS = 2000;

/** The time (ms) at which the terminating pod is deleted for good, or undefined when not terminating. */
export function terminationDeadline(pod: PodObject, timeScale: number): number | undefined {
  const ts = parseTime(pod.metadata.deletionTimestamp ?? undefined);
  if (ts === undefined) return undefined;
  const graceMs = Math.max(0, (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000);
  const requestedAt = ts - graceMs;
  return requestedAt + Math.min(graceMs, MAX_TERMINATION_MS) * timeScale;
}
