/**
 * Defaults of reference §1, computed at read time as Argo does (nothing is written into the spec,
 * except that the controller writes `spec.replicas: 1` back when it is nil — see `needsReplicasWriteBack`).
 */
import type { IntOrString } from './intstr.ts';
import type { Rollout } from './types/rollout.ts';
import {
  DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS,
  DEFAULT_ANALYSIS_RUN_SUCCESSFUL_HISTORY_LIMIT,
  DEFAULT_ANALYSIS_RUN_UNSUCCESSFUL_HISTORY_LIMIT,
  DEFAULT_AUTO_PROMOTION_ENABLED,
  DEFAULT_MAX_SURGE,
  DEFAULT_MAX_TRAFFIC_WEIGHT,
  DEFAULT_MAX_UNAVAILABLE,
  DEFAULT_PROGRESS_DEADLINE_SECONDS,
  DEFAULT_REPLICAS,
  DEFAULT_REVISION_HISTORY_LIMIT,
  DEFAULT_SCALE_DOWN_DELAY_SECONDS,
} from './constants.ts';

export function getReplicasOrDefault(replicas: number | undefined | null): number {
  return replicas ?? DEFAULT_REPLICAS;
}

/** `spec.replicas` nil → the controller writes 1 back before reconciling (needed for HPA). */
export function needsReplicasWriteBack(ro: Rollout): boolean {
  return ro.spec.replicas === undefined || ro.spec.replicas === null;
}

export function getRevisionHistoryLimitOrDefault(ro: Rollout): number {
  return ro.spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
}

export function getProgressDeadlineSecondsOrDefault(ro: Rollout): number {
  return ro.spec.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
}

export function getAnalysisRunSuccessfulHistoryLimitOrDefault(ro: Rollout): number {
  return ro.spec.analysis?.successfulRunHistoryLimit ?? DEFAULT_ANALYSIS_RUN_SUCCESSFUL_HISTORY_LIMIT;
}

export function getAnalysisRunUnsuccessfulHistoryLimitOrDefault(ro: Rollout): number {
  return ro.spec.analysis?.unsuccessfulRunHistoryLimit ?? DEFAULT_ANALYSIS_RUN_UNSUCCESSFUL_HISTORY_LIMIT;
}

/** canary.maxSurge, else the string "25" (25%). */
export function getMaxSurgeOrDefault(ro: Rollout): IntOrString {
  return ro.spec.strategy.canary?.maxSurge ?? DEFAULT_MAX_SURGE;
}

/** blueGreen.maxUnavailable, else canary.maxUnavailable, else the string "25" (25%). */
export function getMaxUnavailableOrDefault(ro: Rollout): IntOrString {
  return ro.spec.strategy.blueGreen?.maxUnavailable ?? ro.spec.strategy.canary?.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE;
}

/**
 * Seconds to wait before scaling down the previous RS after a switch: blue-green default 30;
 * canary with trafficRouting default 30; basic canary 0 (not applicable).
 */
export function getScaleDownDelaySecondsOrDefault(ro: Rollout): number {
  const { blueGreen, canary } = ro.spec.strategy;
  if (blueGreen) return blueGreen.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
  if (canary?.trafficRouting) return canary.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
  return 0;
}

/**
 * Abort scale-down delay, as `GetAbortScaleDownDelaySecondsOrDefault`: `seconds` is undefined
 * when the canary/preview must never be scaled down (explicit 0); `wasSet` tells whether the user
 * set the field. Basic canary → 0 seconds (not applicable).
 */
export function getAbortScaleDownDelaySecondsOrDefault(ro: Rollout): { seconds: number | undefined; wasSet: boolean } {
  const { blueGreen, canary } = ro.spec.strategy;
  let field: number | undefined;
  let applicable = false;
  if (blueGreen) {
    applicable = true;
    field = blueGreen.abortScaleDownDelaySeconds;
  } else if (canary?.trafficRouting) {
    applicable = true;
    field = canary.abortScaleDownDelaySeconds;
  }
  if (!applicable) return { seconds: 0, wasSet: false };
  if (field === undefined || field === null) return { seconds: DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS, wasSet: false };
  if (field === 0) return { seconds: undefined, wasSet: true };
  return { seconds: field, wasSet: true };
}

export function getAutoPromotionEnabledOrDefault(ro: Rollout): boolean {
  return ro.spec.strategy.blueGreen?.autoPromotionEnabled ?? DEFAULT_AUTO_PROMOTION_ENABLED;
}

/** `trafficRouting.maxTrafficWeight`, default 100 (also 100 for basic canary). */
export function getMaxTrafficWeight(ro: Rollout): number {
  return ro.spec.strategy.canary?.trafficRouting?.maxTrafficWeight ?? DEFAULT_MAX_TRAFFIC_WEIGHT;
}

/** `scaleDownDelayRevisionLimit` of either strategy; undefined = unlimited. */
export function getScaleDownDelayRevisionLimit(ro: Rollout): number | undefined {
  return ro.spec.strategy.blueGreen?.scaleDownDelayRevisionLimit ?? ro.spec.strategy.canary?.scaleDownDelayRevisionLimit;
}

export function getCanaryIngressAnnotationPrefixOrDefault(ro: Rollout): string {
  return ro.spec.strategy.canary?.trafficRouting?.nginx?.annotationPrefix || 'nginx.ingress.kubernetes.io';
}

export function getAlbAnnotationPrefixOrDefault(ro: Rollout): string {
  return ro.spec.strategy.canary?.trafficRouting?.alb?.annotationPrefix || 'alb.ingress.kubernetes.io';
}
