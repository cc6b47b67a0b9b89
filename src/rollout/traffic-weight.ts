/**
 * The canary weight to write to traffic routers (reference §3.5) and the resulting
 * `status.canary.weights`. Pure: the caller supplies what it observed.
 */
import type { TrafficWeights, WeightDestination } from '../api/types/rollout-status.ts';
import type { Rollout } from '../api/types/rollout.ts';
import { getMaxTrafficWeight, getReplicasOrDefault } from '../api/defaults.ts';
import { availableReplicas, podTemplateHash, type ReplicaSet } from './replicasets.ts';
import { atDesiredReplicaCountsForCanary } from './canary-progress.ts';
import { getCurrentCanaryStep, getCurrentSetWeight, getPreviousSetWeight, isFullyPromoted, stepCount } from './steps.ts';

export interface TrafficWeightInput {
  rollout: Rollout;
  newRS?: ReplicaSet;
  stableRS?: ReplicaSet;
  otherRSs: readonly ReplicaSet[];
  /** Abort in effect for this reconcile (status.abort, or an abort decided this reconcile). */
  aborted: boolean;
  /** Weights of a running experiment's templates (`additionalDestinations`). */
  experimentDestinations?: WeightDestination[];
}

export interface DesiredTrafficWeight {
  weight: number;
  additional: WeightDestination[];
  canaryHash: string;
  stableHash: string;
  /** Managed routes (header/mirror) must be removed from routers. */
  removeManagedRoutes: boolean;
}

/** Weight the canary can take back on abort when dynamicStableScale: what the stable can serve. */
export function desiredWeightOnAbortOrStableRollback(ro: Rollout, stableRS: ReplicaSet | undefined): number {
  if (!ro.spec.strategy.canary?.dynamicStableScale) return 0;
  const max = getMaxTrafficWeight(ro);
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  let weight = replicas === 0 ? 0 : max - Math.trunc((max * availableReplicas(stableRS)) / replicas);
  const current = ro.status?.canary?.weights?.canary.weight;
  if (current !== undefined) weight = Math.min(weight, current);
  return weight;
}

/**
 * Rolled back to the stable RS while traffic was still split with dynamicStableScale: traffic is
 * balanced between the *previous* desired RS (remembered in status.canary.weights.canary.podTemplateHash)
 * and the stable until the stable is fully available again.
 */
export function dynamicallyRollingBackToStable(ro: Rollout, desiredRS: ReplicaSet | undefined): { yes: boolean; previousHash: string } {
  const canary = ro.spec.strategy.canary;
  const weights = ro.status?.canary?.weights;
  if (!isFullyPromoted(ro) || !canary?.trafficRouting || !canary.dynamicStableScale || !weights || !desiredRS) {
    return { yes: false, previousHash: '' };
  }
  const previousHash = weights.canary.podTemplateHash ?? '';
  if (previousHash !== podTemplateHash(desiredRS) && availableReplicas(desiredRS) < getReplicasOrDefault(ro.spec.replicas)) {
    return { yes: true, previousHash };
  }
  return { yes: false, previousHash: '' };
}

export function desiredTrafficWeight(input: TrafficWeightInput): DesiredTrafficWeight {
  const { rollout: ro, newRS, stableRS } = input;
  const max = getMaxTrafficWeight(ro);
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  let canaryHash = podTemplateHash(newRS);
  const stableHash = podTemplateHash(stableRS);
  const experiment = input.experimentDestinations ?? [];
  const out = (weight: number, additional: WeightDestination[], removeManagedRoutes = false): DesiredTrafficWeight => ({
    weight,
    additional,
    canaryHash,
    stableHash,
    removeManagedRoutes,
  });

  const rollback = dynamicallyRollingBackToStable(ro, newRS);
  if (rollback.yes) {
    canaryHash = rollback.previousHash;
    return out(desiredWeightOnAbortOrStableRollback(ro, stableRS), []);
  }
  if (isFullyPromoted(ro)) return out(0, [], true);
  if (input.aborted) return out(desiredWeightOnAbortOrStableRollback(ro, stableRS), [], true);
  if (!newRS || availableReplicas(newRS) === 0) return out(0, experiment);
  if (ro.status?.promoteFull) {
    let weight = 0;
    if (ro.spec.strategy.canary?.dynamicStableScale) weight = replicas === 0 ? 0 : Math.trunc((max * availableReplicas(newRS)) / replicas);
    else weight = ro.status?.canary?.weights?.canary.weight ?? 0;
    return out(weight, [], true);
  }
  const { index } = getCurrentCanaryStep(ro);
  if (index === undefined) return out(0, []);
  if (!atDesiredReplicaCountsForCanary(ro, newRS, stableRS, input.otherRSs, undefined)) {
    // The new RS is not ready for the new weight yet: keep the previous step's weight.
    return out(getPreviousSetWeight(ro), experiment);
  }
  if (index !== stepCount(ro)) return out(getCurrentSetWeight(ro), experiment);
  return out(max, []);
}

/** `status.canary.weights` for a desired weight; `modified` resets `verified`. */
export function calculateWeightStatus(
  ro: Rollout,
  canaryHash: string,
  stableHash: string,
  weight: number,
  additional: readonly WeightDestination[] = [],
): { modified: boolean; weights: TrafficWeights } {
  const canary = ro.spec.strategy.canary;
  const max = getMaxTrafficWeight(ro);
  let stableWeight = max - weight;
  for (const d of additional) stableWeight -= d.weight;
  const weights: TrafficWeights = {
    canary: { weight, podTemplateHash: canaryHash, serviceName: canary?.canaryService ?? '' },
    stable: { weight: stableWeight, podTemplateHash: stableHash, serviceName: canary?.stableService ?? '' },
  };
  if (additional.length > 0) weights.additional = [...additional];
  const prev = ro.status?.canary?.weights;
  const sameDest = (a: WeightDestination, b: WeightDestination) =>
    a.weight === b.weight && (a.podTemplateHash ?? '') === (b.podTemplateHash ?? '') && (a.serviceName ?? '') === (b.serviceName ?? '');
  const modified =
    !prev ||
    !sameDest(prev.canary, weights.canary) ||
    !sameDest(prev.stable, weights.stable) ||
    JSON.stringify(prev.additional ?? []) !== JSON.stringify(weights.additional ?? []);
  return { modified, weights };
}

/** Event message for a weight change: `Traffic weight updated from 10 to 20`. */
export function trafficWeightUpdatedMessage(prev: TrafficWeights | undefined, next: TrafficWeights): string {
  const details: string[] = [];
  if (!prev) details.push(`to ${next.canary.weight}`);
  else if (prev.canary.weight !== next.canary.weight) details.push(`from ${prev.canary.weight} to ${next.canary.weight}`);
  if (prev && JSON.stringify(prev.additional ?? []) !== JSON.stringify(next.additional ?? [])) {
    details.push(`additional: ${JSON.stringify(next.additional ?? [])}`);
  }
  return `Traffic weight updated ${details.join(', ')}`;
}
