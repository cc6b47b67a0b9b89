/**
 * Status pieces shared by both strategies: the base status (`calculateBaseStatus`), resetting it
 * for a new update (`resetRolloutStatus`), marking the new RS stable (`promoteStable`), rollback
 * windows and the condition pass (`calculateRolloutConditions`, incl. progressDeadlineAbort).
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { RolloutCondition, RolloutStatus } from '../../api/types/rollout-status.ts';
import { ConditionMessage, ConditionReason, EventReason, RolloutConditionType } from '../../api/constants.ts';
import { isSaturated } from '../bluegreen.ts';
import { getCondition } from '../conditions.ts';
import { isRollbackWithinWindow } from '../change-detection.ts';
import { currentPodHash } from '../hash.ts';
import { actualReplicas, findByHash, podTemplateHash, rsName, specReplicas, sumAvailableReplicas } from '../replicasets.ts';
import { calculateRolloutConditions } from '../rollout-conditions.ts';
import { calculateStatusCounts } from '../status-counts.ts';
import type { DecideContext } from './context.ts';

/** `calculateBaseStatus`: hashes, counts and the conditions carried so far. */
export function calculateBaseStatus(ctx: DecideContext): RolloutStatus {
  const prev = ctx.ro.status ?? {};
  const s: RolloutStatus = {
    canary: ctx.carried.weights ? { weights: ctx.carried.weights } : {},
    blueGreen: {},
    currentPodHash: ctx.newRS ? podTemplateHash(ctx.newRS) : currentPodHash(ctx.ro),
    replicas: 0,
    updatedReplicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    conditions: ctx.conditions,
  };
  if (prev.promoteFull) s.promoteFull = true;
  if (ctx.carried.restartedAt) s.restartedAt = ctx.carried.restartedAt;
  if (ctx.carried.collisionCount !== undefined) s.collisionCount = ctx.carried.collisionCount;
  if (ctx.carried.alb) s.alb = ctx.carried.alb;
  if (ctx.carried.albs) s.albs = ctx.carried.albs;
  return s;
}

/** Replica counts, HPA fields and selector (blue-green reads them from the active RS). */
export function applyStatusCounts(ctx: DecideContext, s: RolloutStatus): void {
  Object.assign(s, calculateStatusCounts(ctx.ro, ctx.allRSs, ctx.newRS, s.blueGreen?.activeSelector));
  s.updatedReplicas = actualReplicas(ctx.newRS);
}

/** `resetRolloutStatus`: the start of a new update. */
export function resetRolloutStatus(ctx: DecideContext, s: RolloutStatus): void {
  ctx.clearPauseConditions();
  ctx.removeAbort();
  ctx.carried.restartedAt = ctx.ro.spec.restartAt;
  if (ctx.ro.spec.restartAt) s.restartedAt = ctx.ro.spec.restartAt;
  else delete s.restartedAt;
  delete s.promoteFull;
  s.blueGreen = {};
  if (s.canary) {
    delete s.canary.currentStepAnalysisRunStatus;
    delete s.canary.currentBackgroundAnalysisRunStatus;
  }
  const steps = ctx.ro.spec.strategy.canary?.steps?.length ?? 0;
  if (steps > 0) s.currentStepIndex = 0;
  else delete s.currentStepIndex;
}

/** `isRollbackWithinWindow` for this pass's new and stable RS. */
export function rollbackWithinWindow(ctx: DecideContext): boolean {
  // An RS created in this very pass is never a rollback target.
  if (!ctx.newRS || ctx.newRS === ctx.created) return false;
  return isRollbackWithinWindow(ctx.ro, ctx.newRS, ctx.stableRS, ctx.allRSs);
}

/** The rollout's revision number (0 when unknown). */
export function rolloutRevisionNumber(ctx: DecideContext): number {
  const v = ctx.rolloutRevision();
  return v && /^\d+$/.test(v) ? Number.parseInt(v, 10) : 0;
}

/** `promoteStable`: the new RS becomes stable; pauses, abort and promoteFull are cleared. */
export function promoteStable(ctx: DecideContext, s: RolloutStatus, reason: string): void {
  ctx.clearPauseConditions();
  ctx.removeAbort();
  delete s.promoteFull;
  if (s.blueGreen) delete s.blueGreen.scaleUpPreviewCheckPoint;
  const canary = ctx.ro.spec.strategy.canary;
  if (canary) {
    const count = canary.steps?.length ?? 0;
    if (count > 0) s.currentStepIndex = count;
    else delete s.currentStepIndex;
  }
  const current = s.currentPodHash ?? '';
  if ((s.stableRS ?? '') !== current) {
    if (canary?.pingPong) {
      const ping = s.canary?.stablePingPong === 'ping';
      s.canary = { ...(s.canary ?? {}), stablePingPong: ping ? 'pong' : 'ping' };
    }
    s.stableRS = current;
    ctx.event('Normal', EventReason.RolloutCompleted, ConditionMessage.rolloutCompleted(rolloutRevisionNumber(ctx), current, reason));
  }
}

function replicaFailure(ctx: DecideContext): RolloutCondition | undefined {
  const toCondition = (rs: ReplicaSet | undefined): RolloutCondition | undefined => {
    const c = (rs?.status?.conditions ?? []).find((x) => x.type === 'ReplicaFailure');
    if (!c) return undefined;
    const t = c.lastTransitionTime ?? new Date(ctx.now).toISOString();
    return { type: RolloutConditionType.ReplicaFailure, status: c.status as RolloutCondition['status'], lastUpdateTime: t, lastTransitionTime: t, reason: c.reason ?? '', message: c.message ?? '' };
  };
  const fromNew = toCondition(ctx.newRS);
  if (fromNew) return fromNew;
  for (const rs of ctx.allRSs) {
    const c = toCondition(rs);
    if (c) return c;
  }
  return undefined;
}

/** The step kinds during which the progress deadline is not evaluated. */
export interface ConditionOptions {
  indefiniteStep?: boolean;
}

/**
 * `calculateRolloutConditions`: Healthy/Progressing/Available/ReplicaFailure/Completed, the
 * abort condition, the progress deadline (aborting with progressDeadlineAbort) and the
 * RolloutNotCompleted event.
 */
export function finishConditions(ctx: DecideContext, s: RolloutStatus, opts: ConditionOptions = {}): void {
  const ro = ctx.ro;
  const activeRS = findByHash(ctx.allRSs, s.blueGreen?.activeSelector);
  const available = ro.spec.strategy.blueGreen ? !!activeRS && isSaturated(ro, activeRS) : sumAvailableReplicas(ctx.allRSs) >= ctx.replicas;
  const previousCompleted = getCondition(ro.status, RolloutConditionType.Completed);
  const result = calculateRolloutConditions({
    rollout: ro,
    status: { ...s, conditions: ctx.conditions },
    newRSName: ctx.newRS ? rsName(ctx.newRS) : undefined,
    aborted: ctx.isAborted(),
    abortMessage: ctx.pause.abortMessage,
    revision: rolloutRevisionNumber(ctx),
    available,
    replicaFailure: replicaFailure(ctx),
    indefiniteStep: opts.indefiniteStep,
    now: ctx.now,
  });
  ctx.conditions = result.conditions;
  s.conditions = result.conditions;
  for (const e of result.events) ctx.event(e.type ?? 'Normal', e.reason, e.message);
  if (result.timedOut && ro.spec.progressDeadlineAbort && !ctx.isAborted() && !isCompleted(s)) {
    const msg = getCondition(s, RolloutConditionType.Progressing)?.message ?? '';
    ctx.addAbort(msg);
    ctx.event('Warning', ConditionReason.RolloutAborted, msg);
  }
  const completed = getCondition(s, RolloutConditionType.Completed);
  if (completed?.status === 'False' && previousCompleted?.status !== 'False') {
    ctx.event('Normal', EventReason.RolloutNotCompleted, ConditionMessage.rolloutNotCompleted(rolloutRevisionNumber(ctx) + 1, s.currentPodHash ?? ''));
  }
}

function isCompleted(s: RolloutStatus): boolean {
  return (s.stableRS ?? '') !== '' && s.stableRS === s.currentPodHash;
}

/** A RS counts as active (rollbackWindow) when it still has replicas. */
export function isActive(rs: ReplicaSet | undefined): boolean {
  return specReplicas(rs) > 0;
}
