/**
 * setWeight / setCanaryScale steps: complete once the canary and stable ReplicaSets are at the
 * counts the step asks for (and, for setWeight, the routers confirmed the weight if they verify).
 */
import type { CanaryStepHandler } from './step-handler.ts';
import { atDesiredReplicaCountsForCanary } from '../../canary-progress.ts';
import type { DecideContext } from '../context.ts';

function atDesiredCounts(ctx: DecideContext): boolean {
  return atDesiredReplicaCountsForCanary(ctx.ro, ctx.newRS, ctx.stableRS, ctx.otherRSs, ctx.carried.weights);
}

export const setWeightStep: CanaryStepHandler = {
  kind: 'setWeight',
  indefinite: false,
  completed(ctx) {
    if (!atDesiredCounts(ctx)) return false;
    return ctx.carried.weights?.verified !== false;
  },
};

export const setCanaryScaleStep: CanaryStepHandler = {
  kind: 'setCanaryScale',
  indefinite: false,
  completed: atDesiredCounts,
};
