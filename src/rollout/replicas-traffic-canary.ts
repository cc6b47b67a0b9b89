/**
 * Traffic-routed canary replica math, reference §3.5 (`CalculateReplicaCountsForTrafficRoutedCanary`):
 * the canary is sized from setCanaryScale or the weight, the stable stays fully scaled unless
 * `dynamicStableScale`, and minPodsPerReplicaSet raises non-zero counts.
 */
import type { TrafficWeights } from '../api/types/rollout-status.ts';
import type { Rollout } from '../api/types/rollout.ts';
import { getMaxTrafficWeight, getReplicasOrDefault } from '../api/defaults.ts';
import type { ReplicaCounts } from './replicas-basic-canary.ts';
import { getCanaryReplicasOrWeight } from './steps.ts';

/** Replicas needed to serve `weight` of the traffic, rounded up: `ceil(replicas·weight/max)`. */
export function trafficWeightToReplicas(replicas: number, weight: number, maxWeight = 100): number {
  return Math.ceil((weight * replicas) / maxWeight);
}

/** Raises a non-zero count to `minPodsPerReplicaSet` (trafficRouting only). */
export function checkMinPodsPerReplicaSet(ro: Rollout, count: number): number {
  if (count === 0) return 0;
  const canary = ro.spec.strategy.canary;
  const min = canary?.minPodsPerReplicaSet;
  if (!canary?.trafficRouting || min === undefined || min === null) return count;
  return Math.max(count, min);
}

/**
 * Desired canary and stable replica counts. `weights` are the weights currently applied to the
 * routers (`status.canary.weights`): with dynamicStableScale the stable never drops below what its
 * current traffic needs, and on abort the canary keeps what its current traffic needs.
 */
export function calculateReplicaCountsForTrafficRoutedCanary(ro: Rollout, weights?: TrafficWeights): ReplicaCounts {
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  const maxWeight = getMaxTrafficWeight(ro);
  const { replicas: scaleReplicas, weight } = getCanaryReplicasOrWeight(ro);
  let canary =
    scaleReplicas !== undefined ? scaleReplicas : checkMinPodsPerReplicaSet(ro, trafficWeightToReplicas(replicas, weight, maxWeight));

  if (!ro.spec.strategy.canary?.dynamicStableScale) return { canary, stable: replicas };

  let stable = trafficWeightToReplicas(replicas, maxWeight - weight, maxWeight);
  if (weights) {
    stable = Math.max(stable, trafficWeightToReplicas(replicas, weights.stable.weight, maxWeight));
    if (ro.status?.abort) canary = Math.max(canary, trafficWeightToReplicas(replicas, weights.canary.weight, maxWeight));
  }
  return { canary: checkMinPodsPerReplicaSet(ro, canary), stable: checkMinPodsPerReplicaSet(ro, stable) };
}
