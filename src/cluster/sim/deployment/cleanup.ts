/** cleanupDeployment: delete the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. Pure. */
import type { ReplicaSetObject } from '../util/types.ts';
import { byRevision, specReplicas } from './rs-util.ts';

export function replicaSetsToCleanUp(oldRSs: readonly ReplicaSetObject[], revisionHistoryLimit: number | undefined): ReplicaSetObject[] {
  if (revisionHistoryLimit === undefined) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - revisionHistoryLimit;
  if (diff <= 0) return [];
  return [...cleanable]
    .sort(byRevision)
    .slice(0, diff)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        specReplicas(rs) === 0 &&
        (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0) &&
        !rs.metadata.deletionTimestamp,
    );
}
