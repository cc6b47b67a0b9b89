/**
 * Replica counts of `status` (reference §2.1): sums over all RSs; blue-green takes available/ready
 * from the active RS; HPAReplicas and selector feed the scale subresource.
 */
import type { Rollout } from '../api/types/rollout.ts';
import type { RolloutStatus } from '../api/types/rollout-status.ts';
import { formatLabelSelector } from '../api/label-selector.ts';
import { actualReplicas, findByHash, readyReplicas, sumActualReplicas, sumAvailableReplicas, sumReadyReplicas, availableReplicas, type ReplicaSet } from './replicasets.ts';

export type StatusCounts = Required<Pick<RolloutStatus, 'replicas' | 'updatedReplicas' | 'readyReplicas' | 'availableReplicas' | 'HPAReplicas' | 'selector'>>;

/**
 * `activeSelector` is the hash the active Service selects (blue-green only).
 */
export function calculateStatusCounts(ro: Rollout, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, activeSelector?: string): StatusCounts {
  const base = {
    replicas: sumActualReplicas(allRSs),
    updatedReplicas: actualReplicas(newRS),
    readyReplicas: sumReadyReplicas(allRSs),
  };
  if (ro.spec.strategy.blueGreen) {
    const active = findByHash(allRSs, activeSelector);
    if (active) {
      return {
        ...base,
        availableReplicas: availableReplicas(active),
        readyReplicas: readyReplicas(active),
        HPAReplicas: actualReplicas(active),
        selector: formatLabelSelector(active.spec?.selector),
      };
    }
  }
  return { ...base, availableReplicas: sumAvailableReplicas(allRSs), HPAReplicas: sumActualReplicas(allRSs), selector: formatLabelSelector(ro.spec.selector) };
}
