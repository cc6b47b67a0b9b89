/**
 * Pause bookkeeping (`pauseContext`): pause conditions added/removed/cleared and abort set/cleared
 * during a reconcile, folded into the new status; plus the "is this pause over" decisions.
 */
import type { RolloutPause } from '../api/types/canary-steps.ts';
import type { PauseCondition, RolloutStatus } from '../api/types/rollout-status.ts';
import type { Rollout } from '../api/types/rollout.ts';
import { PauseReason } from '../api/constants.ts';
import { pauseDurationSeconds } from '../api/duration.ts';
import { formatRFC3339 } from './replicasets.ts';

export function getPauseCondition(ro: Rollout, reason: string): PauseCondition | undefined {
  return ro.status?.pauseConditions?.find((c) => c.reason === reason);
}

/** Changes a reconcile wants to make to pause/abort state. */
export interface PauseChanges {
  add?: string[];
  remove?: string[];
  clear?: boolean;
  addAbort?: boolean;
  removeAbort?: boolean;
}

export function isAborted(ro: Rollout, changes: PauseChanges = {}): boolean {
  if (changes.removeAbort) return false;
  return !!changes.addAbort || !!ro.status?.abort;
}

export type PauseStatus = Pick<RolloutStatus, 'abort' | 'abortedAt' | 'pauseConditions' | 'controllerPause'>;

/**
 * `CalculatePauseStatus`: abort wins (keeping the original abortedAt); otherwise pause conditions
 * are updated (new ones start `now`), and controllerPause turns true once the controller added one.
 * Fields absent from the result are to be cleared.
 */
export function calculatePauseStatus(ro: Rollout, changes: PauseChanges, now: number): PauseStatus {
  const status = ro.status ?? {};
  const abortedAt = status.abortedAt ?? formatRFC3339(now);
  if (changes.addAbort || (!changes.removeAbort && status.abort)) return { abort: true, abortedAt };
  if (changes.clear) return {};
  const remove = new Set(changes.remove ?? []);
  const existing = status.pauseConditions ?? [];
  const kept = existing.filter((c) => !remove.has(c.reason));
  const present = new Set(existing.map((c) => c.reason));
  let controllerPause = !!status.controllerPause;
  for (const reason of changes.add ?? []) {
    if (present.has(reason)) continue;
    present.add(reason);
    kept.push({ reason, startTime: formatRFC3339(now) });
    controllerPause = true;
  }
  if (kept.length === 0) return {};
  return { pauseConditions: kept, controllerPause };
}

/**
 * `CompletedCanaryPauseStep`: the user resumed (controllerPause and no CanaryPauseStep condition),
 * or the duration has elapsed since the condition's startTime. Indefinite pauses never expire.
 */
export function completedCanaryPauseStep(ro: Rollout, pause: RolloutPause, now: number): boolean {
  const cond = getPauseCondition(ro, PauseReason.CanaryPauseStep);
  if (ro.status?.controllerPause && !cond) return true;
  if (pause.duration !== undefined && pause.duration !== null && cond) {
    const expires = Date.parse(cond.startTime) + pauseDurationSeconds(pause.duration) * 1000;
    return now > expires;
  }
  return false;
}

/** When a timed canary pause ends (epoch ms), for requeue-after; undefined if indefinite or not started. */
export function canaryPauseExpiry(ro: Rollout, pause: RolloutPause): number | undefined {
  const cond = getPauseCondition(ro, PauseReason.CanaryPauseStep);
  if (!cond || pause.duration === undefined || pause.duration === null) return undefined;
  return Date.parse(cond.startTime) + pauseDurationSeconds(pause.duration) * 1000;
}

/**
 * Canary pause-step reconciliation: add `CanaryPauseStep` when the current step is a pause that
 * has not started (and the user has not already resumed it).
 */
export function shouldAddCanaryPause(ro: Rollout, pause: RolloutPause | undefined, now: number): boolean {
  if (!pause) return false;
  if (getPauseCondition(ro, PauseReason.CanaryPauseStep)) return false;
  if (ro.status?.controllerPause) return false;
  return !completedCanaryPauseStep(ro, pause, now);
}
