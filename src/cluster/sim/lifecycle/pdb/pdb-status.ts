/**
 * PodDisruptionBudget status as the disruption controller computes it: expected pods (the pods, or
 * the scale of their controllers when the budget is a percentage or maxUnavailable), desired and
 * current healthy pods, disruptions allowed, and the DisruptionAllowed condition. Pure.
 */
import type { Condition } from 'kubernetes-types/meta/v1.js';
import type { PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1.js';
import { formatTime } from '../../../../kube/time-format.ts';
import { setCondition } from '../common/conditions.ts';
import type { PdbObject, PodObject } from '../common/types.ts';
import { isPodReady } from '../../util/pod-readiness.ts';

export type Expectation = { ok: true; expectedCount: number; desiredHealthy: number } | { ok: false; error: string };

/** Whether the budget is relative to the controllers' scale rather than to the pods found. */
export function needsControllerScale(pdb: PdbObject): boolean {
  const spec = pdb.spec;
  if (spec?.maxUnavailable !== undefined && spec.maxUnavailable !== null) return true;
  return typeof spec?.minAvailable === 'string';
}

/** intstr.GetScaledValueFromIntOrPercent: an int as is, `N%` of total (rounded up); other strings are errors. */
export function scaledValue(v: number | string, total: number): number | string {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return `invalid value for IntOrString: invalid type: string is not a percentage`;
  return Math.ceil((Number(m[1]) * total) / 100);
}

/**
 * Expected and desired healthy counts. `controllerScale` is the sum of the selected pods'
 * controllers' replicas (needed when needsControllerScale), or an error finding them.
 */
export function expectation(pdb: PdbObject, pods: readonly PodObject[], controllerScale?: number | { error: string }): Expectation {
  const spec = pdb.spec ?? {};
  if (!needsControllerScale(pdb)) {
    const min = spec.minAvailable;
    return { ok: true, expectedCount: pods.length, desiredHealthy: typeof min === 'number' ? min : 0 };
  }
  if (controllerScale === undefined) return { ok: false, error: 'the scale of the pods\' controllers is unknown' };
  if (typeof controllerScale !== 'number') return { ok: false, error: controllerScale.error };
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const max = scaledValue(spec.maxUnavailable, controllerScale);
    if (typeof max === 'string') return { ok: false, error: max };
    return { ok: true, expectedCount: controllerScale, desiredHealthy: Math.max(0, controllerScale - max) };
  }
  const min = scaledValue(spec.minAvailable ?? 0, controllerScale);
  if (typeof min === 'string') return { ok: false, error: min };
  return { ok: true, expectedCount: controllerScale, desiredHealthy: min };
}

/** Ready pods that are not being deleted. */
export function currentHealthy(pods: readonly PodObject[]): number {
  return pods.filter((p) => !p.metadata.deletionTimestamp && isPodReady(p)).length;
}

export function pdbStatus(pdb: PdbObject, pods: readonly PodObject[], expected: Expectation, now: number): PodDisruptionBudgetStatus {
  const old = pdb.status;
  const generation = pdb.metadata.generation ?? 0;
  const stamp = formatTime(now);
  const base = { ...(old ?? {}) };
  if (!expected.ok) {
    const conditions = setCondition<Condition>(old?.conditions, { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: expected.error, observedGeneration: generation }, stamp);
    return { ...base, currentHealthy: old?.currentHealthy ?? 0, desiredHealthy: old?.desiredHealthy ?? 0, expectedPods: old?.expectedPods ?? 0, disruptionsAllowed: 0, observedGeneration: generation, conditions };
  }
  const healthy = currentHealthy(pods);
  let allowed = healthy - expected.desiredHealthy;
  // A budget that matches no pod yet is kept safe until this controller has seen them.
  if (expected.expectedCount <= 0 || allowed <= 0) allowed = 0;
  const conditions = setCondition<Condition>(
    old?.conditions,
    allowed > 0
      ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: generation }
      : { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: generation },
    stamp,
  );
  const status: PodDisruptionBudgetStatus = {
    currentHealthy: healthy,
    desiredHealthy: expected.desiredHealthy,
    expectedPods: expected.expectedCount,
    disruptionsAllowed: allowed,
    observedGeneration: generation,
    conditions,
  };
  if (old?.disruptedPods && Object.keys(old.disruptedPods).length > 0) status.disruptedPods = old.disruptedPods;
  return status;
}
