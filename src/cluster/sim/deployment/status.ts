/**
 * Deployment status and conditions (Kubernetes' calculateStatus, syncRolloutStatus, progress checks):
 * counts summed over the ReplicaSets, Available from minimum availability, Progressing with the
 * controller's reasons and messages, and when to look again for a progress-deadline timeout. Pure.
 */
import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1.js';
import { formatTime, parseTime } from '../../../kube/time-format.ts';
import { getCondition, removeCondition, setCondition } from '../util/conditions.ts';
import { semanticEqual } from '../util/semantic.ts';
import type { DeploymentObject, ReplicaSetObject } from '../util/types.ts';
import { maxUnavailable } from './fenceposts.ts';
import { actualReplicaCount, availableReplicaCount, readyReplicaCount, replicaCount } from './rs-util.ts';
import type { DeploymentSpecView } from './spec.ts';

export const AVAILABLE = 'Available';
export const PROGRESSING = 'Progressing';
export const REPLICA_FAILURE = 'ReplicaFailure';

export const REASON_MIN_AVAILABLE = 'MinimumReplicasAvailable';
export const REASON_MIN_UNAVAILABLE = 'MinimumReplicasUnavailable';
export const REASON_NEW_RS = 'NewReplicaSetCreated';
export const REASON_FOUND_NEW_RS = 'FoundNewReplicaSet';
export const REASON_RS_UPDATED = 'ReplicaSetUpdated';
export const REASON_NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const REASON_TIMED_OUT = 'ProgressDeadlineExceeded';
export const REASON_PAUSED = 'DeploymentPaused';
export const REASON_RESUMED = 'DeploymentResumed';
export const REASON_FAILED_RS_CREATE = 'ReplicaSetCreateError';

export function newCondition(type: string, status: string, reason: string, message: string, now: number): DeploymentCondition {
  const t = formatTime(now);
  return { type, status, reason, message, lastUpdateTime: t, lastTransitionTime: t };
}

export function setDeploymentCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  status.conditions = setCondition(status.conditions, cond);
}

export function calculateStatus(d: DeploymentObject, spec: DeploymentSpecView, all: readonly (ReplicaSetObject | undefined)[], newRS: ReplicaSetObject | undefined, now: number): DeploymentStatus {
  const available = availableReplicaCount(all);
  const total = replicaCount(all);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: actualReplicaCount(all),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(all),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  status.conditions = [...(d.status?.conditions ?? [])];
  if (available >= spec.replicas - maxUnavailable(spec)) {
    setDeploymentCondition(status, newCondition(AVAILABLE, 'True', REASON_MIN_AVAILABLE, 'Deployment has minimum availability.', now));
  } else {
    setDeploymentCondition(status, newCondition(AVAILABLE, 'False', REASON_MIN_UNAVAILABLE, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

export function deploymentComplete(d: DeploymentObject, spec: DeploymentSpecView, s: DeploymentStatus): boolean {
  return (
    (s.updatedReplicas ?? 0) === spec.replicas &&
    (s.replicas ?? 0) === spec.replicas &&
    (s.availableReplicas ?? 0) === spec.replicas &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

export function deploymentProgressing(d: DeploymentObject, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function deploymentTimedOut(spec: DeploymentSpecView, s: DeploymentStatus, now: number): boolean {
  if (spec.progressDeadlineSeconds === undefined) return false;
  const cond = getCondition(s.conditions, PROGRESSING);
  if (!cond) return false;
  if (cond.reason === REASON_NEW_RS_AVAILABLE) return false;
  if (cond.reason === REASON_TIMED_OUT) return true;
  const from = parseTime(cond.lastUpdateTime ?? undefined);
  return from !== undefined && from + spec.progressDeadlineSeconds * 1000 < now;
}

/** The ReplicaFailure conditions of the ReplicaSets, as Deployment conditions (new ReplicaSet first). */
export function replicaFailures(all: readonly (ReplicaSetObject | undefined)[], newRS: ReplicaSetObject | undefined): DeploymentCondition[] {
  const convert = (rs: ReplicaSetObject): DeploymentCondition[] =>
    (rs.status?.conditions ?? [])
      .filter((c) => c.type === REPLICA_FAILURE)
      .map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime, reason: c.reason, message: c.message }));
  const fromNew = newRS ? convert(newRS) : [];
  if (fromNew.length > 0) return fromNew;
  return all.flatMap((rs) => (rs ? convert(rs) : []));
}

/** syncRolloutStatus's status: counts, Available, Progressing (with the deadline) and ReplicaFailure. */
export function rolloutStatus(d: DeploymentObject, spec: DeploymentSpecView, all: readonly (ReplicaSetObject | undefined)[], newRS: ReplicaSetObject | undefined, now: number): DeploymentStatus {
  const status = calculateStatus(d, spec, all, newRS, now);
  if (spec.progressDeadlineSeconds === undefined) status.conditions = removeCondition(status.conditions, PROGRESSING);
  const current = getCondition(d.status?.conditions, PROGRESSING);
  const complete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === REASON_NEW_RS_AVAILABLE;
  if (spec.progressDeadlineSeconds !== undefined && !complete) {
    const name = d.metadata.name ?? '';
    if (deploymentComplete(d, spec, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${name}" has successfully progressed.`;
      setDeploymentCondition(status, newCondition(PROGRESSING, 'True', REASON_NEW_RS_AVAILABLE, msg, now));
    } else if (deploymentProgressing(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${name}" is progressing.`;
      const cond = newCondition(PROGRESSING, 'True', REASON_RS_UPDATED, msg, now);
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        status.conditions = removeCondition(status.conditions, PROGRESSING);
      }
      setDeploymentCondition(status, cond);
    } else if (deploymentTimedOut(spec, status, now)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${name}" has timed out progressing.`;
      setDeploymentCondition(status, newCondition(PROGRESSING, 'False', REASON_TIMED_OUT, msg, now));
    }
  }
  const failures = replicaFailures(all, newRS);
  if (failures.length > 0) setDeploymentCondition(status, failures[0] as DeploymentCondition);
  else status.conditions = removeCondition(status.conditions, REPLICA_FAILURE);
  return status;
}

/**
 * requeueStuckDeployment: when an unfinished rollout has made no progress, the time (ms from now) at
 * which to check it for a progress-deadline timeout; undefined when there is nothing to wait for.
 */
export function stuckRequeueMs(d: DeploymentObject, spec: DeploymentSpecView, next: DeploymentStatus, now: number): number | undefined {
  const current = getCondition(d.status?.conditions, PROGRESSING);
  if (spec.progressDeadlineSeconds === undefined || !current) return undefined;
  if (deploymentComplete(d, spec, next) || current.reason === REASON_TIMED_OUT) return undefined;
  const updated = parseTime(current.lastUpdateTime ?? undefined) ?? now;
  const after = updated + spec.progressDeadlineSeconds * 1000 - now;
  if (after < 1000) return 1000;
  return after + 1000;
}

export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  const norm = (s: DeploymentStatus | undefined): DeploymentStatus => ({
    observedGeneration: s?.observedGeneration ?? 0,
    replicas: s?.replicas ?? 0,
    updatedReplicas: s?.updatedReplicas ?? 0,
    readyReplicas: s?.readyReplicas ?? 0,
    availableReplicas: s?.availableReplicas ?? 0,
    unavailableReplicas: s?.unavailableReplicas ?? 0,
    collisionCount: s?.collisionCount,
    conditions: s?.conditions ?? [],
  });
  return semanticEqual(norm(a), norm(b));
}
