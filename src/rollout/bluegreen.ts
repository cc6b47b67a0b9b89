/**
 * Blue-green decisions (reference §3.6): new RS size (previewReplicaCount), when the rollout is
 * ready to pause, the BlueGreenPause lifecycle (autoPromotionEnabled / autoPromotionSeconds),
 * which hash the active and preview Services should select, when the new RS becomes stable, and
 * what happens to the preview RS on abort.
 */
import type { Rollout } from '../api/types/rollout.ts';
import { ANNOTATION_DESIRED_REPLICAS, PauseReason } from '../api/constants.ts';
import { getAbortScaleDownDelaySecondsOrDefault, getAutoPromotionEnabledOrDefault, getReplicasOrDefault } from '../api/defaults.ts';
import { getPauseCondition } from './pause.ts';
import {
  availableReplicas,
  findByHash,
  formatRFC3339,
  hasScaleDownDeadline,
  podTemplateHash,
  rsName,
  scaleDownDeadlineMs,
  specReplicas,
  type ReplicaSet,
} from './replicasets.ts';

/** `NewRSNewReplicas` for blue-green: previewReplicaCount until promotion, else spec.replicas. */
export function blueGreenNewRSReplicas(ro: Rollout, newRS: ReplicaSet, allRSs: readonly ReplicaSet[]): number {
  const desired = getReplicasOrDefault(ro.spec.replicas);
  const preview = ro.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview === undefined || preview === null) return desired;
  const activeRS = findByHash(allRSs, ro.status?.blueGreen?.activeSelector);
  if (!activeRS || rsName(activeRS) === rsName(newRS)) return desired;
  if (ro.status?.promoteFull) return desired;
  if (podTemplateHash(newRS) !== ro.status?.currentPodHash) return preview;
  const notPaused = !ro.spec.paused && (ro.status?.pauseConditions ?? []).length === 0;
  if (notPaused && ro.status?.blueGreen?.scaleUpPreviewCheckPoint) return desired;
  return preview;
}

/** `ReadyForPause`: the new RS is at its (preview) size and all of it is available. */
export function readyForPause(ro: Rollout, newRS: ReplicaSet, allRSs: readonly ReplicaSet[]): boolean {
  const n = blueGreenNewRSReplicas(ro, newRS, allRSs);
  return specReplicas(newRS) === n && availableReplicas(newRS) === n;
}

/** `IsSaturated`: desired-replicas annotation, spec and available all equal spec.replicas. */
export function isSaturated(ro: Rollout, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  const annotation = rs.metadata?.annotations?.[ANNOTATION_DESIRED_REPLICAS];
  return annotation === String(replicas) && specReplicas(rs) === replicas && availableReplicas(rs) === replicas;
}

/** The controller manages a BlueGreenPause when autoPromotionEnabled=false or autoPromotionSeconds>0. */
export function needsBlueGreenControllerPause(ro: Rollout): boolean {
  const bg = ro.spec.strategy.blueGreen;
  if (!bg) return false;
  if (bg.autoPromotionEnabled === false) return true;
  return (bg.autoPromotionSeconds ?? 0) > 0;
}

/**
 * Skip the pause: new RS still within its scale-down delay (fast rollback), promoteFull, active
 * Service has no hash selector yet (initial deploy), or active already selects the new RS.
 */
export function isBlueGreenFastTracked(ro: Rollout, newRS: ReplicaSet, activeSelectorHash: string | undefined): boolean {
  if (hasScaleDownDeadline(newRS)) return true;
  if (ro.status?.promoteFull) return true;
  if (!activeSelectorHash) return true;
  return activeSelectorHash === podTemplateHash(newRS);
}

/**
 * `CompletedBlueGreenPause`: the automated pause is over — resumed by a human (pause condition
 * cleared after controllerPause), or autoPromotionSeconds elapsed since the pause started.
 * `justAddedPause` = a BlueGreenPause is being added in this very reconcile.
 */
export function completedBlueGreenPause(ro: Rollout, now: number, justAddedPause = false): boolean {
  if (justAddedPause) return false;
  if (ro.status?.blueGreen?.scaleUpPreviewCheckPoint) return true;
  if (!needsBlueGreenControllerPause(ro)) return true;
  const cond = getPauseCondition(ro, PauseReason.BlueGreenPause);
  if (getAutoPromotionEnabledOrDefault(ro)) {
    const seconds = ro.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
    if (seconds === 0) return true;
    if (!cond) return false;
    return now > Date.parse(cond.startTime) + seconds * 1000;
  }
  if (ro.status?.controllerPause) return !cond;
  return false;
}

export interface BlueGreenPauseInput {
  rollout: Rollout;
  newRS: ReplicaSet;
  allRSs: readonly ReplicaSet[];
  /** Hash currently in the active Service's selector ('' / undefined if none). */
  activeSelectorHash?: string;
  /** haltProgress: spec.paused or an InconclusiveAnalysisRun pause. */
  halted: boolean;
  prePromotionAnalysisSuccessful: boolean;
  now: number;
}

export interface BlueGreenPauseDecision {
  addPause: boolean;
  removePause: boolean;
  /** Auto-promotion deadline still ahead: requeue after this many ms. */
  requeueAfterMs?: number;
}

/** `reconcileBlueGreenPause`. */
export function decideBlueGreenPause(i: BlueGreenPauseInput): BlueGreenPauseDecision {
  const ro = i.rollout;
  const none: BlueGreenPauseDecision = { addPause: false, removePause: false };
  const remove: BlueGreenPauseDecision = { addPause: false, removePause: true };
  if (ro.status?.abort) return none;
  if (!readyForPause(ro, i.newRS, i.allRSs)) return none;
  if (i.halted) return none;
  if (isBlueGreenFastTracked(ro, i.newRS, i.activeSelectorHash)) return remove;
  if (ro.status?.blueGreen?.scaleUpPreviewCheckPoint) return remove;
  if (!needsBlueGreenControllerPause(ro)) return remove;
  if (!i.prePromotionAnalysisSuccessful) return none;
  const cond = getPauseCondition(ro, PauseReason.BlueGreenPause);
  if (cond) {
    if (completedBlueGreenPause(ro, i.now)) return remove;
    const seconds = ro.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
    if (seconds > 0 && getAutoPromotionEnabledOrDefault(ro)) {
      const left = Date.parse(cond.startTime) + seconds * 1000 - i.now;
      if (left > 0) return { ...none, requeueAfterMs: left };
    }
    return none;
  }
  if (!ro.status?.controllerPause) return { addPause: true, removePause: false };
  return none;
}

export interface ActiveSelectorInput extends BlueGreenPauseInput {
  /** A BlueGreenPause is being added this reconcile. */
  justAddedPause: boolean;
}

/**
 * Hash the active Service should select (`reconcileActiveService`): unchanged until the new RS is
 * saturated and ready; then the new hash once fast-tracked or the pause is done and pre-promotion
 * analysis succeeded; the stable hash when aborted. `undefined` = leave the Service alone.
 */
export function desiredActiveSelector(i: ActiveSelectorInput): string | undefined {
  const ro = i.rollout;
  if (!readyForPause(ro, i.newRS, i.allRSs) || !isSaturated(ro, i.newRS)) return undefined;
  let hash = i.activeSelectorHash;
  const newHash = podTemplateHash(i.newRS);
  if (!i.halted) {
    if (isBlueGreenFastTracked(ro, i.newRS, i.activeSelectorHash)) hash = newHash;
    if (completedBlueGreenPause(ro, i.now, i.justAddedPause) && i.prePromotionAnalysisSuccessful) hash = newHash;
  }
  if (ro.status?.abort) hash = ro.status.stableRS;
  return hash || undefined;
}

/** Preview Service follows the new RS as soon as it exists (unless halted or there is no preview). */
export function desiredPreviewSelector(ro: Rollout, newRS: ReplicaSet | undefined, halted: boolean): string | undefined {
  if (!ro.spec.strategy.blueGreen?.previewService || !newRS || halted) return undefined;
  return podTemplateHash(newRS);
}

export interface BlueGreenPromotionInput {
  rollout: Rollout;
  newRS?: ReplicaSet;
  /** status.blueGreen.activeSelector after this reconcile. */
  activeSelector: string;
  currentPodHash: string;
  aborted: boolean;
  /** AWS target-group verification done (true when not applicable). */
  targetsVerified: boolean;
  postPromotionAnalysisSuccessful: boolean;
}

/** `shouldFullPromote` for blue-green: the reason text, or undefined. */
export function shouldFullPromoteBlueGreen(i: BlueGreenPromotionInput): string | undefined {
  const ro = i.rollout;
  if (!ro.status?.stableRS) return 'Initial deploy';
  if (i.activeSelector === '') return 'Initial deploy';
  if (i.activeSelector !== i.currentPodHash) return undefined;
  if (!i.targetsVerified) return undefined;
  if (ro.status?.promoteFull) return 'Full promotion requested';
  if (i.aborted) return undefined;
  if (ro.spec.strategy.blueGreen?.postPromotionAnalysis) {
    if (i.newRS && hasScaleDownDeadline(i.newRS)) return `Rollback to '${rsName(i.newRS)}' within scaleDownDelay`;
    if (!i.postPromotionAnalysisSuccessful) return undefined;
  }
  return 'Completed blue-green update';
}

/**
 * `scaleUpPreviewCheckPoint`: one-way trip-wire set once the preview RS has previewReplicaCount
 * available, pre-promotion analysis succeeded and the pause is over.
 */
export function calculateScaleUpPreviewCheckPoint(
  ro: Rollout,
  newRS: ReplicaSet | undefined,
  prePromotionAnalysisSuccessful: boolean,
  pauseCompleted: boolean,
): boolean {
  const preview = ro.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview === undefined || preview === null) return false;
  if (ro.status?.blueGreen?.scaleUpPreviewCheckPoint) return true;
  if (!prePromotionAnalysisSuccessful || !pauseCompleted) return false;
  return preview === availableReplicas(newRS);
}

/**
 * `shouldDelayScaleDownOnAbort`: aborted with a stable RS (not basic canary), abort delay not 0,
 * and not dynamicStableScale without an explicit abortScaleDownDelaySeconds.
 */
export function shouldDelayScaleDownOnAbort(ro: Rollout, aborted: boolean, stableRS: ReplicaSet | undefined): boolean {
  if (!aborted || !stableRS) return false;
  const canary = ro.spec.strategy.canary;
  if (canary && !canary.trafficRouting) return false;
  const { seconds, wasSet } = getAbortScaleDownDelaySecondsOrDefault(ro);
  if (seconds === undefined) return false;
  if (canary?.dynamicStableScale && !wasSet) return false;
  return true;
}

export interface AbortedNewRSDecision {
  /** spec.replicas for the new (canary/preview) RS; undefined = leave as is. */
  replicas?: number;
  /** Annotate the new RS with this scale-down deadline. */
  addScaleDownDeadline?: string;
  requeueAfterMs?: number;
}

/**
 * On abort with a delay: annotate the canary/preview RS once the stable RS is fully available,
 * keep it up until the deadline, then scale it to 0.
 */
export function abortedNewRSScaleDown(ro: Rollout, newRS: ReplicaSet, stableRS: ReplicaSet, normalReplicas: number, now: number): AbortedNewRSDecision {
  const deadline = scaleDownDeadlineMs(newRS);
  if (hasScaleDownDeadline(newRS) && deadline !== undefined) {
    if (deadline > now) return { requeueAfterMs: deadline - now };
    return { replicas: 0 };
  }
  if (hasScaleDownDeadline(newRS)) return { replicas: normalReplicas };
  const { seconds } = getAbortScaleDownDelaySecondsOrDefault(ro);
  if (seconds !== undefined && availableReplicas(stableRS) === getReplicasOrDefault(ro.spec.replicas)) {
    return { addScaleDownDeadline: formatRFC3339(now + seconds * 1000), requeueAfterMs: seconds * 1000 };
  }
  return {};
}
