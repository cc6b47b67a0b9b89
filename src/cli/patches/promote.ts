/**
 * `promote` (Argo's getPatches): which merge patches to send to the rollout and to its status
 * subresource, and the unified patch for clusters without a status subresource.
 */
import type { Rollout } from '../../api/types/rollout.ts';
import { getCurrentCanaryStep } from '../../rollout/steps.ts';

export interface PromoteFlags {
  skipCurrentStep?: boolean;
  skipAllSteps?: boolean;
  full?: boolean;
}

export interface PromotePatches {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  /** Sent to the main resource instead of `status` when the status subresource is not served (404). */
  unified?: Record<string, unknown>;
}

export const USE_BOTH_SKIP_FLAGS_ERROR = 'Cannot use skip-current-step and skip-all-steps flags at the same time';
export const SKIP_FLAGS_WITH_BLUE_GREEN_ERROR = 'Cannot skip steps of a bluegreen rollout. Run without a flags';
export const SKIP_FLAG_WITH_NO_STEP_CANARY_ERROR = 'Cannot skip steps of a rollout without steps';

/** The step index after the current one, capped at the number of steps; undefined without steps. */
function nextStepIndex(ro: Rollout): number | undefined {
  const { index } = getCurrentCanaryStep(ro);
  if (index === undefined) return undefined;
  const steps = ro.spec.strategy.canary?.steps?.length ?? 0;
  return index < steps ? index + 1 : index;
}

function isInconclusive(ro: Rollout): boolean {
  return !!ro.spec.strategy.canary && ro.status?.canary?.currentStepAnalysisRunStatus?.status === 'Inconclusive';
}

/** Throws the messages Argo returns for flags that do not apply to this rollout. */
export function checkPromoteFlags(ro: Rollout, flags: PromoteFlags): void {
  if (!flags.skipCurrentStep && !flags.skipAllSteps) return;
  if (ro.spec.strategy.blueGreen) throw new Error(SKIP_FLAGS_WITH_BLUE_GREEN_ERROR);
  if (ro.spec.strategy.canary && (ro.spec.strategy.canary.steps?.length ?? 0) === 0) throw new Error(SKIP_FLAG_WITH_NO_STEP_CANARY_ERROR);
}

export function promotePatches(ro: Rollout, flags: PromoteFlags): PromotePatches {
  const status = ro.status ?? {};
  if (flags.skipCurrentStep) {
    const next = nextStepIndex(ro);
    if (next === undefined) return {};
    const patch = { status: { currentStepIndex: next } };
    return { status: patch, unified: patch };
  }
  if (flags.skipAllSteps) {
    const patch = { status: { currentStepIndex: ro.spec.strategy.canary?.steps?.length ?? 0 } };
    return { status: patch, unified: patch };
  }
  if (flags.full) {
    const out: PromotePatches = {};
    if (ro.spec.paused) out.spec = { spec: { paused: false } };
    if ((status.currentPodHash ?? '') !== (status.stableRS ?? '')) out.status = { status: { promoteFull: true } };
    return out;
  }
  const out: PromotePatches = { unified: { spec: { paused: false }, status: { pauseConditions: null } } };
  if (ro.spec.paused) out.spec = { spec: { paused: false } };
  const paused = (status.pauseConditions ?? []).length > 0;
  if (isInconclusive(ro) && paused && status.controllerPause) {
    const next = nextStepIndex(ro);
    if (next !== undefined) out.status = { status: { pauseConditions: null, controllerPause: false, currentStepIndex: next } };
  } else if (paused) {
    out.status = { status: { pauseConditions: null } };
  } else if (ro.spec.strategy.canary) {
    const next = nextStepIndex(ro);
    if (next !== undefined) {
      out.status = { status: { pauseConditions: null, currentStepIndex: next } };
      out.unified = { spec: { paused: false }, status: { pauseConditions: null, currentStepIndex: next } };
    }
  }
  return out;
}
