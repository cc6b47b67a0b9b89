/**
 * Field errors beyond the shared helpers in ../../errors.ts: values pre-rendered in Go syntax,
 * duplicates, and the common numeric checks of apimachinery's validation package.
 */
import { fieldInvalid, type StatusCause } from '../../errors.ts';

/** Invalid value whose rendering is already Go syntax (maps, selectors, slices). */
export function invalidRendered(field: string, rendered: string, detail: string): StatusCause {
  return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${rendered}: ${detail}` };
}

export function duplicate(field: string, value: unknown): StatusCause {
  return { reason: 'FieldValueDuplicate', field, message: `Duplicate value: ${JSON.stringify(value)}` };
}

export const IMMUTABLE = 'field is immutable';

/** ValidateNonnegativeField. */
export function nonNegative(field: string, value: unknown): StatusCause[] {
  return typeof value === 'number' && value < 0 ? [fieldInvalid(field, value, 'must be greater than or equal to 0')] : [];
}

/** InclusiveRangeError for port-like numbers. */
export function inRange(field: string, value: unknown, lo: number, hi: number): StatusCause[] {
  if (typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi) return [];
  return [fieldInvalid(field, value ?? 0, `must be between ${lo} and ${hi}, inclusive`)];
}
