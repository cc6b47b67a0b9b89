/**
 * The condition half of a reconcile: `checkPausedConditions` (Paused / Progressing=Unknown on
 * pause, resume, retry) and `calculateRolloutConditions` (Healthy, Progressing with deadline,
 * Available, ReplicaFailure, Completed, RolloutAborted).
 */
import type { RolloutCondition, RolloutStatus } from '../api/types/rollout-status.ts';
import type { Rollout } from '../api/types/rollout.ts';
import { ConditionMessage, ConditionReason, RolloutConditionType } from '../api/constants.ts';
import {
  getCondition,
  newCondition,
  removeCondition,
  rolloutCompleted,
  rolloutHealthy,
  rolloutProgressing,
  rolloutTimedOut,
  setCondition,
} from './conditions.ts';

/** Conditions to set before the strategy runs, from spec.paused / pauseConditions / abort. */
export function pausedConditionUpdates(ro: Rollout, now: number): RolloutCondition[] {
  const progress = getCondition(ro.status, RolloutConditionType.Progressing);
  const progressPaused = progress?.reason === ConditionReason.RolloutPaused;
  const isPaused = (ro.status?.pauseConditions ?? []).length > 0 || !!ro.spec.paused;
  const abortCondExists = progress?.reason === ConditionReason.RolloutAborted;
  const updates: RolloutCondition[] = [];
  if (isPaused !== progressPaused && !abortCondExists) {
    updates.push(
      isPaused
        ? newCondition(RolloutConditionType.Progressing, 'Unknown', ConditionReason.RolloutPaused, ConditionMessage.paused, now)
        : newCondition(RolloutConditionType.Progressing, 'Unknown', ConditionReason.RolloutResumed, ConditionMessage.resumed, now),
    );
  }
  if (!ro.status?.abort && abortCondExists) {
    updates.push(newCondition(RolloutConditionType.Progressing, 'Unknown', ConditionReason.RolloutRetry, ConditionMessage.retry, now));
  }
  const pausedCond = getCondition(ro.status, RolloutConditionType.Paused);
  const pausedTrue = pausedCond?.status === 'True';
  if (isPaused !== pausedTrue && !abortCondExists) {
    updates.push(newCondition(RolloutConditionType.Paused, isPaused ? 'True' : 'False', ConditionReason.RolloutPaused, ConditionMessage.paused, now));
  }
  return updates;
}

export interface ConditionsInput {
  rollout: Rollout;
  /** The status being built this reconcile (replica counts, hashes, selectors, step index). */
  status: RolloutStatus;
  newRSName?: string;
  aborted: boolean;
  /** Detail appended to "Rollout aborted update to revision N" (e.g. the failed analysis). */
  abortMessage?: string;
  /** Current revision (for the abort message). */
  revision: number;
  /** Blue-green: active RS is saturated; canary: total available ≥ replicas. */
  available: boolean;
  /** ReplicaFailure copied from an RS, if any. */
  replicaFailure?: RolloutCondition;
  /** At a pause/analysis/experiment step (`isIndefiniteStep`): the progress deadline is not evaluated. */
  indefiniteStep?: boolean;
  now: number;
}

export interface ConditionsResult {
  conditions: RolloutCondition[];
  events: Array<{ reason: string; message: string; type?: 'Normal' | 'Warning' }>;
  /** Progress deadline passed this reconcile (with progressDeadlineAbort the caller aborts). */
  timedOut: boolean;
}

export function calculateRolloutConditions(i: ConditionsInput): ConditionsResult {
  const ro = i.rollout;
  const events: ConditionsResult['events'] = [];
  const isPaused = (ro.status?.pauseConditions ?? []).length > 0 || !!ro.spec.paused;
  let conds = [...(i.status.conditions ?? ro.status?.conditions ?? [])];
  const view = (): RolloutStatus => ({ ...i.status, conditions: conds });
  const set = (c: RolloutCondition): boolean => {
    const r = setCondition(conds, c);
    conds = r.conditions;
    return r.changed;
  };

  let becameUnhealthy = false;
  if (!isPaused && rolloutHealthy(ro, i.status)) {
    set(newCondition(RolloutConditionType.Healthy, 'True', ConditionReason.RolloutHealthy, ConditionMessage.healthy, i.now));
  } else {
    becameUnhealthy = set(newCondition(RolloutConditionType.Healthy, 'False', ConditionReason.RolloutHealthy, ConditionMessage.notHealthy, i.now));
  }

  let timedOut = false;
  const current = getCondition(ro.status, RolloutConditionType.Progressing);
  const isComplete =
    (i.status.replicas ?? 0) === (i.status.availableReplicas ?? 0) &&
    current?.reason === ConditionReason.NewReplicaSetAvailable &&
    current.type !== RolloutConditionType.Progressing;
  if (!isComplete && !i.aborted) {
    if (rolloutHealthy(ro, i.status)) {
      const msg = i.newRSName ? ConditionMessage.replicaSetCompleted(i.newRSName) : ConditionMessage.rolloutProgressing(ro.metadata?.name ?? '');
      set(newCondition(RolloutConditionType.Progressing, 'True', ConditionReason.NewReplicaSetAvailable, msg, i.now));
    } else if (rolloutProgressing(ro, i.status)) {
      let msg = i.newRSName ? ConditionMessage.replicaSetProgressing(i.newRSName) : ConditionMessage.rolloutProgressing(ro.metadata?.name ?? '');
      let reason: string = ConditionReason.ReplicaSetUpdated;
      if (i.status.stableRS === i.status.currentPodHash && becameUnhealthy) {
        reason = ConditionReason.ReplicaSetNotAvailable;
        msg = ConditionMessage.notAvailable;
      }
      // Progress refreshes lastUpdateTime even when the reason is unchanged.
      let c = newCondition(RolloutConditionType.Progressing, 'True', reason, msg, i.now);
      const existing = getCondition(view(), RolloutConditionType.Progressing);
      if (existing) {
        if (existing.status === 'True') c = { ...c, lastTransitionTime: existing.lastTransitionTime };
        conds = removeCondition(conds, RolloutConditionType.Progressing);
      }
      set(c);
    } else if (!isPaused && !i.indefiniteStep && rolloutTimedOut(ro, view(), i.now)) {
      const msg = i.newRSName ? ConditionMessage.replicaSetTimedOut(i.newRSName) : ConditionMessage.rolloutTimedOut(ro.metadata?.name ?? '');
      if (set(newCondition(RolloutConditionType.Progressing, 'False', ConditionReason.ProgressDeadlineExceeded, msg, i.now))) {
        events.push({ reason: ConditionReason.ProgressDeadlineExceeded, message: msg, type: 'Warning' });
      }
      timedOut = true;
    }
  }

  if (i.aborted) {
    const msg = ConditionMessage.aborted(i.revision, i.abortMessage);
    if (set(newCondition(RolloutConditionType.Progressing, 'False', ConditionReason.RolloutAborted, msg, i.now))) {
      events.push({ reason: ConditionReason.RolloutAborted, message: msg, type: 'Warning' });
    }
  }

  set(
    i.available
      ? newCondition(RolloutConditionType.Available, 'True', ConditionReason.Available, ConditionMessage.available, i.now)
      : newCondition(RolloutConditionType.Available, 'False', ConditionReason.Available, ConditionMessage.notAvailable, i.now),
  );

  if (i.replicaFailure) set(i.replicaFailure);
  else conds = removeCondition(conds, RolloutConditionType.ReplicaFailure);

  if (rolloutCompleted(i.status)) {
    set(newCondition(RolloutConditionType.Completed, 'True', ConditionReason.RolloutCompleted, ConditionReason.RolloutCompleted, i.now));
  } else {
    set(newCondition(RolloutConditionType.Completed, 'False', ConditionReason.RolloutCompleted, ConditionReason.RolloutCompleted, i.now));
  }
  return { conditions: conds, events, timedOut };
}
