/**
 * The blue-green strategy (`rolloutBlueGreen`, reference §3.6): create/sync the new RS, point the
 * preview Service at it at once, scale active/new/older RSs, manage the BlueGreenPause, switch the
 * active Service when the new RS is saturated and the pause is over, then sync the status.
 */
import { PauseReason } from '../../api/constants.ts';
import { getReplicasOrDefault } from '../../api/defaults.ts';
import {
  calculateScaleUpPreviewCheckPoint,
  completedBlueGreenPause,
  decideBlueGreenPause,
  desiredActiveSelector,
  shouldFullPromoteBlueGreen,
  type BlueGreenPauseInput,
} from '../bluegreen.ts';
import { podTemplateChanged } from '../change-detection.ts';
import { findByHash } from '../replicasets.ts';
import type { DecideContext } from './context.ts';
import { reconcileEphemeralMetadata } from './ephemeral-reconcile.ts';
import { reconcileRevisionHistoryLimit } from './history-limit.ts';
import { getAllReplicaSetsAndSyncRevision } from './new-replicaset.ts';
import { reconcileNewReplicaSet, reconcileOtherReplicaSets, removeScaleDownDeadlines } from './replicaset-scaling.ts';
import { reconcileRestart } from './restart.ts';
import { reconcilePreviewService, serviceSelectorHash } from './services.ts';
import { applyStatusCounts, calculateBaseStatus, finishConditions, promoteStable, resetRolloutStatus, rollbackWithinWindow } from './status-base.ts';
import { postPromotionAnalysisSuccessful, prePromotionAnalysisSuccessful } from './promotion-analysis.ts';

function activeServiceName(ctx: DecideContext): string {
  return ctx.ro.spec.strategy.blueGreen?.activeService ?? '';
}

/** The active Service's hash as observed at the start of the pass. */
function observedActiveHash(ctx: DecideContext): string {
  return serviceSelectorHash(ctx.observation.services.get(activeServiceName(ctx)));
}

export function rolloutBlueGreen(ctx: DecideContext): void {
  if (!getAllReplicaSetsAndSyncRevision(ctx, true)) return;
  reconcilePreviewService(ctx);
  if (podTemplateChanged(ctx.ro, ctx.newRS)) {
    syncRolloutStatusBlueGreen(ctx);
    return;
  }
  reconcileRestart(ctx);
  reconcileBlueGreenReplicaSets(ctx);
  reconcileBlueGreenPause(ctx);
  reconcileActiveService(ctx);
  reconcileEphemeralMetadata(ctx);
  syncRolloutStatusBlueGreen(ctx);
}

/** `reconcileBlueGreenStableReplicaSet`: the RS the active Service selects is kept at full size. */
function reconcileActiveReplicaSet(ctx: DecideContext): void {
  const hash = observedActiveHash(ctx);
  if (!hash) return;
  const activeRS = findByHash(ctx.allRSs, hash);
  if (activeRS) ctx.scaleReplicaSet(activeRS, getReplicasOrDefault(ctx.ro.spec.replicas));
}

/** `reconcileBlueGreenReplicaSets`. */
export function reconcileBlueGreenReplicaSets(ctx: DecideContext): void {
  removeScaleDownDeadlines(ctx);
  reconcileActiveReplicaSet(ctx);
  reconcileNewReplicaSet(ctx);
  reconcileOtherReplicaSets(ctx);
  reconcileRevisionHistoryLimit(ctx, ctx.otherRSs);
}

function pauseInput(ctx: DecideContext): BlueGreenPauseInput | undefined {
  if (!ctx.newRS) return undefined;
  return {
    rollout: ctx.ro,
    newRS: ctx.newRS,
    allRSs: ctx.allRSs,
    activeSelectorHash: observedActiveHash(ctx),
    halted: ctx.haltProgress() !== '',
    prePromotionAnalysisSuccessful: prePromotionAnalysisSuccessful(ctx),
    now: ctx.now,
  };
}

/** `reconcileBlueGreenPause`. */
function reconcileBlueGreenPause(ctx: DecideContext): void {
  const input = pauseInput(ctx);
  if (!input) return;
  const d = decideBlueGreenPause(input);
  if (d.addPause) ctx.addPauseCondition(PauseReason.BlueGreenPause);
  if (d.removePause) ctx.removePauseCondition(PauseReason.BlueGreenPause);
  ctx.requeueAfter(d.requeueAfterMs !== undefined ? d.requeueAfterMs + 50 : undefined);
  if (d.addPause) {
    const seconds = ctx.ro.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
    if (seconds > 0) ctx.requeueAfter(seconds * 1000 + 1000);
  }
}

/** `reconcileActiveService`. */
function reconcileActiveService(ctx: DecideContext): void {
  if (ctx.haltProgress()) return;
  const input = pauseInput(ctx);
  if (!input) return;
  const hash = desiredActiveSelector({ ...input, justAddedPause: ctx.hasAddPause() });
  if (hash) ctx.switchServiceSelector(activeServiceName(ctx), hash);
}

/** `shouldFullPromote` for blue-green. */
function shouldFullPromote(ctx: DecideContext, activeSelector: string, currentPodHash: string): string {
  if (!ctx.stableRS) return 'Initial deploy';
  if (activeSelector !== '' && activeSelector === currentPodHash && ctx.ro.status?.promoteFull !== true && rollbackWithinWindow(ctx)) {
    return 'Rollback within window';
  }
  return (
    shouldFullPromoteBlueGreen({
      rollout: ctx.ro,
      newRS: ctx.newRS,
      activeSelector,
      currentPodHash,
      aborted: ctx.isAborted(),
      targetsVerified: true,
      postPromotionAnalysisSuccessful: postPromotionAnalysisSuccessful(ctx),
    }) ?? ''
  );
}

/** `syncRolloutStatusBlueGreen`. */
export function syncRolloutStatusBlueGreen(ctx: DecideContext): void {
  const ro = ctx.ro;
  const bg = ro.spec.strategy.blueGreen;
  const s = calculateBaseStatus(ctx);
  if (ro.status?.stableRS) s.stableRS = ro.status.stableRS;
  if (podTemplateChanged(ro, ctx.newRS)) resetRolloutStatus(ctx, s);
  if (ro.status?.promoteFull || rollbackWithinWindow(ctx)) {
    ctx.clearPauseConditions();
    ctx.removeAbort();
  }
  const previewSelector = serviceSelectorHash(ctx.service(bg?.previewService));
  const activeSelector = serviceSelectorHash(ctx.service(bg?.activeService));
  s.blueGreen = { ...(s.blueGreen ?? {}) };
  if (previewSelector) s.blueGreen.previewSelector = previewSelector;
  if (activeSelector) s.blueGreen.activeSelector = activeSelector;
  const reason = shouldFullPromote(ctx, activeSelector, s.currentPodHash ?? '');
  if (reason) {
    promoteStable(ctx, s, reason);
  } else {
    const pauseDone = completedBlueGreenPause(ro, ctx.now, ctx.hasAddPause());
    if (calculateScaleUpPreviewCheckPoint(ro, ctx.newRS, prePromotionAnalysisSuccessful(ctx), pauseDone)) s.blueGreen.scaleUpPreviewCheckPoint = true;
    else delete s.blueGreen.scaleUpPreviewCheckPoint;
  }
  applyStatusCounts(ctx, s);
  finishConditions(ctx, s);
  ctx.status = s;
}
