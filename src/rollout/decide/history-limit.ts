/**
 * `revisionHistoryLimit` (reference §1.1): old ReplicaSets beyond the limit are deleted, oldest
 * first, but only once they are fully scaled down and their status has caught up.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { getRevisionHistoryLimitOrDefault } from '../../api/defaults.ts';
import { actualReplicas, sortByCreation, specReplicas } from '../replicasets.ts';
import type { DecideContext } from './context.ts';

function deletable(rs: ReplicaSet): boolean {
  if (rs.metadata?.deletionTimestamp) return false;
  if (actualReplicas(rs) !== 0 || specReplicas(rs) !== 0) return false;
  return (rs.metadata?.generation ?? 0) <= (rs.status?.observedGeneration ?? 0);
}

/** `reconcileRevisionHistoryLimit` over the given old ReplicaSets. */
export function reconcileRevisionHistoryLimit(ctx: DecideContext, oldRSs: readonly ReplicaSet[]): void {
  const limit = getRevisionHistoryLimitOrDefault(ctx.ro);
  const cleanable = sortByCreation(oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp));
  const excess = cleanable.length - limit;
  for (let i = 0; i < excess; i++) {
    const rs = cleanable[i] as ReplicaSet;
    if (deletable(rs)) ctx.deleteReplicaSet(rs);
  }
}
