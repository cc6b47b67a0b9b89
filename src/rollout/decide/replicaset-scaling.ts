/**
 * Scaling steps shared by both strategies: the new RS (`reconcileNewReplicaSet`, incl. the delayed
 * scale-down of an aborted canary/preview), scale-down deadlines on new/stable RSs, and "other"
 * ReplicaSets (`reconcileOtherReplicaSets`: unhealthy replicas first, then the strategy's plan).
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { abortedNewRSScaleDown, shouldDelayScaleDownOnAbort } from '../bluegreen.ts';
import { newRSNewReplicas } from '../canary-replicas.ts';
import { planCleanupUnhealthyReplicas, planOldReplicaSetsScaleDownForBlueGreen, planOldReplicaSetsScaleDownForCanary, type OldRSPlan } from '../old-replicasets.ts';
import { filterActive, rsName, sumSpecReplicas } from '../replicasets.ts';
import type { DecideContext } from './context.ts';
import { serviceSelectorHash } from './services.ts';

/** `removeScaleDownDeadlines`: the new and stable RSs never keep a scale-down deadline (unless an abort delays it). */
export function removeScaleDownDeadlines(ctx: DecideContext): void {
  const abortDelay = shouldDelayScaleDownOnAbort(ctx.ro, ctx.isAborted(), ctx.stableRS);
  if (ctx.newRS && !abortDelay) ctx.removeScaleDownDeadline(ctx.newRS);
  if (ctx.stableRS && (!ctx.newRS || abortDelay || rsName(ctx.stableRS) !== rsName(ctx.newRS))) ctx.removeScaleDownDeadline(ctx.stableRS);
}

/** `reconcileNewReplicaSet`: returns true when the new RS was scaled. */
export function reconcileNewReplicaSet(ctx: DecideContext): boolean {
  const newRS = ctx.newRS;
  if (!newRS) return false;
  let count = newRSNewReplicas(ctx.ro, ctx.allRSs, newRS, ctx.carried.weights);
  if (ctx.stableRS && shouldDelayScaleDownOnAbort(ctx.ro, ctx.isAborted(), ctx.stableRS)) {
    const d = abortedNewRSScaleDown(ctx.ro, newRS, ctx.stableRS, count, ctx.now);
    ctx.requeueAfter(d.requeueAfterMs);
    if (d.addScaleDownDeadline) {
      ctx.addScaleDownDeadline(newRS, d.addScaleDownDeadline);
      return false;
    }
    if (d.replicas === undefined) return false;
    count = d.replicas;
  }
  return ctx.scaleReplicaSet(newRS, count);
}

function applyOldRSPlan(ctx: DecideContext, rsList: readonly ReplicaSet[], plan: OldRSPlan): number {
  let scaledDown = 0;
  for (const action of plan.actions) {
    const rs = rsList.find((x) => rsName(x) === action.name);
    if (!rs) continue;
    if (action.addScaleDownDeadline) ctx.addScaleDownDeadline(rs, action.addScaleDownDeadline);
    if (action.from !== action.to && ctx.scaleReplicaSet(rs, action.to)) scaledDown += Math.max(0, action.from - action.to);
  }
  ctx.requeueAfter(plan.requeueAfterMs);
  return scaledDown;
}

function strategyServiceHashes(ctx: DecideContext): string[] {
  const { canary, blueGreen } = ctx.ro.spec.strategy;
  const names = canary ? [canary.canaryService, canary.stableService] : [blueGreen?.activeService, blueGreen?.previewService];
  return names.map((n) => (n ? serviceSelectorHash(ctx.observation.services.get(n)) : '')).filter((h) => h !== '');
}

/** `reconcileOtherReplicaSets`: returns true when anything was scaled down. */
export function reconcileOtherReplicaSets(ctx: DecideContext): boolean {
  const others = filterActive(ctx.otherRSs);
  if (sumSpecReplicas(others) === 0) return false;
  if (ctx.ro.spec.strategy.canary) {
    let scaled = applyOldRSPlan(ctx, others, { actions: planCleanupUnhealthyReplicas(others) });
    const afterCleanup = others.map((rs) => ctx.current(rs));
    const routed = !!ctx.ro.spec.strategy.canary.trafficRouting;
    const plan = planOldReplicaSetsScaleDownForCanary(ctx.ro, ctx.allRSs, afterCleanup, ctx.now, routed ? strategyServiceHashes(ctx) : []);
    scaled += applyOldRSPlan(ctx, afterCleanup, plan);
    return scaled > 0;
  }
  const plan = planOldReplicaSetsScaleDownForBlueGreen(ctx.ro, others, ctx.now, { serviceSelectorHashes: strategyServiceHashes(ctx) });
  return applyOldRSPlan(ctx, others, plan) > 0;
}
