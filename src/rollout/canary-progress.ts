/**
 * Canary step progression (reference §3.3): is the current step complete, should the rollout be
 * fully promoted, and what `currentStepIndex` / pause / abort changes follow. Pure: the caller
 * passes in what it observed (RSs, the current AnalysisRun/Experiment phases, now).
 */
import type { Rollout } from '../api/types/rollout.ts';
import type { TrafficWeights } from '../api/types/rollout-status.ts';
import { PauseReason } from '../api/constants.ts';
import { getReplicasOrDefault } from '../api/defaults.ts';
import { calculateReplicaCountsForBasicCanary } from './replicas-basic-canary.ts';
import { calculateReplicaCountsForTrafficRoutedCanary } from './replicas-traffic-canary.ts';
import { availableReplicas, actualReplicas, podTemplateHash, specReplicas, sumAvailableReplicas, type ReplicaSet } from './replicasets.ts';
import { canaryStepString, getCurrentCanaryStep, stepCount } from './steps.ts';
import { completedCanaryPauseStep } from './pause.ts';

/** New RS available count at which the step's replica target counts as reached (replicaProgressThreshold). */
export function requiredAvailableForStep(ro: Rollout, desired: number): number {
  const t = ro.spec.strategy.canary?.replicaProgressThreshold;
  if (!t) return desired;
  const needed = t.type === 'Pods' ? t.value : Math.ceil((desired * t.value) / 100);
  return Math.min(desired, Math.max(0, needed));
}

/**
 * `AtDesiredReplicaCountsForCanary`: new RS at its desired count and available; stable RS at its
 * desired count (skipped with dynamicStableScale); basic canary also needs no available pods left
 * in older RSs.
 */
export function atDesiredReplicaCountsForCanary(
  ro: Rollout,
  newRS: ReplicaSet | undefined,
  stableRS: ReplicaSet | undefined,
  otherRSs: readonly ReplicaSet[],
  weights: TrafficWeights | undefined,
): boolean {
  const canary = ro.spec.strategy.canary;
  const routed = !!canary?.trafficRouting;
  const desired = routed
    ? calculateReplicaCountsForTrafficRoutedCanary(ro, weights)
    : calculateReplicaCountsForBasicCanary(ro, newRS, stableRS, otherRSs);
  if (!newRS || specReplicas(newRS) !== desired.canary) return false;
  const needed = requiredAvailableForStep(ro, desired.canary);
  if (canary?.replicaProgressThreshold ? availableReplicas(newRS) < needed : availableReplicas(newRS) !== desired.canary) return false;
  if (!routed || !canary?.dynamicStableScale) {
    if (!stableRS || specReplicas(stableRS) !== desired.stable || actualReplicas(stableRS) !== desired.stable) return false;
  }
  if (!routed && sumAvailableReplicas(otherRSs) !== 0) return false;
  return true;
}

/** What the reconcile loop observed about the things a step waits on. */
export interface CanaryStepObservation {
  rollout: Rollout;
  newRS?: ReplicaSet;
  stableRS?: ReplicaSet;
  otherRSs: readonly ReplicaSet[];
  /** status.canary.weights after this reconcile's traffic update. */
  weights?: TrafficWeights;
  /** false while the router has not confirmed the weight (ALB verify); undefined = not applicable. */
  weightVerified?: boolean;
  /** Phase of the current step's AnalysisRun, if any. */
  stepAnalysisPhase?: string;
  /** Phase of the current step's Experiment, if any. */
  experimentPhase?: string;
  /** Phase of the current step plugin, if any. */
  stepPluginPhase?: string;
  now: number;
}

/** `completedCurrentCanaryStep`. */
export function completedCurrentCanaryStep(o: CanaryStepObservation): boolean {
  const ro = o.rollout;
  if (ro.spec.paused) return false;
  const { step } = getCurrentCanaryStep(ro);
  if (!step) return false;
  if (step.pause) return completedCanaryPauseStep(ro, step.pause, o.now);
  if (step.setCanaryScale) return atDesiredReplicaCountsForCanary(ro, o.newRS, o.stableRS, o.otherRSs, o.weights);
  if (step.setWeight !== undefined && step.setWeight !== null) {
    if (!atDesiredReplicaCountsForCanary(ro, o.newRS, o.stableRS, o.otherRSs, o.weights)) return false;
    return o.weightVerified !== false;
  }
  if (step.experiment) return o.experimentPhase === 'Successful';
  if (step.analysis) return o.stepAnalysisPhase === 'Successful';
  if (step.setHeaderRoute || step.setMirrorRoute) return true;
  if (step.plugin) return o.stepPluginPhase === 'Successful';
  return false;
}

/** `shouldFullPromote` for canary: the reason text, or undefined. */
export function shouldFullPromoteCanary(ro: Rollout, newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined, aborted: boolean): string | undefined {
  if (!stableRS) return 'Initial deploy';
  if (aborted) return undefined;
  if (!newRS || availableReplicas(newRS) < requiredAvailableForFullPromotion(ro)) return undefined;
  if (ro.status?.promoteFull) return 'Full promotion requested';
  const count = stepCount(ro);
  const { index } = getCurrentCanaryStep(ro);
  if (count === 0 || index === count) return `Completed all ${count} canary steps`;
  return undefined;
}

function requiredAvailableForFullPromotion(ro: Rollout): number {
  return requiredAvailableForStep(ro, getReplicasOrDefault(ro.spec.replicas));
}

export interface CanaryStepDecision {
  currentStepIndex?: number;
  /** New stable hash when fully promoting. */
  promoteStableTo?: string;
  promotionReason?: string;
  /** Template or steps changed: clear pauses/abort/promoteFull, analysis and step-plugin status. */
  resetStatus: boolean;
  clearPauseConditions: boolean;
  removeAbort: boolean;
  removePauseReasons: string[];
  /** Clear `status.canary.currentStepAnalysisRunStatus`. */
  clearStepAnalysisStatus: boolean;
  events: Array<{ reason: string; message: string }>;
}

export interface CanaryStepDecisionInput extends CanaryStepObservation {
  /** status.currentPodHash after this reconcile (hash of the new RS). */
  currentPodHash: string;
  /** Template or steps changed since the last reconcile (hash mismatch). */
  templateOrStepsChanged: boolean;
  /** Abort in effect for this reconcile. */
  aborted: boolean;
  /** Moving back to an RS within rollbackWindow that is still active. */
  rollbackWithinWindow?: boolean;
}

/** The step-index half of `syncRolloutStatusCanary`. */
export function decideCanaryStep(i: CanaryStepDecisionInput): CanaryStepDecision {
  const ro = i.rollout;
  const count = stepCount(ro);
  const d: CanaryStepDecision = {
    resetStatus: false,
    clearPauseConditions: false,
    removeAbort: false,
    removePauseReasons: [],
    clearStepAnalysisStatus: false,
    events: [],
  };
  const stableHash = ro.status?.stableRS ?? '';

  if (i.templateOrStepsChanged) {
    d.resetStatus = true;
    d.currentStepIndex = count > 0 ? 0 : undefined;
    if (i.newRS && stableHash !== '' && stableHash === podTemplateHash(i.newRS) && count > 0) {
      d.currentStepIndex = count;
      d.events.push({ reason: 'SkipSteps', message: 'Rollback to stable ReplicaSets' });
    } else if (i.rollbackWithinWindow && count > 0) {
      d.currentStepIndex = count;
      d.events.push({ reason: 'SkipSteps', message: 'Rollback within rollbackWindow' });
    }
    return d;
  }

  let index = getCurrentCanaryStep(ro).index;
  let aborted = i.aborted;
  if (ro.status?.promoteFull || i.rollbackWithinWindow) {
    d.clearPauseConditions = true;
    d.removeAbort = true;
    aborted = false;
    if (count > 0) index = count;
  }

  const promotedView: Rollout = index === undefined ? ro : { ...ro, status: { ...ro.status, currentStepIndex: index } };
  const reason = shouldFullPromoteCanary(promotedView, i.newRS, i.stableRS, aborted);
  if (reason !== undefined) {
    d.promoteStableTo = i.currentPodHash;
    d.promotionReason = reason;
    d.currentStepIndex = count > 0 ? count : undefined;
    d.clearPauseConditions = true;
    d.removeAbort = true;
    return d;
  }

  if (aborted) {
    d.currentStepIndex = count > 0 ? (stableHash === i.currentPodHash ? count : 0) : undefined;
    return d;
  }

  const { step } = getCurrentCanaryStep(promotedView);
  if (step && index !== undefined && completedCurrentCanaryStep({ ...i, rollout: promotedView })) {
    index += 1;
    d.clearStepAnalysisStatus = true;
    d.removePauseReasons.push(PauseReason.CanaryPauseStep);
    d.events.push({ reason: 'RolloutStepCompleted', message: `Rollout step ${index}/${count} completed (${canaryStepString(step)})` });
  }
  d.currentStepIndex = index;
  return d;
}
