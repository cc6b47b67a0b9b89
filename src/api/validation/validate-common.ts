import type { AntiAffinity } from '../types/rollout-strategy.ts';
import type { Rollout } from '../types/rollout.ts';
import { getRevisionHistoryLimitOrDefault } from '../defaults.ts';
import { child, invalid, type FieldError } from './field-error.ts';
import { ValidationMessage as M } from './messages.ts';

/** antiAffinity: exactly one of preferred/required; preferred weight 1..100. */
export function validateAntiAffinity(antiAffinity: AntiAffinity | undefined, path: string): FieldError[] {
  if (!antiAffinity) return [];
  const errs: FieldError[] = [];
  const preferred = antiAffinity.preferredDuringSchedulingIgnoredDuringExecution;
  const requiredRule = antiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  if ((preferred == null) === (requiredRule == null)) {
    const value =
      `antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: ${preferred != null} ` +
      `antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: ${requiredRule != null}`;
    errs.push(invalid(path, value, M.invalidAntiAffinityStrategy));
  }
  if (preferred != null && (preferred.weight < 1 || preferred.weight > 100)) {
    errs.push(invalid(child(path, 'weight'), preferred.weight, M.invalidAntiAffinityWeight));
  }
  return errs;
}

/** scaleDownDelayRevisionLimit must not exceed revisionHistoryLimit. */
export function validateScaleDownDelayRevisionLimit(ro: Rollout, limit: number | undefined, path: string): FieldError[] {
  if (limit === undefined || limit === null) return [];
  if (getRevisionHistoryLimitOrDefault(ro) < limit) {
    return [invalid(child(path, 'scaleDownDelayRevisionLimit'), limit, M.scaleDownLimitLargerThanRevisionLimit)];
  }
  return [];
}
