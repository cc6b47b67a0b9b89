/**
 * Scaling of "other" ReplicaSets (neither new nor stable): canary drains them within the
 * availability budget (`scaleDownOldReplicaSetsForCanary`), blue-green honours scale-down delays
 * (`scaleDownOldReplicaSetsForBlueGreen`); unhealthy replicas go first (`cleanupUnhealthyReplicas`).
 * An RS still referenced by the rollout's status or services is never scaled down.
 */
import type { Rollout } from '../api/types/rollout.ts';
import { PauseReason } from '../api/constants.ts';
import { getReplicasOrDefault } from '../api/defaults.ts';
import { maxUnavailableOf } from './fenceposts.ts';
import { getPauseCondition } from './pause.ts';
import { availableReplicas, podTemplateHash, rsName, sortByCreation, sortByRevision, specReplicas, sumAvailableReplicas, type ReplicaSet } from './replicasets.ts';
import { scaleDownDelayForOldRS } from './scale-down-delay.ts';

export interface ScaleAction {
  name: string;
  from: number;
  to: number;
  /** Add `scale-down-deadline` with this value. */
  addScaleDownDeadline?: string;
}

export interface OldRSPlan {
  actions: ScaleAction[];
  requeueAfterMs?: number;
}

/**
 * Hashes an RS must not be scaled down for: stable, current, active/preview selectors, canary/stable
 * weights, and the hash selectors the caller read from Services.
 */
export function referencedHashes(ro: Rollout, serviceSelectorHashes: readonly string[] = []): Set<string> {
  const s = ro.status ?? {};
  const refs = [s.stableRS, s.currentPodHash, s.blueGreen?.activeSelector, s.blueGreen?.previewSelector];
  if (s.canary?.weights) refs.push(s.canary.weights.canary.podTemplateHash, s.canary.weights.stable.podTemplateHash);
  refs.push(...serviceSelectorHashes);
  return new Set(refs.filter((h): h is string => !!h));
}

export function isReplicaSetReferenced(rs: ReplicaSet, refs: Set<string>): boolean {
  const h = podTemplateHash(rs);
  return h !== '' && refs.has(h);
}

function minRequeue(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/**
 * Canary: `maxScaleDown = available(all) − (replicas − maxUnavailable)`; newest revisions first.
 * Basic canary drains them outright; traffic-routed canary leaves them up until their delay.
 */
export function planOldReplicaSetsScaleDownForCanary(
  ro: Rollout,
  allRSs: readonly ReplicaSet[],
  otherRSs: readonly ReplicaSet[],
  now: number,
  serviceSelectorHashes: readonly string[] = [],
): OldRSPlan {
  if (getPauseCondition(ro, PauseReason.InconclusiveAnalysisRun)) return { actions: [] };
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  let maxScaleDown = sumAvailableReplicas(allRSs) - (replicas - maxUnavailableOf(ro));
  if (maxScaleDown <= 0) return { actions: [] };
  const refs = referencedHashes(ro, serviceSelectorHashes);
  const routed = !!ro.spec.strategy.canary?.trafficRouting;
  const plan: OldRSPlan = { actions: [] };
  let annotated = 0;
  for (const rs of sortByRevision(otherRSs).reverse()) {
    if (isReplicaSetReferenced(rs, refs)) continue;
    if (maxScaleDown <= 0) break;
    const current = specReplicas(rs);
    if (current === 0) continue;
    let desired = 0;
    let deadline: string | undefined;
    if (!routed) {
      if (current > maxScaleDown) desired = current - maxScaleDown;
    } else {
      const d = scaleDownDelayForOldRS(ro, rs, annotated, replicas, now);
      annotated = d.annotatedCount;
      desired = d.desiredReplicas;
      deadline = d.addDeadline;
      plan.requeueAfterMs = minRequeue(plan.requeueAfterMs, d.requeueAfterMs);
    }
    if (deadline) plan.actions.push({ name: rsName(rs), from: current, to: current, addScaleDownDeadline: deadline });
    if (current === desired) continue;
    plan.actions.push({ name: rsName(rs), from: current, to: desired });
    maxScaleDown -= current - desired;
  }
  return plan;
}

/** Blue-green: scale other RSs down honouring scale-down delays and the revision limit. */
export function planOldReplicaSetsScaleDownForBlueGreen(
  ro: Rollout,
  otherRSs: readonly ReplicaSet[],
  now: number,
  options: { postPromotionAnalysisSuccessful?: boolean; skipPostPromotionAnalysis?: boolean; serviceSelectorHashes?: readonly string[] } = {},
): OldRSPlan {
  if (getPauseCondition(ro, PauseReason.InconclusiveAnalysisRun)) return { actions: [] };
  const bg = ro.spec.strategy.blueGreen;
  if (bg?.postPromotionAnalysis && (bg.scaleDownDelaySeconds === undefined || bg.scaleDownDelaySeconds === null) && !options.skipPostPromotionAnalysis) {
    if (!options.postPromotionAnalysisSuccessful) return { actions: [] };
  }
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  const refs = referencedHashes(ro, options.serviceSelectorHashes ?? []);
  const plan: OldRSPlan = { actions: [] };
  let annotated = 0;
  for (const rs of sortByRevision(otherRSs).reverse()) {
    if (isReplicaSetReferenced(rs, refs)) continue;
    const current = specReplicas(rs);
    if (current === 0) continue;
    const d = scaleDownDelayForOldRS(ro, rs, annotated, replicas, now);
    annotated = d.annotatedCount;
    plan.requeueAfterMs = minRequeue(plan.requeueAfterMs, d.requeueAfterMs);
    if (d.addDeadline) plan.actions.push({ name: rsName(rs), from: current, to: current, addScaleDownDeadline: d.addDeadline });
    if (current !== d.desiredReplicas) plan.actions.push({ name: rsName(rs), from: current, to: d.desiredReplicas });
  }
  return plan;
}

/** Scale old RSs down to their available count (oldest first), removing only unhealthy pods. */
export function planCleanupUnhealthyReplicas(oldRSs: readonly ReplicaSet[]): ScaleAction[] {
  const actions: ScaleAction[] = [];
  for (const rs of sortByCreation(oldRSs)) {
    const spec = specReplicas(rs);
    const available = availableReplicas(rs);
    if (spec === 0 || spec <= available) continue;
    actions.push({ name: rsName(rs), from: spec, to: available });
  }
  return actions;
}
