/**
 * pause step (`reconcileCanaryPause`): adds the `CanaryPauseStep` pause condition unless the user
 * already resumed it; a timed pause completes `duration` after the condition's startTime.
 */
import { PauseReason } from '../../../api/constants.ts';
import { pauseDurationSeconds } from '../../../api/duration.ts';
import { canaryPauseExpiry, completedCanaryPauseStep, getPauseCondition } from '../../pause.ts';
import type { CanaryStepHandler } from './step-handler.ts';

export const pauseStep: CanaryStepHandler = {
  kind: 'pause',
  indefinite: true,
  completed(ctx, step) {
    return !!step.pause && completedCanaryPauseStep(ctx.ro, step.pause, ctx.now);
  },
  reconcile(ctx, step) {
    const pause = step.pause;
    if (!pause) return false;
    const cond = getPauseCondition(ctx.ro, PauseReason.CanaryPauseStep);
    if (!cond) {
      if (!ctx.ro.status?.controllerPause) {
        ctx.addPauseCondition(PauseReason.CanaryPauseStep);
        if (pause.duration !== undefined && pause.duration !== null) ctx.requeueAfter(pauseDurationSeconds(pause.duration) * 1000 + 1000);
      }
      return true;
    }
    const expiry = canaryPauseExpiry(ctx.ro, pause);
    // The pause ends strictly after the expiry; a little slack keeps the requeue from landing early.
    if (expiry !== undefined) ctx.requeueAt(expiry + 50);
    return true;
  },
};
