/**
 * maxSurge / maxUnavailable as the Deployment controller resolves them (deploymentutil.ResolveFenceposts):
 * percentages of the desired replicas, surge rounded up, unavailability rounded down, and never both
 * zero (unavailability becomes 1). Pure.
 */
import type { IntOrString } from '../../../api/intstr.ts';
import type { DeploymentSpecView } from './spec.ts';

/** intstr.GetScaledValueFromIntOrPercent: an int, or `N%` of total; throws on a malformed value. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) {
    if (/^\d+$/.test(v)) return Number(v);
    throw new Error(`invalid value for IntOrString: invalid value for percent: ${JSON.stringify(v)}`);
  }
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export function resolveFenceposts(maxSurge: IntOrString, maxUnavailable: IntOrString, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(spec: DeploymentSpecView): number {
  if (spec.strategy !== 'RollingUpdate') return 0;
  return resolveFenceposts(spec.maxSurge, spec.maxUnavailable, spec.replicas).surge;
}

export function maxUnavailable(spec: DeploymentSpecView): number {
  if (spec.strategy !== 'RollingUpdate' || spec.replicas === 0) return 0;
  const { unavailable } = resolveFenceposts(spec.maxSurge, spec.maxUnavailable, spec.replicas);
  return Math.min(unavailable, spec.replicas);
}
