/**
 * `x-kubernetes-list-type: set|map` uniqueness (apiextensions listtype.ValidateListSetsAndMaps):
 * the second occurrence of a duplicate is reported as `spec.ports[1]: Duplicate value: …`.
 * Map keys of additionalProperties are written `spec.m[key]` here, as the apiserver does.
 */
import type { StatusCause } from '../errors.ts';
import { additionalProperties, itemsSchema, listMapKeys, listType, properties, type Schema } from './access.ts';
import { canonicalJson } from './canonical-json.ts';
import { duplicate, invalid } from './causes.ts';
import { isPlainObject } from './json-kind.ts';
import { childPath, indexPath, keyPath } from './path.ts';

const UNSPECIFIED = Symbol('unspecified');

function identity(v: unknown): string {
  if (v === UNSPECIFIED) return 'u';
  if (isPlainObject(v) || Array.isArray(v)) return `c${canonicalJson(v)}`;
  return `s${typeof v}:${String(v)}`;
}

/** Indexes of the second appearance of each duplicated value. */
function secondAppearances(values: unknown[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const id = identity(v);
    const times = seen.get(id) ?? 0;
    if (times === 1) out.push(i);
    seen.set(id, times + 1);
  });
  return out;
}

function checkMapList(s: Schema, list: unknown[], path: string): StatusCause[] {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (x !== null && !isPlainObject(x)) return [invalid(indexPath(path, i), x, 'must be an object for an array of list-type map')];
  }
  if (list.length <= 1) return [];
  const keyFields = listMapKeys(s);
  if (keyFields.length === 1) {
    const [field] = keyFields as [string];
    const keys = list.map((x) => (isPlainObject(x) && Object.prototype.hasOwnProperty.call(x, field) ? x[field] : UNSPECIFIED));
    return secondAppearances(keys).map((i) => duplicate(indexPath(path, i), keys[i] === UNSPECIFIED ? {} : { [field]: keys[i] }));
  }
  const keys = list.map((x) => {
    const key: Record<string, unknown> = {};
    if (isPlainObject(x)) for (const f of keyFields) if (Object.prototype.hasOwnProperty.call(x, f)) key[f] = x[f];
    return key;
  });
  return secondAppearances(keys).map((i) => duplicate(indexPath(path, i), keys[i]));
}

function checkArray(s: Schema, list: unknown[], path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const type = listType(s);
  if (type === 'set') out.push(...secondAppearances(list).map((i) => duplicate(indexPath(path, i), list[i])));
  else if (type === 'map') out.push(...checkMapList(s, list, path));
  const items = itemsSchema(s);
  if (items) list.forEach((v, i) => out.push(...checkValue(items, v, indexPath(path, i))));
  return out;
}

function checkObject(s: Schema, obj: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const additional = additionalProperties(s)?.schema;
  if (additional) for (const [k, v] of Object.entries(obj)) out.push(...checkValue(additional, v, keyPath(path, k)));
  const props = properties(s);
  if (props) {
    for (const [k, v] of Object.entries(obj)) {
      const sub = props.get(k);
      if (sub) out.push(...checkValue(sub, v, childPath(path, k)));
    }
  }
  return out;
}

function checkValue(s: Schema, v: unknown, path: string): StatusCause[] {
  if (Array.isArray(v)) return checkArray(s, v, path);
  if (isPlainObject(v)) return checkObject(s, v, path);
  return [];
}

export function validateListTypes(schema: Schema, obj: unknown): StatusCause[] {
  return isPlainObject(obj) ? checkObject(schema, obj, '') : [];
}
