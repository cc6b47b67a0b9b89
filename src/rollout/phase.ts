/**
 * Rollout phase and message (reference §2.2): `calculateRolloutPhase` is what the controller writes
 * to status.phase/status.message; `getRolloutPhase` is the client-side view (CLI, UI, Argo CD).
 */
import type { RolloutSpec, Rollout } from '../api/types/rollout.ts';
import type { RolloutStatus } from '../api/types/rollout-status.ts';
import { ANNOTATION_WORKLOAD_GENERATION, ConditionReason, isAnalysisPhaseCompleted, PhaseMessage, RolloutConditionType, RolloutPhase } from '../api/constants.ts';
import { getReplicasOrDefault } from '../api/defaults.ts';

export interface PhaseAndMessage {
  phase: RolloutPhase;
  message: string;
}

function sameTime(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Date.parse(a) === Date.parse(b);
}

export function calculateRolloutPhase(spec: RolloutSpec, status: RolloutStatus = {}): PhaseAndMessage {
  for (const cond of status.conditions ?? []) {
    if (cond.type === RolloutConditionType.InvalidSpec) {
      return { phase: RolloutPhase.Degraded, message: `${RolloutConditionType.InvalidSpec}: ${cond.message}` };
    }
    if (cond.reason === ConditionReason.RolloutAborted || cond.reason === ConditionReason.ProgressDeadlineExceeded) {
      return { phase: RolloutPhase.Degraded, message: `${cond.reason}: ${cond.message}` };
    }
  }
  if (spec.paused) return { phase: RolloutPhase.Paused, message: PhaseMessage.manuallyPaused };
  const firstPause = status.pauseConditions?.[0];
  if (firstPause) return { phase: RolloutPhase.Paused, message: firstPause.reason };
  if (spec.restartAt && (!status.restartedAt || !sameTime(spec.restartAt, status.restartedAt))) {
    return { phase: RolloutPhase.Progressing, message: PhaseMessage.restarting };
  }
  const updated = status.updatedReplicas ?? 0;
  if (updated < getReplicasOrDefault(spec.replicas)) {
    return { phase: RolloutPhase.Progressing, message: PhaseMessage.moreReplicasNeedUpdate };
  }
  if ((status.availableReplicas ?? 0) < updated) {
    return { phase: RolloutPhase.Progressing, message: PhaseMessage.updatedReplicasBecomingAvailable };
  }
  const stable = status.stableRS ?? '';
  const current = status.currentPodHash ?? '';
  if (spec.strategy.blueGreen) {
    const active = status.blueGreen?.activeSelector ?? '';
    if (active === '' || active !== current) return { phase: RolloutPhase.Progressing, message: PhaseMessage.activeCutoverPending };
    if (stable === '' || stable !== current) {
      const post = status.blueGreen?.postPromotionAnalysisRunStatus;
      const waitingForAnalysis = !!spec.strategy.blueGreen.postPromotionAnalysis && (!post || !isAnalysisPhaseCompleted(post.status));
      return {
        phase: RolloutPhase.Progressing,
        message: waitingForAnalysis ? PhaseMessage.waitingForAnalysis : PhaseMessage.waitingForPostPromotionVerification,
      };
    }
  } else if (spec.strategy.canary) {
    if (!spec.strategy.canary.trafficRouting && (status.replicas ?? 0) > updated) {
      return { phase: RolloutPhase.Progressing, message: PhaseMessage.oldReplicasPendingTermination };
    }
    if (stable === '' || stable !== current) return { phase: RolloutPhase.Progressing, message: PhaseMessage.waitingForAllSteps };
  }
  return { phase: RolloutPhase.Healthy, message: '' };
}

/** Numeric observedGeneration equals metadata.generation (non-numeric legacy values count as observed). */
export function isGenerationObserved(ro: Rollout): boolean {
  const observed = ro.status?.observedGeneration;
  if (observed === undefined || !/^-?\d+$/.test(observed)) return true;
  const gen = ro.metadata?.generation ?? 0;
  const n = Number.parseInt(observed, 10);
  return n > gen || n === gen;
}

/** The user cleared the pause conditions but the controller has not reacted yet. */
export function isUnpausing(ro: Rollout): boolean {
  return !!ro.status?.controllerPause && (ro.status?.pauseConditions ?? []).length === 0;
}

function isWorkloadGenerationObserved(ro: Rollout): boolean {
  const annotation = ro.metadata?.annotations?.[ANNOTATION_WORKLOAD_GENERATION];
  if (annotation === undefined) return true;
  const observed = ro.status?.workloadObservedGeneration;
  if (observed === undefined || !/^-?\d+$/.test(observed)) return true;
  return Number.parseInt(observed, 10) === Number.parseInt(annotation, 10);
}

/** Client-side phase (`GetRolloutPhase`). */
export function getRolloutPhase(ro: Rollout): PhaseAndMessage {
  if (!isGenerationObserved(ro)) return { phase: RolloutPhase.Progressing, message: PhaseMessage.waitingForSpecObserved };
  if (isUnpausing(ro)) return { phase: RolloutPhase.Progressing, message: PhaseMessage.waitingForUnpause };
  if (ro.spec.workloadRef && !isWorkloadGenerationObserved(ro)) {
    return { phase: RolloutPhase.Progressing, message: PhaseMessage.waitingForWorkloadObserved };
  }
  if (ro.status?.phase) return { phase: ro.status.phase as RolloutPhase, message: ro.status.message ?? '' };
  return calculateRolloutPhase(ro.spec, ro.status);
}
