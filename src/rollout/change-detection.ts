/**
 * What changed since the last reconcile: pod template / steps (reset steps), scaling events
 * (desired-replicas annotation ≠ spec.replicas), and rollbacks (§3.9).
 */
import type { Rollout } from '../api/types/rollout.ts';
import { ANNOTATION_DESIRED_REPLICAS, ANNOTATION_EXPERIMENT_NAME } from '../api/constants.ts';
import { getReplicasOrDefault } from '../api/defaults.ts';
import { computeStepHash, currentPodHash } from './hash.ts';
import { podTemplateHash, type ReplicaSet } from './replicasets.ts';

/** `checkStepHashChange`: no recorded step hash counts as a change. */
export function stepsChanged(ro: Rollout): boolean {
  const recorded = ro.status?.currentStepHash ?? '';
  return recorded === '' || recorded !== computeStepHash(ro);
}

/** `CheckPodSpecChange`: the new RS's hash (or the computed hash) differs from status.currentPodHash. */
export function podTemplateChanged(ro: Rollout, newRS: ReplicaSet | undefined): boolean {
  const recorded = ro.status?.currentPodHash ?? '';
  if (recorded === '') return false;
  const hash = newRS ? podTemplateHash(newRS) : currentPodHash(ro);
  return recorded !== hash;
}

export function podTemplateOrStepsChanged(ro: Rollout, newRS: ReplicaSet | undefined): boolean {
  return stepsChanged(ro) || podTemplateChanged(ro, newRS);
}

/** Scaling event: the desired-replicas annotation of the new or stable RS ≠ spec.replicas. */
export function isScalingEvent(ro: Rollout, newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined): boolean {
  const want = String(getReplicasOrDefault(ro.spec.replicas));
  for (const rs of [newRS, stableRS]) {
    if (!rs) continue;
    const annotation = rs.metadata?.annotations?.[ANNOTATION_DESIRED_REPLICAS];
    if (annotation !== undefined && annotation !== want) return true;
  }
  return false;
}

function createdMs(rs: ReplicaSet): number {
  const t = rs.metadata?.creationTimestamp;
  return t ? Date.parse(t) : 0;
}

/** `isRollback`: the new RS is the stable RS, or was created before it. */
export function isRollback(newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined): boolean {
  if (!newRS || !stableRS) return false;
  if (podTemplateHash(newRS) === podTemplateHash(stableRS)) return true;
  return createdMs(newRS) < createdMs(stableRS);
}

/**
 * Rollback within `rollbackWindow.revisions`: the new RS was created before the stable RS and
 * fewer than N ReplicaSets (experiment RSs excluded) were created strictly between them.
 */
export function isRollbackWithinWindow(ro: Rollout, newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined, allRSs: readonly ReplicaSet[]): boolean {
  const window = ro.spec.rollbackWindow?.revisions ?? 0;
  if (window <= 0 || !newRS || !stableRS) return false;
  const from = createdMs(newRS);
  const to = createdMs(stableRS);
  if (!(from < to)) return false;
  const between = allRSs.filter((rs) => {
    if (rs.metadata?.annotations?.[ANNOTATION_EXPERIMENT_NAME] !== undefined) return false;
    const t = createdMs(rs);
    return t > from && t < to;
  }).length;
  return between < window;
}
