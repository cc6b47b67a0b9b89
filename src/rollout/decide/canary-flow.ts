/**
 * The canary strategy (`rolloutCanary`, reference §3.3–§3.5): a template or steps change first
 * only resets the status; then the new RS is created/synced, pods restarted, ephemeral metadata
 * and history handled, services and traffic reconciled, ReplicaSets scaled (one phase per pass),
 * the current step reconciled, and the status synced (`syncRolloutStatusCanary`).
 */
import { ConditionMessage, EventReason, PauseReason } from '../../api/constants.ts';
import { getReplicasOrDefault } from '../../api/defaults.ts';
import { requiredAvailableForStep } from '../canary-progress.ts';
import { podTemplateOrStepsChanged } from '../change-detection.ts';
import { computeStepHash } from '../hash.ts';
import { calculateReplicaCountsForBasicCanary } from '../replicas-basic-canary.ts';
import { calculateReplicaCountsForTrafficRoutedCanary } from '../replicas-traffic-canary.ts';
import { availableReplicas, checkStableRSExists, findByHash, podTemplateHash } from '../replicasets.ts';
import { canaryStepString, getCurrentCanaryStep } from '../steps.ts';
import type { DecideContext } from './context.ts';
import { reconcileEphemeralMetadata } from './ephemeral-reconcile.ts';
import { reconcileRevisionHistoryLimit } from './history-limit.ts';
import { getAllReplicaSetsAndSyncRevision } from './new-replicaset.ts';
import { reconcileNewReplicaSet, reconcileOtherReplicaSets, removeScaleDownDeadlines } from './replicaset-scaling.ts';
import { reconcileRestart } from './restart.ts';
import { reconcileStableAndCanaryService } from './services.ts';
import { applyStatusCounts, calculateBaseStatus, finishConditions, isActive, promoteStable, resetRolloutStatus, rollbackWithinWindow } from './status-base.ts';
import { handlerFor } from './steps/registry.ts';
import { reconcileTrafficRouting } from './traffic-routing.ts';

export function rolloutCanary(ctx: DecideContext): void {
  if (podTemplateOrStepsChanged(ctx.ro, ctx.newRS)) {
    getAllReplicaSetsAndSyncRevision(ctx, false);
    syncRolloutStatusCanary(ctx);
    return;
  }
  if (!getAllReplicaSetsAndSyncRevision(ctx, true)) return;
  reconcileRestart(ctx);
  reconcileEphemeralMetadata(ctx);
  reconcileRevisionHistoryLimit(ctx, ctx.otherRSs);
  reconcileStableAndCanaryService(ctx);
  reconcileTrafficRouting(ctx);
  const scaled = reconcileCanaryReplicaSets(ctx);
  if (!scaled) reconcileCurrentStep(ctx);
  syncRolloutStatusCanary(ctx);
}

/** `reconcileCanaryStableReplicaSet`: returns true when the stable RS was scaled. */
function reconcileCanaryStableReplicaSet(ctx: DecideContext): boolean {
  if (!ctx.stableRS || !checkStableRSExists(ctx.newRS, ctx.stableRS)) return false;
  const desired = ctx.ro.spec.strategy.canary?.trafficRouting
    ? calculateReplicaCountsForTrafficRoutedCanary(ctx.ro, ctx.ro.status?.canary?.weights).stable
    : calculateReplicaCountsForBasicCanary(ctx.ro, ctx.newRS, ctx.stableRS, ctx.otherRSs).stable;
  return ctx.scaleReplicaSet(ctx.stableRS, desired);
}

/**
 * `reconcileCanaryReplicaSets`: stable, then new, then older RSs — one phase per pass. Halted
 * (user paused, inconclusive analysis) it does nothing, except for a scaling event (reference
 * §1.1: replica-count changes are still applied while paused).
 */
export function reconcileCanaryReplicaSets(ctx: DecideContext, scalingEvent = false): boolean {
  const halt = ctx.haltProgress();
  if (halt && !scalingEvent) {
    ctx.note(`skipping canary/stable ReplicaSet reconciliation: ${halt}`);
    return false;
  }
  removeScaleDownDeadlines(ctx);
  if (reconcileCanaryStableReplicaSet(ctx)) return true;
  const status = ctx.ro.status ?? {};
  if (!ctx.newRS && status.currentPodHash !== status.stableRS) ctx.newRS = findByHash(ctx.allRSs, status.currentPodHash);
  if (reconcileNewReplicaSet(ctx)) return true;
  return reconcileOtherReplicaSets(ctx);
}

/** `reconcileCanaryPause`, generalised: the current step's handler may act (pause conditions, ...). */
function reconcileCurrentStep(ctx: DecideContext): void {
  const ro = ctx.ro;
  if (ro.spec.paused || ro.status?.promoteFull) return;
  const { step, index } = getCurrentCanaryStep(ro);
  if (!step || index === undefined) return;
  handlerFor(ctx.stepHandlers, step)?.reconcile?.(ctx, step, index);
}

/** `completedCurrentCanaryStep`. */
function completedCurrentStep(ctx: DecideContext): boolean {
  if (ctx.ro.spec.paused) return false;
  const { step, index } = getCurrentCanaryStep(ctx.ro);
  if (!step || index === undefined) return false;
  return handlerFor(ctx.stepHandlers, step)?.completed(ctx, step, index) ?? false;
}

function isIndefiniteStep(ctx: DecideContext): boolean {
  const { step } = getCurrentCanaryStep(ctx.ro);
  return handlerFor(ctx.stepHandlers, step)?.indefinite ?? false;
}

/** `shouldFullPromote` for canary (the reason text, or ''). */
function shouldFullPromote(ctx: DecideContext): string {
  const ro = ctx.ro;
  if (!ctx.stableRS) return 'Initial deploy';
  if (ctx.isAborted()) return '';
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  if (!ctx.newRS || availableReplicas(ctx.newRS) < requiredAvailableForStep(ro, replicas)) return '';
  if (ro.status?.promoteFull) return 'Full promotion requested';
  if (rollbackWithinWindow(ctx)) return 'Rollback within window';
  const count = ro.spec.strategy.canary?.steps?.length ?? 0;
  const { index } = getCurrentCanaryStep(ro);
  if (count === 0 || index === count) return `Completed all ${count} canary steps`;
  return '';
}

/** `syncRolloutStatusCanary`. */
export function syncRolloutStatusCanary(ctx: DecideContext): void {
  const ro = ctx.ro;
  const s = calculateBaseStatus(ctx);
  applyStatusCounts(ctx, s);
  if (ro.status?.canary?.stablePingPong) s.canary = { ...(s.canary ?? {}), stablePingPong: ro.status.canary.stablePingPong };
  if (ro.status?.stableRS) s.stableRS = ro.status.stableRS;
  s.currentStepHash = computeStepHash(ro);
  const stepCount = ro.spec.strategy.canary?.steps?.length ?? 0;
  let { index } = getCurrentCanaryStep(ro);
  if (index !== undefined) s.currentStepIndex = index;

  if (podTemplateOrStepsChanged(ro, ctx.newRS)) {
    resetRolloutStatus(ctx, s);
    if (ctx.newRS && stepCount > 0) {
      if (ro.status?.stableRS && ro.status.stableRS === podTemplateHash(ctx.newRS)) {
        ctx.event('Normal', EventReason.SkipSteps, 'Rollback to stable ReplicaSets');
        s.currentStepIndex = stepCount;
      } else if (rollbackWithinWindow(ctx) && isActive(ctx.newRS)) {
        ctx.event('Normal', EventReason.SkipSteps, 'Rollback to active ReplicaSets within RollbackWindow');
        s.currentStepIndex = stepCount;
      }
    }
    finish(ctx, s);
    return;
  }

  if (ro.status?.promoteFull || rollbackWithinWindow(ctx)) {
    ctx.clearPauseConditions();
    ctx.removeAbort();
    if (stepCount > 0) index = stepCount;
  }

  const reason = shouldFullPromote(ctx);
  if (reason) {
    promoteStable(ctx, s, reason);
    finish(ctx, s);
    return;
  }

  if (ctx.isAborted()) {
    if (stepCount > 0) s.currentStepIndex = s.stableRS === s.currentPodHash ? stepCount : 0;
    finish(ctx, s);
    return;
  }

  if (index !== undefined && index < stepCount && completedCurrentStep(ctx)) {
    const { step } = getCurrentCanaryStep(ro);
    index += 1;
    if (s.canary) delete s.canary.currentStepAnalysisRunStatus;
    if (step) ctx.event('Normal', EventReason.RolloutStepCompleted, ConditionMessage.stepCompleted(index, stepCount, canaryStepString(step)));
    ctx.removePauseCondition(PauseReason.CanaryPauseStep);
    const next = ro.spec.strategy.canary?.steps?.[index];
    handlerFor(ctx.stepHandlers, next)?.entered?.(ctx, next ?? {}, index);
  }
  if (index !== undefined) s.currentStepIndex = index;
  finish(ctx, s);
}

function finish(ctx: DecideContext, s: NonNullable<DecideContext['status']>): void {
  finishConditions(ctx, s, { indefiniteStep: isIndefiniteStep(ctx) });
  ctx.status = s;
}
