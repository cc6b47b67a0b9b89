/**
 * Checks for `x-kubernetes-embedded-resource` objects (apiextensions objectmeta.Validate): apiVersion
 * and kind must be present, non-empty strings.
 */
import type { StatusCause } from '../errors.ts';
import { additionalProperties, embeddedResource, itemsSchema, properties, type Schema } from './access.ts';
import { invalid, required } from './causes.ts';
import { isPlainObject } from './json-kind.ts';
import { childPath, indexPath } from './path.ts';

function checkTypeMeta(obj: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  for (const field of ['apiVersion', 'kind'] as const) {
    const p = childPath(path, field);
    if (!Object.prototype.hasOwnProperty.call(obj, field)) out.push(required(p, 'must not be empty'));
    else if (typeof obj[field] !== 'string') out.push(invalid(p, obj[field], 'must be a string'));
    else if (obj[field] === '') out.push(invalid(p, '', 'must not be empty'));
  }
  return out;
}

function walk(s: Schema, v: unknown, path: string, root: boolean): StatusCause[] {
  const out: StatusCause[] = [];
  if (Array.isArray(v)) {
    const items = itemsSchema(s);
    if (items) v.forEach((x, i) => out.push(...walk(items, x, indexPath(path, i), false)));
    return out;
  }
  if (!isPlainObject(v)) return out;
  if (!root && embeddedResource(s)) out.push(...checkTypeMeta(v, path));
  const props = properties(s);
  const additional = additionalProperties(s)?.schema;
  for (const [k, x] of Object.entries(v)) {
    if (embeddedResource(s) && k === 'metadata') continue;
    const sub = props?.get(k) ?? additional;
    if (sub) out.push(...walk(sub, x, childPath(path, k), false));
  }
  return out;
}

export function validateEmbeddedResources(schema: Schema, obj: unknown): StatusCause[] {
  return walk(schema, obj, '', true);
}
