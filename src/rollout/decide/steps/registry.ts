/** The handler for each canary step kind (see step-handler.ts for the seam). */
import type { CanaryStep, CanaryStepKind } from '../../../api/types/canary-steps.ts';
import { pauseStep } from './pause-step.ts';
import { pendingStep } from './pending-step.ts';
import { setHeaderRouteStep, setMirrorRouteStep } from './route-steps.ts';
import { setCanaryScaleStep, setWeightStep } from './set-weight-step.ts';
import { stepKind, type CanaryStepHandler } from './step-handler.ts';

export type StepHandlers = Readonly<Record<CanaryStepKind, CanaryStepHandler>>;

export const DEFAULT_STEP_HANDLERS: StepHandlers = {
  setWeight: setWeightStep,
  pause: pauseStep,
  setCanaryScale: setCanaryScaleStep,
  setHeaderRoute: setHeaderRouteStep,
  setMirrorRoute: setMirrorRouteStep,
  analysis: pendingStep('analysis'),
  experiment: pendingStep('experiment'),
  plugin: pendingStep('plugin'),
};

export function handlerFor(handlers: StepHandlers, step: CanaryStep | undefined): CanaryStepHandler | undefined {
  if (!step) return undefined;
  const kind = stepKind(step);
  return kind ? handlers[kind] : undefined;
}
