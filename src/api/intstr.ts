/**
 * IntOrString values (`maxSurge`, `maxUnavailable`, pause `duration`, metric `count` ...).
 *
 * Argo resolves surge/unavailability with the legacy `GetValueFromIntOrPercent`: a number is an
 * absolute count, and a string is **always** a percentage, with or without a trailing `%`
 * (the defaults are literally the string `"25"`). Percentages round up for surge and down for
 * unavailability, exactly like Kubernetes Deployments.
 */
export type IntOrString = number | string;

export type ParsedIntOrPercent =
  | { ok: true; value: number; isPercent: boolean }
  | { ok: false; error: string };

const INTEGER = /^[+-]?\d+$/;

/** Splits an IntOrString into its integer value and whether it is a percentage. */
export function parseIntOrPercent(v: IntOrString): ParsedIntOrPercent {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return { ok: false, error: `invalid value for IntOrString: ${v} is not an integer` };
    return { ok: true, value: v, isPercent: false };
  }
  const s = v.endsWith('%') ? v.slice(0, -1) : v;
  if (!INTEGER.test(s)) return { ok: false, error: `invalid value for IntOrString: invalid value "${v}"` };
  return { ok: true, value: Number.parseInt(s, 10), isPercent: true };
}

/**
 * Resolves an IntOrString against `total`: percentages are scaled and rounded up (`roundUp`) or
 * down; absolute numbers are returned as they are. Returns undefined when the value is malformed.
 */
export function resolveIntOrPercent(v: IntOrString, total: number, roundUp: boolean): number | undefined {
  const parsed = parseIntOrPercent(v);
  if (!parsed.ok) return undefined;
  if (!parsed.isPercent) return parsed.value;
  const scaled = (parsed.value * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** The raw number behind an IntOrString (percent sign ignored), or undefined if malformed. */
export function intOrPercentValue(v: IntOrString): number | undefined {
  const parsed = parseIntOrPercent(v);
  return parsed.ok ? parsed.value : undefined;
}
