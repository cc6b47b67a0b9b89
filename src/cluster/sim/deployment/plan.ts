/**
 * One Deployment sync as a pure decision (Kubernetes' syncDeployment): from the deployment, the
 * ReplicaSets it owns, their pods (for Recreate) and the time, the ordered writes to make and when to
 * look again.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1.js';
import type { PodObject, DeploymentObject, ReplicaSetObject } from '../util/types.ts';
import { getCondition } from '../util/conditions.ts';
import type { DeploymentPlan } from './actions.ts';
import { replicaSetsToCleanUp } from './cleanup.ts';
import { scale } from './proportional.ts';
import { rolloutRecreate } from './recreate.ts';
import { current, rolloutRolling } from './rolling.ts';
import { desiredReplicasAnnotation } from './rs-annotations.ts';
import { filterActive } from './rs-util.ts';
import {
  calculateStatus,
  deploymentComplete,
  newCondition,
  PROGRESSING,
  REASON_PAUSED,
  REASON_RESUMED,
  REASON_TIMED_OUT,
  rolloutStatus,
  setDeploymentCondition,
  statusEqual,
  stuckRequeueMs,
} from './status.ts';
import { SyncState } from './sync-state.ts';

function isEmptySelector(d: DeploymentObject): boolean {
  const s = d.spec?.selector;
  return !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);
}

/** Writes the final status if it differs from the stored one; with `requeueStuck`, plans the deadline check. */
function finishStatus(st: SyncState, status: DeploymentStatus, requeueStuck: boolean): DeploymentPlan {
  if (!statusEqual(st.storedStatus, status)) {
    st.actions.push({ kind: 'updateStatus', status });
    return { actions: st.actions };
  }
  const plan: DeploymentPlan = { actions: st.actions };
  if (requeueStuck) {
    const after = stuckRequeueMs(st.d, st.spec, status, st.now);
    if (after !== undefined) plan.requeueAfterMs = after;
  }
  return plan;
}

function cleanup(st: SyncState, oldRSs: readonly ReplicaSetObject[]): void {
  for (const rs of replicaSetsToCleanUp(current(st, oldRSs), st.spec.revisionHistoryLimit)) st.actions.push({ kind: 'deleteReplicaSet', rs });
}

/** checkPausedConditions: Progressing=Unknown DeploymentPaused/DeploymentResumed. */
function checkPausedConditions(st: SyncState): void {
  if (st.spec.progressDeadlineSeconds === undefined) return;
  const cond = getCondition(st.d.status?.conditions, PROGRESSING);
  if (cond?.reason === REASON_TIMED_OUT) return;
  const pausedCond = cond?.reason === REASON_PAUSED;
  const status: DeploymentStatus = { ...(st.d.status ?? {}) };
  if (st.spec.paused && !pausedCond) setDeploymentCondition(status, newCondition(PROGRESSING, 'Unknown', REASON_PAUSED, 'Deployment is paused', st.now));
  else if (!st.spec.paused && pausedCond) setDeploymentCondition(status, newCondition(PROGRESSING, 'Unknown', REASON_RESUMED, 'Deployment is resumed', st.now));
  else return;
  st.setStatus(status);
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count. */
function isScalingEvent(st: SyncState): boolean {
  const { newRS, oldRSs } = st.getAllReplicaSetsAndSyncRevision(false);
  for (const rs of filterActive(newRS ? [...oldRSs, newRS] : oldRSs)) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== st.spec.replicas) return true;
  }
  return false;
}

/** sync: scaling events and paused deployments (no rollout progress). */
function syncScale(st: SyncState): DeploymentPlan {
  const { newRS, oldRSs } = st.getAllReplicaSetsAndSyncRevision(false);
  scale(st, newRS, oldRSs);
  if (st.spec.paused) cleanup(st, oldRSs);
  const all = current(st, newRS ? [...oldRSs, newRS] : oldRSs);
  const fresh = newRS ? current(st, [newRS])[0] : undefined;
  return finishStatus(st, calculateStatus(st.d, st.spec, all, fresh, st.now), false);
}

export function planDeploymentSync(
  d: DeploymentObject,
  rsList: readonly ReplicaSetObject[],
  podsByRs: ReadonlyMap<string, readonly PodObject[]>,
  now: number,
): DeploymentPlan {
  const st = new SyncState(d, rsList, now);
  if (isEmptySelector(d)) {
    st.event('Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      st.actions.push({ kind: 'updateStatus', status: { ...(d.status ?? {}), observedGeneration: d.metadata.generation ?? 0 } });
    }
    return { actions: st.actions };
  }
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = st.getAllReplicaSetsAndSyncRevision(false);
    return finishStatus(st, calculateStatus(st.d, st.spec, newRS ? [...oldRSs, newRS] : oldRSs, newRS, now), false);
  }
  checkPausedConditions(st);
  if (st.spec.paused) return syncScale(st);
  if (isScalingEvent(st)) return syncScale(st);

  if (st.spec.strategy === 'Recreate') {
    const r = rolloutRecreate(st, podsByRs);
    if (r.done && deploymentComplete(st.d, st.spec, st.d.status ?? {})) cleanup(st, r.oldRSs);
    return finishStatus(st, rolloutStatus(st.d, st.spec, r.all, r.newRS, now), true);
  }
  const r = rolloutRolling(st);
  if (!r.scaled && deploymentComplete(st.d, st.spec, st.d.status ?? {})) cleanup(st, r.oldRSs);
  return finishStatus(st, rolloutStatus(st.d, st.spec, r.all, r.newRS, now), true);
}
