/**
 * Scale-down delays (reference §3.11): old RSs get a `scale-down-deadline` annotation and keep
 * their size until it passes; at most `scaleDownDelayRevisionLimit` annotated RSs stay up.
 */
import type { Rollout } from '../api/types/rollout.ts';
import { getScaleDownDelayRevisionLimit, getScaleDownDelaySecondsOrDefault } from '../api/defaults.ts';
import { formatRFC3339, hasScaleDownDeadline, scaleDownDeadlineMs, specReplicas, type ReplicaSet } from './replicasets.ts';

export interface ScaleDownDelayDecision {
  /** Annotated RSs counted so far (carry into the next call, newest revision first). */
  annotatedCount: number;
  /** spec.replicas this RS should have. */
  desiredReplicas: number;
  /** Set the annotation to this RFC3339 value. */
  addDeadline?: string;
  /** Requeue after this many ms (deadline still ahead). */
  requeueAfterMs?: number;
}

/**
 * `scaleDownDelayHelper` for one old RS (callers iterate newest revision first): an RS without a
 * deadline is annotated and left up while under the revision limit; an annotated RS keeps
 * `replicas` until its deadline, unless the limit is exceeded; otherwise it goes to 0.
 */
export function scaleDownDelayForOldRS(ro: Rollout, rs: ReplicaSet, annotatedCount: number, replicas: number, now: number): ScaleDownDelayDecision {
  const limit = getScaleDownDelayRevisionLimit(ro) ?? Number.MAX_SAFE_INTEGER;
  if (!hasScaleDownDeadline(rs) && specReplicas(rs) > 0) {
    if (annotatedCount < limit) {
      const delayMs = getScaleDownDelaySecondsOrDefault(ro) * 1000;
      return { annotatedCount: annotatedCount + 1, desiredReplicas: specReplicas(rs), addDeadline: formatRFC3339(now + delayMs), requeueAfterMs: delayMs };
    }
    return { annotatedCount, desiredReplicas: 0 };
  }
  if (hasScaleDownDeadline(rs)) {
    const count = annotatedCount + 1;
    if (count > limit) return { annotatedCount: count, desiredReplicas: 0 };
    const deadline = scaleDownDeadlineMs(rs);
    if (deadline !== undefined && deadline > now) {
      return { annotatedCount: count, desiredReplicas: replicas, requeueAfterMs: deadline - now };
    }
    return { annotatedCount: count, desiredReplicas: 0 };
  }
  return { annotatedCount, desiredReplicas: 0 };
}

/** Milliseconds left before the RS's scale-down deadline; undefined if none or passed. */
export function timeRemainingBeforeScaleDown(rs: ReplicaSet, now: number): number | undefined {
  const deadline = scaleDownDeadlineMs(rs);
  if (deadline === undefined || deadline <= now) return undefined;
  return deadline - now;
}
