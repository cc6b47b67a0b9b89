/**
 * The seam for canary step kinds: one handler per key of `steps[]`. A handler says whether the
 * rollout may leave the step (`completed`), may act while the rollout sits at it (`reconcile`,
 * e.g. the pause step adds its pause condition), and whether the progress deadline is suspended
 * there (`indefinite`). Analysis, experiment and plugin steps are filled in by later issues; until
 * then their handler keeps the rollout waiting at the step (see `pending-step.ts`).
 */
import type { CanaryStep, CanaryStepKind } from '../../../api/types/canary-steps.ts';
import type { DecideContext } from '../context.ts';

export interface CanaryStepHandler {
  readonly kind: CanaryStepKind;
  /** Progress deadline is not evaluated while the rollout is at this step. */
  readonly indefinite: boolean;
  /** May the step index move past this step? */
  completed(ctx: DecideContext, step: CanaryStep, index: number): boolean;
  /**
   * Called when no ReplicaSet was scaled this pass and the rollout is at this step (not user
   * paused, not promoting fully). Returns true while the step is still being reconciled.
   */
  reconcile?(ctx: DecideContext, step: CanaryStep, index: number): boolean;
  /** Called once when the step index moves onto this step. */
  entered?(ctx: DecideContext, step: CanaryStep, index: number): void;
}

/** The kind of a step: its one set key (`invalid` steps are rejected by validation). */
export function stepKind(step: CanaryStep): CanaryStepKind | undefined {
  if (step.setWeight !== undefined && step.setWeight !== null) return 'setWeight';
  if (step.pause) return 'pause';
  if (step.experiment) return 'experiment';
  if (step.analysis) return 'analysis';
  if (step.setCanaryScale) return 'setCanaryScale';
  if (step.setHeaderRoute) return 'setHeaderRoute';
  if (step.setMirrorRoute) return 'setMirrorRoute';
  if (step.plugin) return 'plugin';
  return undefined;
}
