/** `enum`: `spec.x: Unsupported value: "a": supported values: "b", "c"`. null never matches. */
import { jsonEqual } from '../../../util/json.ts';
import type { StatusCause } from '../errors.ts';
import { enumValues, type Schema } from './access.ts';
import { canonicalJson } from './canonical-json.ts';
import { notSupported } from './causes.ts';

export function checkEnum(s: Schema, value: unknown, path: string): StatusCause | undefined {
  const allowed = enumValues(s);
  if (!allowed) return undefined;
  if (value !== null && value !== undefined && allowed.some((a) => a !== null && jsonEqual(a, value))) return undefined;
  return notSupported(
    path,
    value,
    allowed.map((a) => (typeof a === 'string' ? a : canonicalJson(a))),
  );
}
