/**
 * Merging an apply configuration into the live object, structured-merge-diff style: maps merge
 * recursively (`null` removes the field), lists keyed by merge key merge item by item, primitive
 * set lists take the union, atomic lists and scalars are replaced. Merged list order follows the
 * applied order, with live-only items kept in place between them.
 */
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { fieldElement, formatPath, keyElement, valueElement, type FieldPath } from './field-path.ts';
import type { PatchMeta } from './patch-meta.ts';
import { PatchError } from './patch-error.ts';
import { getOwn, hasOwn, setOwn } from './safe-keys.ts';

function typedPatchError(path: FieldPath, detail: string): PatchError {
  return new PatchError(`failed to create typed patch object: ${formatPath(path)}: ${detail}`);
}

/** Path elements of the applied items; errors for items without key or with duplicate keys. */
function appliedElements(items: readonly JsonValue[], meta: PatchMeta, path: FieldPath): string[] {
  const list = meta.list;
  const seen = new Set<string>();
  const elements: string[] = [];
  items.forEach((item, i) => {
    let element: string;
    if (list.type === 'map') {
      if (!isJsonObject(item) || !hasOwn(item, list.key)) {
        throw typedPatchError(path, `element ${i}: associative list with keys has an element that omits key field ${JSON.stringify(list.key)}`);
      }
      element = keyElement(list.key, item[list.key]!);
      if (seen.has(element)) throw typedPatchError(path, `duplicate entries for key [${list.key}=${JSON.stringify(item[list.key])}]`);
    } else {
      if (isJsonObject(item) || Array.isArray(item)) throw typedPatchError(path, `element ${i}: expected a scalar in a set`);
      element = valueElement(item);
      if (seen.has(element)) return;
    }
    seen.add(element);
    elements.push(element);
  });
  return elements;
}

/** Path elements of live items, or undefined if they cannot all be told apart (then the list is replaced). */
function liveElements(items: readonly JsonValue[], meta: PatchMeta): string[] | undefined {
  try {
    const elements = appliedElements(items, meta, []);
    return elements.length === items.length ? elements : undefined;
  } catch {
    return undefined;
  }
}

function mergeList(live: JsonValue | undefined, applied: readonly JsonValue[], meta: PatchMeta, path: FieldPath): JsonValue[] {
  if (meta.list.type === 'atomic') return cloneJson([...applied]);
  const rightKeys = appliedElements(applied, meta, path);
  const right = meta.list.type === 'set' ? rightKeys.map((k) => JSON.parse(k.slice(2)) as JsonValue) : [...applied];
  const left = Array.isArray(live) ? live : [];
  const leftKeys = liveElements(left, meta);
  if (!leftKeys) return right.map((item, i) => mergeApplied(undefined, item, meta.items(), [...path, rightKeys[i]!]));

  const inRight = new Set(rightKeys);
  const done = new Set<string>();
  const out: JsonValue[] = [];
  const take = (r: number): void => {
    const at = leftKeys.indexOf(rightKeys[r]!);
    out.push(mergeApplied(at < 0 ? undefined : left[at], right[r]!, meta.items(), [...path, rightKeys[r]!]));
    done.add(rightKeys[r]!);
  };
  let l = 0;
  let r = 0;
  while (l < left.length || r < right.length) {
    if (l < left.length && r < right.length && leftKeys[l] === rightKeys[r]) {
      take(r++);
      l++;
    } else if (l < left.length && !inRight.has(leftKeys[l]!)) {
      out.push(cloneJson(left[l++]!));
    } else if (l < left.length && done.has(leftKeys[l]!)) {
      l++;
    } else if (r < right.length) {
      take(r++);
    } else {
      l++;
    }
  }
  return out;
}

export function mergeApplied(live: JsonValue | undefined, applied: JsonValue, meta: PatchMeta, path: FieldPath = []): JsonValue {
  if (Array.isArray(applied)) return mergeList(live, applied, meta, path);
  if (!isJsonObject(applied)) return cloneJson(applied);
  const base: JsonObject = isJsonObject(live) ? live : {};
  const out: JsonObject = {};
  for (const key of Object.keys(base)) setOwn(out, key, cloneJson(base[key]!));
  for (const key of Object.keys(applied)) {
    const value = applied[key]!;
    if (value === null) delete out[key];
    else setOwn(out, key, mergeApplied(getOwn(base, key), value, meta.field(key), [...path, fieldElement(key)]));
  }
  return out;
}
