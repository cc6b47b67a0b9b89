// Reference oracle: the straightforward path-list implementation this directory's property tests compare the
// optimised src/cluster/apiserver/patch against (frozen copy of the code before the FieldSet trie rewrite).
/**
 * Field sets of objects, using the same PatchMeta as strategic merge: maps are walked by field,
 * lists merged by key become `k:` items, primitive set lists become `v:` items, atomic lists
 * (and lists whose items cannot be told apart) are single leaves. Also: reading and removing the
 * value at a field path, and the fields managedFields never track.
 */
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../../../../src/util/json.ts';
import { decodeElement, fieldElement, keyElement, valueElement, type FieldPath } from './field-path.ts';
import { FieldSet } from './field-set.ts';
import type { ListStrategy, PatchMeta } from '../../../../../src/cluster/apiserver/patch/patch-meta.ts';
import { getOwn, hasOwn, setOwn } from '../../../../../src/cluster/apiserver/patch/safe-keys.ts';

/** Paths Kubernetes strips from every managedFields set (apiserver's stripMetaManager). */
const IGNORED_METADATA = ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'];

export function withoutIgnoredFields(obj: JsonObject): JsonObject {
  const copy: JsonObject = { ...obj };
  delete copy['apiVersion'];
  delete copy['kind'];
  const metadata = getOwn(copy, 'metadata');
  if (isJsonObject(metadata)) {
    const meta: JsonObject = { ...metadata };
    for (const key of IGNORED_METADATA) delete meta[key];
    if (Object.keys(meta).length > 0) copy['metadata'] = meta;
    else delete copy['metadata'];
  }
  return copy;
}

/** The path element naming `item` in a list with this strategy, or undefined when it has none. */
function itemElement(item: JsonValue, list: ListStrategy): string | undefined {
  if (list.type === 'map') return isJsonObject(item) && hasOwn(item, list.key) ? keyElement(list.key, item[list.key]!) : undefined;
  if (list.type === 'set') return isJsonObject(item) || Array.isArray(item) ? undefined : valueElement(item);
  return undefined;
}

/** Path elements for every item, or undefined when the list must be treated as atomic. */
function itemElements(items: readonly JsonValue[], list: ListStrategy): string[] | undefined {
  if (list.type === 'atomic') return undefined;
  const elements: string[] = [];
  for (const item of items) {
    const element = itemElement(item, list);
    if (element === undefined) return undefined;
    if (list.type === 'map' && elements.includes(element)) return undefined;
    elements.push(element);
  }
  return elements;
}

function collect(value: JsonValue, meta: PatchMeta, path: FieldPath, out: FieldPath[]): void {
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && path.length > 0) out.push(path);
    for (const key of keys) collect(value[key]!, meta.field(key), [...path, fieldElement(key)], out);
    return;
  }
  if (Array.isArray(value)) {
    const elements = itemElements(value, meta.list);
    if (!elements || elements.length === 0) {
      out.push(path);
      return;
    }
    value.forEach((item, i) => collectItem(item, meta, [...path, elements[i]!], out));
    return;
  }
  out.push(path);
}

/** A list item is a member itself, and so are the fields of a keyed item. */
function collectItem(item: JsonValue, listMeta: PatchMeta, itemPath: FieldPath, out: FieldPath[]): void {
  out.push(itemPath);
  if (!isJsonObject(item)) return;
  for (const key of Object.keys(item)) collect(item[key]!, listMeta.items().field(key), [...itemPath, fieldElement(key)], out);
}

/**
 * Every field of `obj`: scalars, empty maps, empty and atomic lists (leaves), and list items
 * (members that may have fields below).
 */
export function fieldSetOf(obj: JsonObject, meta: PatchMeta): FieldSet {
  const out: FieldPath[] = [];
  collect(obj, meta, [], out);
  return FieldSet.fromPaths(out);
}

function collectChanged(before: JsonValue | undefined, after: JsonValue, meta: PatchMeta, path: FieldPath, out: FieldPath[]): void {
  if (before === undefined) {
    collect(after, meta, path, out);
    return;
  }
  if (isJsonObject(after) && isJsonObject(before)) {
    const keys = Object.keys(after);
    if (keys.length === 0) {
      if (Object.keys(before).length > 0 && path.length > 0) out.push(path);
      return;
    }
    for (const key of keys) collectChanged(getOwn(before, key), after[key]!, meta.field(key), [...path, fieldElement(key)], out);
    return;
  }
  if (Array.isArray(after) && Array.isArray(before)) {
    if (after.length === 0) {
      if (before.length > 0) out.push(path);
      return;
    }
    const afterElements = itemElements(after, meta.list);
    const beforeElements = itemElements(before, meta.list);
    if (afterElements && beforeElements) {
      after.forEach((item, i) => {
        const itemPath = [...path, afterElements[i]!];
        const at = beforeElements.indexOf(afterElements[i]!);
        if (at < 0) {
          collectItem(item, meta, itemPath, out);
        } else if (isJsonObject(item)) {
          const old = before[at]!;
          for (const key of Object.keys(item)) {
            collectChanged(isJsonObject(old) ? getOwn(old, key) : undefined, item[key]!, meta.items().field(key), [...itemPath, fieldElement(key)], out);
          }
        }
      });
      return;
    }
  }
  if (!jsonEqual(before, after)) collect(after, meta, path, out);
}

/** The fields of `after` that are new or hold a different value than in `before`. */
export function changedFieldSet(before: JsonObject | undefined, after: JsonObject, meta: PatchMeta): FieldSet {
  const out: FieldPath[] = [];
  collectChanged(before, after, meta, [], out);
  return FieldSet.fromPaths(out);
}

function findItem(list: readonly JsonValue[], element: string): number {
  const decoded = decodeElement(element);
  if (!decoded) return -1;
  switch (decoded.type) {
    case 'key':
      return list.findIndex((item) => isJsonObject(item) && Object.entries(decoded.keys).every(([k, v]) => hasOwn(item, k) && jsonEqual(item[k], v)));
    case 'value':
      return list.findIndex((item) => jsonEqual(item, decoded.value));
    case 'index':
      return decoded.index < list.length ? decoded.index : -1;
    default:
      return -1;
  }
}

/** The value at a field path (a list item for `k:`/`v:`/`i:` elements), or undefined. */
export function valueAt(obj: JsonValue, path: FieldPath): JsonValue | undefined {
  let current: JsonValue | undefined = obj;
  for (const element of path) {
    if (current === undefined) return undefined;
    if (element.startsWith('f:')) {
      current = isJsonObject(current) ? getOwn(current, element.slice(2)) : undefined;
    } else if (Array.isArray(current)) {
      const at = findItem(current, element);
      current = at < 0 ? undefined : current[at];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A copy of `obj` without the value at `path` (unchanged when there is nothing there). */
export function removeAt(obj: JsonValue, path: FieldPath): JsonValue {
  if (path.length === 0) return obj;
  const [element, ...rest] = path as [string, ...string[]];
  if (element.startsWith('f:')) {
    const key = element.slice(2);
    if (!isJsonObject(obj) || !hasOwn(obj, key)) return obj;
    const copy: JsonObject = { ...obj };
    if (rest.length === 0) delete copy[key];
    else setOwn(copy, key, removeAt(obj[key]!, rest));
    return copy;
  }
  if (!Array.isArray(obj)) return obj;
  const at = findItem(obj, element);
  if (at < 0) return obj;
  if (rest.length === 0) return obj.filter((_, i) => i !== at);
  return obj.map((item, i) => (i === at ? removeAt(item, rest) : item));
}

/** Deep copy with `null` removed from maps (how apply configurations are read). */
export function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return cloneJson(value);
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== null) setOwn(out, key, withoutNulls(value[key]!));
  }
  return out;
}
