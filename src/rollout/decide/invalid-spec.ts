/**
 * An invalid Rollout (reference §1.7): the `InvalidSpec` condition carries
 * `The Rollout "<name>" is invalid: <field error>`, the phase becomes Degraded, nothing else is
 * touched, and the rollout is looked at again in 20 seconds (the error may be timing related,
 * e.g. the Rollout was applied before its Service).
 */
import type { Rollout } from '../../api/types/rollout.ts';
import type { RolloutStatus } from '../../api/types/rollout-status.ts';
import { ConditionReason, INVALID_SPEC_REQUEUE_SECONDS, RolloutConditionType } from '../../api/constants.ts';
import { formatFieldError, type FieldError } from '../../api/validation/field-error.ts';
import { getCondition, newCondition, removeCondition, setCondition } from '../conditions.ts';
import { calculateRolloutPhase } from '../phase.ts';
import { createMergePatch, normalizeJson } from './merge-patch.ts';
import type { RolloutPlan } from './types.ts';

export function invalidSpecMessage(ro: Rollout, error: FieldError): string {
  return `The Rollout ${JSON.stringify(ro.metadata?.name ?? '')} is invalid: ${formatFieldError(error)}`;
}

/** `createInvalidRolloutCondition` as a plan: only the condition, observedGeneration and phase change. */
export function invalidSpecPlan(ro: Rollout, error: FieldError, now: number): RolloutPlan {
  const prev: RolloutStatus = normalizeJson(ro.status ?? {});
  const message = invalidSpecMessage(ro, error);
  const prevCond = getCondition(prev, RolloutConditionType.InvalidSpec);
  const status: RolloutStatus = { ...prev };
  const events: RolloutPlan['events'] = [];
  if (!prevCond || prevCond.message !== message) {
    const base = prevCond ? removeCondition(prev.conditions, RolloutConditionType.InvalidSpec) : prev.conditions;
    status.conditions = setCondition(base, newCondition(RolloutConditionType.InvalidSpec, 'True', ConditionReason.InvalidSpec, message, now)).conditions;
    events.push({ type: 'Warning', reason: ConditionReason.InvalidSpec, message });
  }
  status.observedGeneration = String(ro.metadata?.generation ?? 0);
  const spec = ro.spec ?? { strategy: {} };
  const phase = calculateRolloutPhase({ ...spec, strategy: spec.strategy ?? {} }, status);
  status.phase = phase.phase;
  status.message = phase.message;
  return {
    replicaSetPatches: [],
    servicePatches: [],
    evictPods: [],
    podMetadataUpdates: [],
    deleteReplicaSets: [],
    status,
    statusPatch: createMergePatch(prev, status),
    events,
    requeueAfterMs: INVALID_SPEC_REQUEUE_SECONDS * 1000,
    notes: [message],
  };
}
