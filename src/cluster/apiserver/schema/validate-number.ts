/**
 * Numeric keywords (multipleOf, minimum, maximum, exclusive*) as kube-openapi applies them:
 * integer values are compared with int64-truncated bounds, float values with float bounds, and the
 * bound is printed the Go way.
 */
import type { StatusCause } from '../errors.ts';
import { flag, num, type Schema } from './access.ts';
import { invalid } from './causes.ts';
import { goFloat } from './go-format.ts';
import { isInt64 } from './json-kind.ts';

/** swag.IsFloat64AJSONInteger: integral within 2^53, allowing a relative error of 1e-9. */
export function isFloat64AJSONInteger(f: number): boolean {
  if (!Number.isFinite(f) || Math.abs(f) > 2 ** 53) return false;
  if (Number.isInteger(f)) return true;
  const g = Math.trunc(f);
  const diff = Math.abs(f - g);
  if (g === 0) return diff < 1e-9 * Number.MIN_VALUE;
  return diff / (Math.abs(f) + Math.abs(g)) < 1e-9;
}

function multipleOf(value: number, factor: number, asInt: boolean, path: string): StatusCause | undefined {
  const intFactor = Math.trunc(factor);
  if (asInt && intFactor !== 0) {
    if (intFactor < 0) return invalid(path, intFactor, `factor MultipleOf declared for ${path} must be positive: ${intFactor}`);
    if (value % intFactor === 0) return undefined;
    return invalid(path, value, `${path} in body should be a multiple of ${intFactor}`);
  }
  if (factor < 0) return invalid(path, factor, `factor MultipleOf declared for ${path} must be positive: ${goFloat(factor)}`);
  const mult = factor < 1 ? (1 / factor) * value : value / factor;
  if (isFloat64AJSONInteger(mult)) return undefined;
  return invalid(path, value, `${path} in body should be a multiple of ${goFloat(factor)}`);
}

function bound(value: number, limit: number, exclusive: boolean, asInt: boolean, upper: boolean, path: string): StatusCause | undefined {
  const b = asInt ? Math.trunc(limit) : limit;
  const failed = upper ? (exclusive ? value >= b : value > b) : exclusive ? value <= b : value < b;
  if (!failed) return undefined;
  const relation = upper ? (exclusive ? 'less than' : 'less than or equal to') : exclusive ? 'greater than' : 'greater than or equal to';
  return invalid(path, value, `${path} in body should be ${relation} ${asInt ? String(b) : goFloat(b)}`);
}

/** Causes in kube-openapi's order: multipleOf, minimum, maximum. */
export function checkNumber(s: Schema, value: number, path: string): StatusCause[] {
  const asInt = isInt64(value);
  const out: StatusCause[] = [];
  const factor = num(s, 'multipleOf');
  const minimum = num(s, 'minimum');
  const maximum = num(s, 'maximum');
  if (factor !== undefined) {
    const c = multipleOf(value, factor, asInt, path);
    if (c) out.push(c);
  }
  if (minimum !== undefined) {
    const c = bound(value, minimum, flag(s, 'exclusiveMinimum'), asInt, false, path);
    if (c) out.push(c);
  }
  if (maximum !== undefined) {
    const c = bound(value, maximum, flag(s, 'exclusiveMaximum'), asInt, true, path);
    if (c) out.push(c);
  }
  return out;
}
