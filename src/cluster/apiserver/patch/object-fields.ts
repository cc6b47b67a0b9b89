/**
 * Field sets of objects, using the same PatchMeta as strategic merge: maps are walked by field,
 * lists merged by key become `k:` items, primitive set lists become `v:` items, atomic lists
 * (and lists whose items cannot be told apart) are single leaves. Also: reading and removing the
 * value at a field path, and the fields managedFields never track.
 */
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { decodeElement, fieldElement, keyElement, valueElement, type FieldPath } from './field-path.ts';
import { BoundedCache } from './bounded-cache.ts';
import { FieldSetBuilder, type FieldSet } from './field-set.ts';
import type { ListStrategy, PatchMeta } from './patch-meta.ts';
import { getOwn, hasOwn, setOwn } from './safe-keys.ts';

/** Paths Kubernetes strips from every managedFields set (apiserver's stripMetaManager). */
const IGNORED_METADATA = new Set(['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']);

/** A copy of the metadata without the ignored keys (built key by key: deleting from a copy slows later reads). */
function withoutIgnoredMetadata(metadata: JsonObject): JsonObject {
  const copy: JsonObject = {};
  for (const key of Object.keys(metadata)) if (!IGNORED_METADATA.has(key)) setOwn(copy, key, metadata[key]!);
  return copy;
}

export function withoutIgnoredFields(obj: JsonObject): JsonObject {
  const copy: JsonObject = {};
  for (const key of Object.keys(obj)) {
    if (key === 'apiVersion' || key === 'kind') continue;
    let value = obj[key]!;
    if (key === 'metadata' && isJsonObject(value)) {
      value = withoutIgnoredMetadata(value);
      if (Object.keys(value).length === 0) continue;
    }
    setOwn(copy, key, value);
  }
  return copy;
}

/** Whether a `k:`/`v:` element spelled from this key or set value finds it again (its JSON reads back as itself). */
const readsBack = (value: JsonValue | undefined): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** A builder for walks over objects; `allPresent` is cleared when an added path may not lead back to a value (valueAt). */
class ObjectFieldsBuilder extends FieldSetBuilder {
  allPresent = true;
}

/** The path element naming `item` in a list with this strategy, or undefined when it has none. */
function itemElement(item: JsonValue, list: ListStrategy, out: ObjectFieldsBuilder): string | undefined {
  if (list.type === 'map') {
    if (!isJsonObject(item) || !hasOwn(item, list.key)) return undefined;
    const key = item[list.key]!;
    if (!readsBack(key)) out.allPresent = false;
    return keyElement(list.key, key);
  }
  if (list.type === 'set') {
    if (isJsonObject(item) || Array.isArray(item)) return undefined;
    if (!readsBack(item)) out.allPresent = false;
    return valueElement(item);
  }
  return undefined;
}

/** Path elements for every item, or undefined when the list must be treated as atomic. */
function itemElements(items: readonly JsonValue[], list: ListStrategy, out: ObjectFieldsBuilder): string[] | undefined {
  if (list.type === 'atomic') return undefined;
  const elements: string[] = [];
  const seen = list.type === 'map' && items.length > 16 ? new Set<string>() : undefined;
  for (const item of items) {
    const element = itemElement(item, list, out);
    if (element === undefined) return undefined;
    if (list.type === 'map' && (seen ? seen.has(element) : elements.includes(element))) return undefined;
    seen?.add(element);
    elements.push(element);
  }
  return elements;
}

function collect(value: JsonValue, meta: PatchMeta, out: ObjectFieldsBuilder): void {
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) out.add();
    for (const key of keys) {
      out.enter(fieldElement(key));
      collect(value[key]!, meta.field(key), out);
      out.leave();
    }
    return;
  }
  if (Array.isArray(value)) {
    const elements = itemElements(value, meta.list, out);
    if (!elements || elements.length === 0) {
      out.add();
      return;
    }
    const itemMeta = meta.items();
    for (let i = 0; i < value.length; i++) {
      out.enter(elements[i]!);
      collectItem(value[i]!, itemMeta, out);
      out.leave();
    }
    return;
  }
  if (value === undefined) out.allPresent = false;
  out.add();
}

/** A list item is a member itself, and so are the fields of a keyed item. */
function collectItem(item: JsonValue, itemMeta: PatchMeta, out: ObjectFieldsBuilder): void {
  out.add();
  if (!isJsonObject(item)) return;
  for (const key of Object.keys(item)) {
    out.enter(fieldElement(key));
    collect(item[key]!, itemMeta.field(key), out);
    out.leave();
  }
}

/**
 * Every field of `obj`: scalars, empty maps, empty and atomic lists (leaves), and list items
 * (members that may have fields below).
 */
export function fieldSetOf(obj: JsonObject, meta: PatchMeta): FieldSet {
  const out = new ObjectFieldsBuilder();
  collect(obj, meta, out);
  return out.build();
}

/** Index of each element's first occurrence (a linear search is cheaper for short lists). */
function indexOfElement(elements: readonly string[]): (element: string) => number {
  if (elements.length <= 16) return (element) => elements.indexOf(element);
  const first = new Map<string, number>();
  elements.forEach((element, i) => {
    if (!first.has(element)) first.set(element, i);
  });
  return (element) => first.get(element) ?? -1;
}

/** Changed fields of an object's keys (`after` a map); `before` undefined when it was no map. */
function collectChangedFields(before: JsonObject | undefined, after: JsonObject, meta: PatchMeta, out: ObjectFieldsBuilder): void {
  for (const key of Object.keys(after)) {
    out.enter(fieldElement(key));
    collectChanged(before === undefined ? undefined : getOwn(before, key), after[key]!, meta.field(key), out);
    out.leave();
  }
}

function collectChanged(before: JsonValue | undefined, after: JsonValue, meta: PatchMeta, out: ObjectFieldsBuilder): void {
  if (before === undefined) {
    collect(after, meta, out);
    return;
  }
  if (isJsonObject(after) && isJsonObject(before)) {
    const keys = Object.keys(after);
    if (keys.length === 0) {
      if (Object.keys(before).length > 0) out.add();
      return;
    }
    collectChangedFields(before, after, meta, out);
    return;
  }
  if (Array.isArray(after) && Array.isArray(before)) {
    if (after.length === 0) {
      if (before.length > 0) out.add();
      return;
    }
    const afterElements = itemElements(after, meta.list, out);
    const beforeElements = afterElements && itemElements(before, meta.list, out);
    if (afterElements && beforeElements) {
      const itemMeta = meta.items();
      const indexInBefore = indexOfElement(beforeElements);
      for (let i = 0; i < after.length; i++) {
        const item = after[i]!;
        const at = indexInBefore(afterElements[i]!);
        out.enter(afterElements[i]!);
        if (at < 0) {
          collectItem(item, itemMeta, out);
        } else if (isJsonObject(item)) {
          const old = before[at]!;
          collectChangedFields(isJsonObject(old) ? old : undefined, item, itemMeta, out);
        }
        out.leave();
      }
      return;
    }
  }
  if (!jsonEqual(before, after)) collect(after, meta, out);
}

/**
 * The fields of `after` that are new or hold a different value than in `before`, and whether all
 * of them are known to be in `after` (so presentFields would keep the whole set).
 */
export function changedFields(before: JsonObject | undefined, after: JsonObject, meta: PatchMeta): { fields: FieldSet; allPresent: boolean } {
  const out = new ObjectFieldsBuilder();
  collectChanged(before, after, meta, out);
  return { fields: out.build(), allPresent: out.allPresent };
}

/** The fields of `after` that are new or hold a different value than in `before`. */
export function changedFieldSet(before: JsonObject | undefined, after: JsonObject, meta: PatchMeta): FieldSet {
  return changedFields(before, after, meta).fields;
}

function findItem(list: readonly JsonValue[], element: string): number {
  const decoded = decodeElement(element);
  if (!decoded) return -1;
  switch (decoded.type) {
    case 'key': {
      const keys = decoded.keys;
      search: for (let i = 0; i < list.length; i++) {
        const item = list[i]!;
        if (!isJsonObject(item)) continue;
        for (const key in keys) {
          if (hasOwn(keys, key) && !(hasOwn(item, key) && jsonEqual(item[key], keys[key]))) continue search;
        }
        return i;
      }
      return -1;
    }
    case 'value':
      return list.findIndex((item) => jsonEqual(item, decoded.value));
    case 'index':
      return decoded.index < list.length ? decoded.index : -1;
    default:
      return -1;
  }
}

const isFieldElement = (element: string): boolean => element.charCodeAt(0) === 102 /* f */ && element.charCodeAt(1) === 58; /* : */

/** Field names by `f:` element, so stepping through an object does not cut a new string per step. */
const fieldNames = new BoundedCache<string, string>(10_000);
const fieldNameOf = (element: string): string => element.slice(2);

/** The value one path element below `value` (a list item for `k:`/`v:`/`i:` elements), or undefined. */
export function valueBelow(value: JsonValue, element: string): JsonValue | undefined {
  if (isFieldElement(element)) return isJsonObject(value) ? getOwn(value, fieldNames.get(element, fieldNameOf)) : undefined;
  if (!Array.isArray(value)) return undefined;
  const at = findItem(value, element);
  return at < 0 ? undefined : value[at];
}

/** The value at a field path (a list item for `k:`/`v:`/`i:` elements), or undefined. */
export function valueAt(obj: JsonValue, path: FieldPath): JsonValue | undefined {
  let current: JsonValue | undefined = obj;
  for (const element of path) {
    if (current === undefined) return undefined;
    current = valueBelow(current, element);
  }
  return current;
}

/** The members of `fields` that are in `obj` (valueAt is defined); `fields` itself when all are. */
export function presentFields(fields: FieldSet, obj: JsonObject): FieldSet {
  return fields.prune<JsonValue>(obj, valueBelow);
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
