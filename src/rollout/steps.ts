/** Canary step selection: current step, effective setWeight, setCanaryScale, experiment step. */
import type { CanaryStep, RolloutExperimentStep, SetCanaryScale } from '../api/types/canary-steps.ts';
import type { Rollout } from '../api/types/rollout.ts';
import { getAbortScaleDownDelaySecondsOrDefault, getMaxTrafficWeight } from '../api/defaults.ts';

export interface CurrentStep {
  /** undefined when there are no steps or all steps are done. */
  step?: CanaryStep;
  /** undefined when there are no steps; = steps.length when all are done. */
  index?: number;
}

export function stepCount(ro: Rollout): number {
  return ro.spec.strategy.canary?.steps?.length ?? 0;
}

/** `GetCurrentCanaryStep`: `status.currentStepIndex` (default 0) into `canary.steps`. */
export function getCurrentCanaryStep(ro: Rollout): CurrentStep {
  const steps = ro.spec.strategy.canary?.steps ?? [];
  if (steps.length === 0) return {};
  const index = ro.status?.currentStepIndex ?? 0;
  if (index >= steps.length) return { index };
  return { step: steps[index], index };
}

/** True once the rollout has the stable RS = current pod hash (not mid-update). */
export function isFullyPromoted(ro: Rollout): boolean {
  return (ro.status?.stableRS ?? '') === (ro.status?.currentPodHash ?? '');
}

/**
 * `GetCurrentSetWeight`: 0 when aborted; max when past the last step (or no steps); else the last
 * `setWeight` at or before the current step (0 if none).
 */
export function getCurrentSetWeight(ro: Rollout): number {
  if (ro.status?.abort) return 0;
  const max = getMaxTrafficWeight(ro);
  const { step, index } = getCurrentCanaryStep(ro);
  if (!step || index === undefined) return max;
  const steps = ro.spec.strategy.canary?.steps ?? [];
  for (let i = index; i >= 0; i--) {
    const w = steps[i]?.setWeight;
    if (w !== undefined && w !== null) return w;
  }
  return 0;
}

/** The last setWeight strictly before the current step (used while the new RS is not yet at its count). */
export function getPreviousSetWeight(ro: Rollout): number {
  const { index } = getCurrentCanaryStep(ro);
  const steps = ro.spec.strategy.canary?.steps ?? [];
  if (index === undefined) return 0;
  for (let i = Math.min(index, steps.length) - 1; i >= 0; i--) {
    const w = steps[i]?.setWeight;
    if (w !== undefined && w !== null) return w;
  }
  return 0;
}

/**
 * `UseSetCanaryScale`: the sticky setCanaryScale in force at the current step (trafficRouting only;
 * `matchTrafficWeight: true` cancels it; ignored when aborted unless abortScaleDownDelaySeconds is 0).
 */
export function useSetCanaryScale(ro: Rollout): SetCanaryScale | undefined {
  const canary = ro.spec.strategy.canary;
  if (!canary?.trafficRouting) return undefined;
  if (ro.status?.abort && getAbortScaleDownDelaySecondsOrDefault(ro).seconds !== undefined) return undefined;
  const { step, index } = getCurrentCanaryStep(ro);
  if (!step || index === undefined) return undefined;
  const steps = canary.steps ?? [];
  for (let i = index; i >= 0; i--) {
    const scs = steps[i]?.setCanaryScale;
    if (!scs) continue;
    if (scs.matchTrafficWeight) return undefined;
    return scs;
  }
  return undefined;
}

export interface CanaryReplicasOrWeight {
  /** Explicit canary replica count (setCanaryScale.replicas). */
  replicas?: number;
  weight: number;
}

/**
 * `GetCanaryReplicasOrWeight`: full weight when promoting fully, on initial deploy (no stableRS)
 * or when the current hash is the stable one; else setCanaryScale replicas/weight; else the
 * current setWeight.
 */
export function getCanaryReplicasOrWeight(ro: Rollout): CanaryReplicasOrWeight {
  const status = ro.status ?? {};
  if (status.promoteFull || !status.stableRS || status.currentPodHash === status.stableRS) {
    return { weight: getMaxTrafficWeight(ro) };
  }
  const scs = useSetCanaryScale(ro);
  if (scs) {
    if (scs.replicas !== undefined && scs.replicas !== null) return { replicas: scs.replicas, weight: 0 };
    if (scs.weight !== undefined && scs.weight !== null) return { weight: scs.weight };
  }
  return { weight: getCurrentSetWeight(ro) };
}

/** The latest experiment step at or before the current step. */
export function getCurrentExperimentStep(ro: Rollout): RolloutExperimentStep | undefined {
  const { step, index } = getCurrentCanaryStep(ro);
  if (!step || index === undefined) return undefined;
  const steps = ro.spec.strategy.canary?.steps ?? [];
  for (let i = index; i >= 0; i--) {
    const e = steps[i]?.experiment;
    if (e) return e;
  }
  return undefined;
}

/** Background analysis must not start while `currentStepIndex < analysis.startingStep`. */
export function beforeStartingStep(ro: Rollout): boolean {
  const starting = ro.spec.strategy.canary?.analysis?.startingStep;
  if (starting === undefined || starting === null) return false;
  const { index } = getCurrentCanaryStep(ro);
  if (index === undefined) return false;
  return index < starting;
}

/** `CanaryStepString`, used in the RolloutStepCompleted event: `setWeight: 20`, `pause: 1h`, ... */
export function canaryStepString(step: CanaryStep): string {
  if (step.setWeight !== undefined && step.setWeight !== null) return `setWeight: ${step.setWeight}`;
  if (step.pause) {
    const d = step.pause.duration;
    if (d === undefined || d === null) return 'pause';
    return `pause: ${typeof d === 'number' ? d : d}`;
  }
  if (step.experiment) return 'experiment';
  if (step.analysis) return 'analysis';
  if (step.setCanaryScale) {
    const scs = step.setCanaryScale;
    if (scs.weight !== undefined && scs.weight !== null) return `setCanaryScale{weight: ${scs.weight}}`;
    if (scs.matchTrafficWeight) return 'setCanaryScale{matchTrafficWeight: true}';
    if (scs.replicas !== undefined && scs.replicas !== null) return `setCanaryScale{replicas: ${scs.replicas}}`;
  }
  if (step.setHeaderRoute) return 'setHeaderRoute';
  if (step.setMirrorRoute) return 'setMirrorRoute';
  if (step.plugin) return `plugin: ${step.plugin.name}`;
  return 'invalid';
}
