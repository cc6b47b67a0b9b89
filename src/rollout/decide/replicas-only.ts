/**
 * Scaling events (reference §3.2 step 3, §3.12): when `spec.replicas` changed (HPA, kubectl
 * scale) — seen as a desired-replicas annotation that differs on an active RS — only the
 * ReplicaSets are rescaled; steps, pauses and services are left alone (`syncReplicasOnly`).
 */
import type { RolloutStatus } from '../../api/types/rollout-status.ts';
import { ANNOTATION_DESIRED_REPLICAS } from '../../api/constants.ts';
import { getReplicasOrDefault } from '../../api/defaults.ts';
import { filterActive, findByHash, sumActualReplicas, sumAvailableReplicas, actualReplicas, availableReplicas, type ReplicaSet } from '../replicasets.ts';
import { reconcileBlueGreenReplicaSets } from './bluegreen-flow.ts';
import { reconcileCanaryReplicaSets } from './canary-flow.ts';
import type { DecideContext } from './context.ts';
import { getAllReplicaSetsAndSyncRevision } from './new-replicaset.ts';
import { normalizeJson } from './merge-patch.ts';

/** `isScalingEvent`: an active RS records a different spec.replicas than the rollout has now. */
export function isScalingEvent(ctx: DecideContext): boolean {
  const want = getReplicasOrDefault(ctx.ro.spec.replicas);
  return filterActive(ctx.allRSs).some((rs: ReplicaSet) => {
    const v = rs.metadata?.annotations?.[ANNOTATION_DESIRED_REPLICAS];
    if (v === undefined || !/^-?\d+$/.test(v)) return false;
    return Number.parseInt(v, 10) !== want;
  });
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
