/**
 * `reconcileTrafficRouting` (reference §3.5), the seam for traffic routers: the desired weight is
 * computed and recorded in `status.canary.weights` and handed to the plan (`trafficWeights`);
 * the routers that apply it (SMI, Istio, NGINX, ALB, ...) arrive with the traffic-routing issue.
 * Without trafficRouting, basic canary keeps no weights.
 */
import { EventReason } from '../../api/constants.ts';
import { calculateWeightStatus, desiredTrafficWeight, trafficWeightUpdatedMessage } from '../traffic-weight.ts';
import type { DecideContext } from './context.ts';

export function reconcileTrafficRouting(ctx: DecideContext): void {
  const canary = ctx.ro.spec.strategy.canary;
  if (!canary?.trafficRouting) {
    ctx.carried.weights = undefined;
    return;
  }
  const desired = desiredTrafficWeight({
    rollout: ctx.ro,
    newRS: ctx.newRS,
    stableRS: ctx.stableRS,
    otherRSs: ctx.otherRSs,
    aborted: ctx.isAborted(),
  });
  const { modified, weights } = calculateWeightStatus(ctx.ro, desired.canaryHash, desired.stableHash, desired.weight, desired.additional);
  ctx.carried.weights = weights;
  ctx.trafficWeights = { canaryHash: desired.canaryHash, stableHash: desired.stableHash, weight: desired.weight };
  const prev = ctx.ro.status?.canary?.weights;
  const weightChanged = !prev || prev.canary.weight !== weights.canary.weight || JSON.stringify(prev.additional ?? []) !== JSON.stringify(weights.additional ?? []);
  if (modified && weightChanged) ctx.event('Normal', EventReason.TrafficWeightUpdated, trafficWeightUpdatedMessage(prev, weights));
}
