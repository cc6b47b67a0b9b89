/**
 * Validates a custom resource against its CRD's structural schema, producing the same causes (field,
 * reason, message) as the Kubernetes apiserver: first the OpenAPI schema checks in kube-openapi's
 * order (type, allOf/anyOf/oneOf/not, string, format, number, array, enum, object), then embedded
 * resource checks, then x-kubernetes-list-type uniqueness. Never throws; the input is not modified.
 */
import type { StatusCause } from '../errors.ts';
import type { Schema } from './access.ts';
import { jsonKind, isPlainObject } from './json-kind.ts';
import { emptyResult, merge, type Result } from './result.ts';
import { checkArray } from './validate-array.ts';
import { checkCombinators } from './validate-combinators.ts';
import { validateEmbeddedResources } from './validate-embedded.ts';
import { checkEnum } from './validate-enum.ts';
import { validateListTypes } from './validate-list-type.ts';
import { checkNumber } from './validate-number.ts';
import { checkObject } from './validate-object.ts';
import { checkFormat, checkString } from './validate-string.ts';
import { checkType, typeCheckApplies } from './validate-type.ts';

const MAX_DEPTH = 256;

function validateNode(schema: Schema, value: unknown, path: string, depth: number): Result {
  const result = emptyResult();
  if (depth > MAX_DEPTH) return result;
  const recurse = (s: Schema, v: unknown, p: string): Result => validateNode(s, v, p, depth + 1);
  const push = (c: StatusCause | undefined): void => {
    result.matchCount++;
    if (c) result.causes.push(c);
  };
  if (typeCheckApplies(schema)) push(checkType(schema, value, path));
  const kind = jsonKind(value);
  if (kind === 'null') {
    push(checkEnum(schema, value, path));
    return result;
  }
  merge(result, checkCombinators(schema, value, path, recurse));
  if (typeof value === 'string') {
    push(checkString(schema, value, path));
    push(checkFormat(schema, value, path));
  }
  if (typeof value === 'number') {
    result.causes.push(...checkNumber(schema, value, path));
    result.matchCount++;
  }
  if (Array.isArray(value)) merge(result, checkArray(schema, value, path, recurse));
  push(checkEnum(schema, value, path));
  if (isPlainObject(value)) merge(result, checkObject(schema, value, path, recurse));
  result.matchCount++;
  return result;
}

function dedupe(causes: StatusCause[]): StatusCause[] {
  const seen = new Set<string>();
  return causes.filter((c) => {
    const key = `${c.reason}\u0000${c.field ?? ''}\u0000${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function validate(schema: Schema, obj: unknown): StatusCause[] {
  const causes = [
    ...validateNode(schema, obj, '', 0).causes,
    ...validateEmbeddedResources(schema, obj),
    ...validateListTypes(schema, obj),
  ];
  return dedupe(causes);
}
