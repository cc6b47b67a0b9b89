/**
 * The `type` / `format` / `nullable` / `x-kubernetes-int-or-string` check, reproducing kube-openapi's
 * typeValidator including its messages: `spec.replicas in body must be of type integer: "string"`,
 * where the quoted word is the JSON type of the value that was found.
 */
import type { StatusCause } from '../errors.ts';
import { intOrString, nullable, schemaType, str, type Schema } from './access.ts';
import { typeInvalid } from './causes.ts';
import { effectiveFormat } from './formats.ts';
import { goQuote } from './go-format.ts';
import { jsonKind } from './json-kind.ts';

/** The declared types: `integer,string` for int-or-string, the single `type` otherwise. */
export function declaredTypes(s: Schema): string[] {
  if (intOrString(s)) return ['integer', 'string'];
  const t = schemaType(s);
  return t ? [t] : [];
}

/** The format that survives apiextensions' format stripping for this schema. */
export function schemaFormat(s: Schema): string | undefined {
  const types = declaredTypes(s);
  return effectiveFormat(types.length === 1 ? types[0] : undefined, str(s, 'format'));
}

function isJsonInteger(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) <= 2 ** 53;
}

function fail(path: string, expected: string, found: string): StatusCause {
  return typeInvalid(path, found, `${path} in body must be of type ${expected}: ${goQuote(found)}`);
}

/** Whether the type validator applies at all (a type or a format is declared). */
export function typeCheckApplies(s: Schema): boolean {
  return declaredTypes(s).length > 0 || schemaFormat(s) !== undefined;
}

export function checkType(s: Schema, value: unknown, path: string): StatusCause | undefined {
  const types = declaredTypes(s);
  const format = schemaFormat(s);
  const kind = jsonKind(value);
  if (kind === 'null') {
    if (types.length > 0 && !types.includes('null') && !nullable(s)) return fail(path, types.join(','), 'null');
    return undefined;
  }
  const valueFormat = kind === 'integer' ? 'int64' : kind === 'number' ? 'float64' : '';
  const isFloatInt = kind === 'number' && isJsonInteger(value as number) && types.includes('integer');
  const isIntFloat = kind === 'integer' && types.includes('number');
  const numeric = types.includes('number') || types.includes('integer');
  if (kind !== 'string' && kind !== 'array' && format && !(types.includes(kind) || valueFormat === format || isFloatInt || isIntFloat)) {
    return fail(path, format, valueFormat);
  }
  if (!numeric && format && (kind === 'string' || kind === 'array')) return undefined;
  if (!(types.includes(kind) || isFloatInt || isIntFloat)) return fail(path, types.join(','), kind);
  return undefined;
}
