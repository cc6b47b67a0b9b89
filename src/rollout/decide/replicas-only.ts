/**
 * Scaling events (reference §3.2 step 3, §3.12): when `spec.replicas` changed (HPA, kubectl
 * scale) — seen as a desired-replicas annotation that differs on an active RS — only the
 * ReplicaSets are rescaled; steps, pauses and services are left alone (`syncReplicasOnly`).
 */
import type { RolloutStatus } from '../../api/types/rollout-status.ts';
import { isScalingEvent as isScalingEventFor } from '../change-detection.ts';
import { findByHash, sumActualReplicas, sumAvailableReplicas, actualReplicas, availableReplicas } from '../replicasets.ts';
import { reconcileBlueGreenReplicaSets } from './bluegreen-flow.ts';
import { reconcileCanaryReplicaSets } from './canary-flow.ts';
import type { DecideContext } from './context.ts';
import { getAllReplicaSetsAndSyncRevision } from './new-replicaset.ts';
import { normalizeJson } from './merge-patch.ts';

/**
 * `isScalingEvent` as reference §3.2 states it: the desired-replicas annotation of the new or
 * stable RS differs from spec.replicas. (Argo's code looks at every active RS; an older RS that is
 * still referenced — and so never rescaled — would then keep the rollout in replicas-only mode.)
 */
export function isScalingEvent(ctx: DecideContext): boolean {
  return isScalingEventFor(ctx.ro, ctx.newRS, ctx.stableRS);
}

/** `syncReplicasOnly`: rescale, then refresh only the counts of the previous status. */
export function syncReplicasOnly(ctx: DecideContext): void {
  getAllReplicaSetsAndSyncRevision(ctx, false);
  const s: RolloutStatus = normalizeJson(ctx.ro.status ?? {});
  if (ctx.ro.spec.strategy.blueGreen) {
    reconcileBlueGreenReplicaSets(ctx);
    const activeRS = findByHash(ctx.allRSs, s.blueGreen?.activeSelector);
    s.HPAReplicas = activeRS ? actualReplicas(activeRS) : sumActualReplicas(ctx.allRSs);
    s.availableReplicas = activeRS ? availableReplicas(activeRS) : sumAvailableReplicas(ctx.allRSs);
  } else {
    reconcileCanaryReplicaSets(ctx, true);
    s.availableReplicas = sumAvailableReplicas(ctx.allRSs);
    s.HPAReplicas = sumActualReplicas(ctx.allRSs);
  }
  s.conditions = ctx.conditions;
  ctx.status = s;
}
