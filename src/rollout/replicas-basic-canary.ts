/**
 * Basic canary replica math (no trafficRouting), reference §3.4 — `CalculateReplicaCountsForBasicCanary`.
 * The weight is approximated with replica counts; total pods stay within replicas + maxSurge and
 * availability within replicas − maxUnavailable. With no steps the weight is 100%, which makes this
 * the rolling update: surge the new RS, drain the stable as new pods become available.
 */
import type { Rollout } from '../api/types/rollout.ts';
import { getMaxTrafficWeight, getReplicasOrDefault } from '../api/defaults.ts';
import { maxSurgeOf, maxUnavailableOf } from './fenceposts.ts';
import { availableReplicas, checkStableRSExists, specReplicas, sumSpecReplicas, type ReplicaSet } from './replicasets.ts';
import { getCanaryReplicasOrWeight } from './steps.ts';

export interface ReplicaCounts {
  canary: number;
  stable: number;
}

function frac(x: number): number {
  return x - Math.trunc(x);
}

/** Floor and ceiling are equidistant from the weight (e.g. 3 replicas at 50%). */
function floorCeilingTied(weight: number, total: number, maxWeight: number): boolean {
  return frac(total * (weight / maxWeight)) === 0.5;
}

function weightDelta(weight: number, canary: number, total: number, maxWeight: number): number {
  return Math.abs((canary * maxWeight) / total - weight);
}

/**
 * Closest (canary, stable) pair to `weight`: totals of `replicas` or, if surge is allowed,
 * `replicas + 1`; neither side is 0 for a weight strictly between 0 and max (unless a single
 * replica without surge). First candidate wins ties.
 */
export function approximateWeightedCanaryStableReplicaCounts(
  replicas: number,
  weight: number,
  maxSurge: number,
  maxWeight = 100,
): ReplicaCounts {
  if (replicas === 0) return { canary: 0, stable: 0 };
  const ceil = Math.ceil((replicas * weight) / maxWeight);
  const floor = Math.floor((replicas * weight) / maxWeight);
  const tied = floorCeilingTied(weight, replicas, maxWeight);
  const zeroAllowed = weight === maxWeight || weight === 0 || (replicas === 1 && maxSurge === 0);

  const options: Array<{ canary: number; total: number }> = [];
  if (ceil < replicas || zeroAllowed) options.push({ canary: ceil, total: replicas });
  if (!tied && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas });
  if (maxSurge > 0) {
    options.push({ canary: ceil, total: replicas + 1 });
    const surgeTied = floorCeilingTied(weight, replicas + 1, maxWeight);
    if (!surgeTied && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas + 1 });
  }
  const first = options[0];
  // Argo's "should not get here" returns 0 canary pods; it is reached when floor and ceiling tie,
  // the ceiling is every replica and there is no surge (e.g. 2 replicas at 75%, maxSurge 0).
  // Vane takes the floor instead, so that a weight strictly between 0 and max keeps both sides.
  if (!first) return { canary: floor, stable: replicas - floor };
  let best = first;
  let bestDelta = weightDelta(weight, best.canary, best.total, maxWeight);
  for (const opt of options.slice(1)) {
    const d = weightDelta(weight, opt.canary, opt.total, maxWeight);
    if (d < bestDelta) {
      best = opt;
      bestDelta = d;
    }
  }
  return { canary: best.canary, stable: best.total - best.canary };
}

/**
 * Replicas to consider when scaling `rs` down: spec when availability is ignored or already
 * above spec (surplus pods are about to go), else available.
 */
export function replicasForScaleDown(rs: ReplicaSet | undefined, ignoreAvailability: boolean): number {
  if (!rs) return 0;
  const spec = specReplicas(rs);
  const available = availableReplicas(rs);
  if (spec < available) return spec;
  return ignoreAvailability ? spec : available;
}

function scaleDownTowards(rs: ReplicaSet | undefined, desired: number, scaleDownCount: number, current: number): number {
  if (rs && specReplicas(rs) > desired) return Math.max(desired, specReplicas(rs) - scaleDownCount);
  return current;
}

/**
 * After draining `drainRS`, bring the pair back within maxSurge without dropping below
 * minAvailable: take the excess from `adjustRS` first but give back what it would cost in
 * availability, then take what is still over the limit from `drainRS`.
 */
function adjustWithinLimits(
  drainRS: ReplicaSet | undefined,
  adjustRS: ReplicaSet | undefined,
  drainCount: number,
  adjustCount: number,
  maxTotal: number,
  minAvailable: number,
): { drain: number; adjust: number } {
  let overLimit = Math.max(0, adjustCount + drainCount - maxTotal);
  let totalAvailable = 0;
  if (drainRS) totalAvailable += Math.min(availableReplicas(drainRS), drainCount);
  if (adjustRS) {
    adjustCount -= overLimit;
    totalAvailable += Math.min(availableReplicas(adjustRS), adjustCount);
    const lostAvailability = Math.max(0, availableReplicas(adjustRS) - adjustCount);
    const stillNeeded = Math.max(0, minAvailable - totalAvailable);
    adjustCount += Math.min(lostAvailability, stillNeeded);
    overLimit = Math.max(0, adjustCount + drainCount - maxTotal);
    drainCount -= overLimit;
  }
  return { drain: drainCount, adjust: adjustCount };
}

/**
 * Desired spec.replicas of the new (canary) and stable RS for this reconcile, given the observed
 * RSs. `otherRSs` are all RSs that are neither new nor stable.
 */
export function calculateReplicaCountsForBasicCanary(
  ro: Rollout,
  newRS: ReplicaSet | undefined,
  stableRS: ReplicaSet | undefined,
  otherRSs: readonly ReplicaSet[],
): ReplicaCounts {
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  const maxWeight = getMaxTrafficWeight(ro);
  const { weight } = getCanaryReplicasOrWeight(ro);
  const maxSurge = maxSurgeOf(ro);

  let { canary: desiredNew, stable: desiredStable } = approximateWeightedCanaryStableReplicaCounts(replicas, weight, maxSurge, maxWeight);

  let newCount = newRS ? specReplicas(newRS) : 0;
  let stableCount = 0;
  const scaleStable = checkStableRSExists(newRS, stableRS);
  if (scaleStable) {
    stableCount = specReplicas(stableRS);
  } else {
    // No distinct stable: drive the new RS to 100%.
    desiredNew = replicas;
    desiredStable = 0;
  }

  const maxTotal = replicas + maxSurge;
  const all: Array<ReplicaSet | undefined> = [...otherRSs, newRS];
  if (scaleStable) all.push(stableRS);
  let scaleUp = maxTotal - sumSpecReplicas(all);

  // Scale up: stable first, then canary.
  if (scaleStable && specReplicas(stableRS) < desiredStable && scaleUp > 0) {
    const current = specReplicas(stableRS);
    if (current + scaleUp < desiredStable) {
      stableCount = current + scaleUp;
      scaleUp = 0;
    } else {
      stableCount = desiredStable;
      scaleUp -= desiredStable - current;
    }
  }
  if (newRS && specReplicas(newRS) < desiredNew && scaleUp > 0) {
    const current = specReplicas(newRS);
    newCount = current + scaleUp < desiredNew ? current + scaleUp : desiredNew;
  }

  // Older RSs are scaled down first, before touching the new or stable RS.
  if (sumSpecReplicas(otherRSs) > 0) return { canary: newCount, stable: stableCount };

  const minAvailable = replicas - maxUnavailableOf(ro);
  // Increasing the canary: ignore the stable's availability (it may be crash-looping); decreasing
  // (e.g. abort): ignore the canary's.
  const increasing = !newRS || desiredNew >= specReplicas(newRS);
  const toScaleDown = replicasForScaleDown(newRS, !increasing) + replicasForScaleDown(stableRS, increasing);
  if (toScaleDown <= minAvailable) return { canary: newCount, stable: stableCount };

  const scaleDownCount = toScaleDown - minAvailable;
  if (!increasing) {
    newCount = scaleDownTowards(newRS, desiredNew, scaleDownCount, newCount);
    const r = adjustWithinLimits(newRS, stableRS, newCount, stableCount, maxTotal, minAvailable);
    newCount = r.drain;
    stableCount = r.adjust;
  } else if (scaleStable) {
    stableCount = scaleDownTowards(stableRS, desiredStable, scaleDownCount, stableCount);
    const r = adjustWithinLimits(stableRS, newRS, stableCount, newCount, maxTotal, minAvailable);
    stableCount = r.drain;
    newCount = r.adjust;
  }
  return { canary: newCount, stable: stableCount };
}
