/**
 * maxSurge / maxUnavailable resolution (`resolveFenceposts`, `MaxSurge`, `MaxUnavailable`):
 * surge rounds up, unavailability rounds down; if both resolve to 0, maxUnavailable becomes 1;
 * maxUnavailable is capped at spec.replicas.
 */
import type { IntOrString } from '../api/intstr.ts';
import { resolveIntOrPercent } from '../api/intstr.ts';
import type { Rollout } from '../api/types/rollout.ts';
import { getMaxSurgeOrDefault, getMaxUnavailableOrDefault, getReplicasOrDefault } from '../api/defaults.ts';

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): Fenceposts {
  // Malformed values are rejected by validation; treat them as 0 like Argo ignores the error.
  const surge = resolveIntOrPercent(maxSurge ?? 0, desired, true) ?? 0;
  let unavailable = resolveIntOrPercent(maxUnavailable ?? 0, desired, false) ?? 0;
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/** Extra pods allowed above spec.replicas (canary only; 0 for blue-green). */
export function maxSurgeOf(ro: Rollout): number {
  if (!ro.spec.strategy.canary) return 0;
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  return resolveFenceposts(getMaxSurgeOrDefault(ro), getMaxUnavailableOrDefault(ro), replicas).maxSurge;
}

/** Pods allowed to be unavailable (0 when replicas is 0; never more than replicas). */
export function maxUnavailableOf(ro: Rollout): number {
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  if (replicas === 0) return 0;
  let unavailable: number;
  if (ro.spec.strategy.canary) {
    unavailable = resolveFenceposts(getMaxSurgeOrDefault(ro), getMaxUnavailableOrDefault(ro), replicas).maxUnavailable;
  } else {
    unavailable = resolveIntOrPercent(getMaxUnavailableOrDefault(ro), replicas, false) ?? 0;
  }
  return Math.min(unavailable, replicas);
}
