/**
 * Steps whose controllers are not built yet (analysis, experiment, step plugins). Vane's choice
 * until those issues land: the rollout *waits* at such a step — it never skips a verification it
 * cannot perform. A Warning event `StepNotSupported` says so when the step is entered; the user
 * moves on with `kubectl argo rollouts promote` (a status patch of currentStepIndex), or aborts.
 * The progress deadline does not run out while waiting, as for any indefinite step.
 */
import type { CanaryStepKind } from '../../../api/types/canary-steps.ts';
import type { CanaryStepHandler } from './step-handler.ts';

export const STEP_NOT_SUPPORTED_REASON = 'StepNotSupported';

export function pendingStep(kind: CanaryStepKind): CanaryStepHandler {
  return {
    kind,
    indefinite: true,
    completed: () => false,
    entered(ctx, _step, index) {
      ctx.event(
        'Warning',
        STEP_NOT_SUPPORTED_REASON,
        `Step ${index} (${kind}) is not supported by this Vane version yet; the rollout waits here until promoted or aborted`,
      );
    },
  };
}
