/** One entry point for "how big should the new and stable RS be" across strategies (`NewRSNewReplicas`). */
import type { Rollout } from '../api/types/rollout.ts';
import type { TrafficWeights } from '../api/types/rollout-status.ts';
import { blueGreenNewRSReplicas } from './bluegreen.ts';
import { calculateReplicaCountsForBasicCanary, type ReplicaCounts } from './replicas-basic-canary.ts';
import { calculateReplicaCountsForTrafficRoutedCanary } from './replicas-traffic-canary.ts';
import { getOtherRSs, getStableRS, type ReplicaSet } from './replicasets.ts';

export interface ClassifiedReplicaSets {
  newRS?: ReplicaSet;
  stableRS?: ReplicaSet;
  otherRSs: ReplicaSet[];
}

/** Splits the rollout's RSs into new (by hash), stable (status.stableRS) and the rest. */
export function classifyReplicaSets(ro: Rollout, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined): ClassifiedReplicaSets {
  const stableRS = getStableRS(ro, newRS, allRSs);
  return { newRS, stableRS, otherRSs: getOtherRSs(newRS, stableRS, allRSs) };
}

/** Desired canary/stable counts for a canary rollout, basic or traffic-routed. */
export function desiredCanaryReplicaCounts(ro: Rollout, rs: ClassifiedReplicaSets, weights?: TrafficWeights): ReplicaCounts {
  if (ro.spec.strategy.canary?.trafficRouting) return calculateReplicaCountsForTrafficRoutedCanary(ro, weights);
  return calculateReplicaCountsForBasicCanary(ro, rs.newRS, rs.stableRS, rs.otherRSs);
}

/** `NewRSNewReplicas`: spec.replicas the new RS should get this reconcile. */
export function newRSNewReplicas(ro: Rollout, allRSs: readonly ReplicaSet[], newRS: ReplicaSet, weights?: TrafficWeights): number {
  if (ro.spec.strategy.blueGreen) return blueGreenNewRSReplicas(ro, newRS, allRSs);
  return desiredCanaryReplicaCounts(ro, classifyReplicaSets(ro, allRSs, newRS), weights).canary;
}
