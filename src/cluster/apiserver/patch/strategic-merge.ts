/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), the apply half of
 * k8s.io/apimachinery/pkg/util/strategicpatch: maps merge recursively and `null` deletes; lists
 * merge by the strategy in PatchMeta (by merge key, as a primitive set, or atomically replaced);
 * directives `$patch` (replace | delete | merge), `$retainKeys`, `$setElementOrder/<f>` and
 * `$deleteFromPrimitiveList/<f>` are honoured. Inputs are never mutated.
 *
 * Deliberate differences from Kubernetes, all towards never storing a directive:
 * - a patch value for a field the original lacks is itself merged into nothing, so directives
 *   and nulls inside it are processed instead of being stored verbatim;
 * - `$patch: merge` is accepted as the explicit default (Kubernetes rejects it);
 * - on a list that does not merge (atomic), `$setElementOrder` is ignored, a `{"$patch":"replace"}`
 *   element is dropped, other `$patch` elements are errors, and `$deleteFromPrimitiveList`
 *   deletes (Kubernetes would replace the list with the deletion list).
 */
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../../util/json.ts';
import type { PatchMeta } from './patch-meta.ts';
import { PatchError } from './patch-error.ts';
import { assertSafeKeys, getOwn, hasOwn, setOwn } from './safe-keys.ts';
import { goFormat } from './go-format.ts';
import {
  PATCH_DIRECTIVE,
  classifyKey,
  errBadArgType,
  errBadPatchType,
  errBadPrimitiveList,
  errBadRetainKeys,
  errBadSetElementOrder,
  errListOfLists,
  errNoMergeKey,
  errRetainKeysMismatch,
} from './smp-directives.ts';
import { normalizeElementOrder, partitionByPresence, type Identity } from './smp-order.ts';

export function applyStrategicMergePatch(original: JsonObject, patch: JsonObject, meta: PatchMeta): JsonObject {
  if (!isJsonObject(original)) throw new PatchError('invalid JSON document', 400);
  if (!isJsonObject(patch)) throw new PatchError('strategic merge patch must be a JSON object', 400);
  assertSafeKeys(patch, 'strategic merge patch');
  return mergeMap(cloneJson(original), patch, meta);
}

function without(obj: JsonObject, key: string): JsonObject {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

function mergeMap(original: JsonObject, patch: JsonObject, meta: PatchMeta): JsonObject {
  if (hasOwn(patch, PATCH_DIRECTIVE)) {
    const directive = patch[PATCH_DIRECTIVE];
    if (directive === 'delete') return {};
    if (directive === 'replace') return mergeMap({}, without(patch, PATCH_DIRECTIVE), meta);
    if (directive !== 'merge') throw errBadPatchType(directive, patch);
    patch = without(patch, PATCH_DIRECTIVE);
  }

  const result: JsonObject = { ...original };
  const fields: string[] = [];
  const orders: [string, JsonValue][] = [];
  const deletions: [string, JsonValue][] = [];
  for (const key of Object.keys(patch)) {
    const k = classifyKey(key);
    if (k.kind === 'retainKeys') applyRetainKeys(result, patch, patch[key]!);
    else if (k.kind === 'setElementOrder') orders.push([k.field, patch[key]!]);
    else if (k.kind === 'deleteFromPrimitiveList') deletions.push([k.field, patch[key]!]);
    else if (k.kind === 'field') fields.push(key);
  }

  const ordered = new Set<string>();
  for (const [field, order] of orders) {
    if (applySetElementOrder(result, patch, field, order, meta.field(field))) ordered.add(field);
  }
  for (const key of fields) {
    if (ordered.has(key)) continue;
    const value = patch[key]!;
    if (value === null) delete result[key];
    else setOwn(result, key, mergeValue(getOwn(result, key), value, meta.field(key)));
  }
  for (const [field, values] of deletions) applyDeleteFromPrimitiveList(result, field, values);
  return result;
}

/** Merges a patch value into the current one; a type change replaces (merging into nothing). */
function mergeValue(current: JsonValue | undefined, value: JsonValue, meta: PatchMeta): JsonValue {
  if (isJsonObject(value)) return mergeMap(isJsonObject(current) ? current : {}, value, meta);
  if (Array.isArray(value)) return mergeList(Array.isArray(current) ? current : [], value, meta);
  return value;
}

function applyRetainKeys(result: JsonObject, patch: JsonObject, retain: JsonValue): void {
  if (!Array.isArray(retain)) throw errBadRetainKeys();
  const keep = new Set(retain.filter((k): k is string => typeof k === 'string'));
  for (const key of Object.keys(patch)) {
    const k = classifyKey(key);
    if (k.kind !== 'field' || patch[key] === null) continue;
    if (!keep.has(key)) throw errRetainKeysMismatch();
  }
  for (const key of Object.keys(result)) {
    if (!keep.has(key)) delete result[key];
  }
}

const primitiveId: Identity = (item) => JSON.stringify(item);

function keyId(key: string): Identity {
  return (item) => (isJsonObject(item) && hasOwn(item, key) ? JSON.stringify(item[key]) : undefined);
}

/** `map` when the lists hold maps, `primitive` when they hold scalars; mixing is an error. */
function elementKind(...lists: readonly JsonValue[][]): 'map' | 'primitive' {
  let seen: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      if (Array.isArray(item)) throw errListOfLists();
      const tag = isJsonObject(item) ? 'map' : item === null ? 'null' : typeof item;
      if (seen !== undefined && seen !== tag) {
        throw new PatchError(`list element types are not identical: [${lists.map(goFormat).join(' ')}]`);
      }
      seen = tag;
    }
  }
  return seen === 'map' ? 'map' : 'primitive';
}

function mergeList(original: readonly JsonValue[], patch: readonly JsonValue[], meta: PatchMeta): JsonValue[] {
  const strategy = meta.list;
  if (strategy.type === 'atomic') return replaceAtomicList(patch);
  if (original.length === 0 && patch.length === 0) return [];
  if (elementKind([...original], [...patch]) === 'primitive') {
    const merged: JsonValue[] = [];
    for (const item of [...original, ...patch]) {
      if (!merged.some((m) => jsonEqual(m, item))) merged.push(cloneJson(item));
    }
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, primitiveId);
    return normalizeElementOrder(patchItems, serverOnly, patch, original, primitiveId);
  }
  if (strategy.type !== 'map') throw new PatchError('cannot merge lists without merge key for type map');
  return mergeMapList(original, patch, strategy.key, meta.items());
}

function mergeMapList(original: readonly JsonValue[], patch: readonly JsonValue[], key: string, itemMeta: PatchMeta): JsonValue[] {
  const id = keyId(key);
  let base = [...original];
  const items: JsonObject[] = [];
  let replace = false;
  for (const item of patch) {
    const element = item as JsonObject;
    if (!hasOwn(element, PATCH_DIRECTIVE)) {
      items.push(element);
      continue;
    }
    const directive = element[PATCH_DIRECTIVE];
    if (directive === 'delete') {
      if (!hasOwn(element, key)) throw errNoMergeKey(element, key);
      base = base.filter((b) => id(b) !== id(element));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      const rest = without(element, PATCH_DIRECTIVE);
      if (Object.keys(rest).length > 0) items.push(rest);
    } else {
      throw errBadPatchType(directive, element);
    }
  }
  if (replace) return items.map((item) => mergeMap({}, item, itemMeta));

  const merged = [...base];
  for (const item of items) {
    if (!hasOwn(item, key)) throw errNoMergeKey(item, key);
    const at = merged.findIndex((m) => id(m) === id(item));
    if (at >= 0) merged[at] = mergeMap(merged[at] as JsonObject, item, itemMeta);
    else merged.push(mergeMap({}, item, itemMeta));
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, items, id);
  return normalizeElementOrder(patchItems, serverOnly, items, base, id);
}

function replaceAtomicList(patch: readonly JsonValue[]): JsonValue[] {
  return patch.flatMap((item) => {
    if (!isJsonObject(item) || !hasOwn(item, PATCH_DIRECTIVE)) return [cloneJson(item)];
    const directive = item[PATCH_DIRECTIVE];
    if (directive === 'replace') return [];
    if (directive === 'delete' || directive === 'merge') {
      throw new PatchError(`"$patch: ${directive}" can only be used in a list that merges by key, but this list is replaced as a whole: ${goFormat(item)}`);
    }
    throw errBadPatchType(directive, item);
  });
}

/**
 * `$setElementOrder/<field>`: merges the field's patch list (if any) first, then orders the
 * result. Returns false when the field does not merge and the directive is ignored.
 */
function applySetElementOrder(result: JsonObject, patch: JsonObject, field: string, order: JsonValue, meta: PatchMeta): boolean {
  if (!Array.isArray(order)) throw errBadSetElementOrder();
  const strategy = meta.list;
  const patchList = getOwn(patch, field);
  if (strategy.type === 'atomic' || patchList === null) return false;
  if (patchList !== undefined && !Array.isArray(patchList)) throw errBadArgType([], patchList);
  const current = getOwn(result, field);
  const live = Array.isArray(current) ? current : undefined;

  const isMapList = strategy.type === 'map';
  const id = isMapList ? keyId(strategy.key) : primitiveId;
  if (isMapList) {
    for (const item of order) {
      if (!isJsonObject(item)) throw errBadArgType({}, item);
      if (!hasOwn(item, strategy.key)) throw errNoMergeKey(item, strategy.key);
    }
  }
  validateOrderCoversPatch(patchList ?? [], order, id, isMapList);

  let merged: JsonValue[];
  if (live && patchList) merged = mergeList(live, patchList, meta);
  else if (patchList) merged = mergeList([], patchList, meta);
  else if (live) merged = live;
  else return true;

  const [inOrder, serverOnly] = partitionByPresence(merged, order, id);
  setOwn(result, field, normalizeElementOrder(inOrder, serverOnly, order, live ?? [], id));
  return true;
}

/** Items of the patch list (deletions aside) must appear in `$setElementOrder`, in the same relative order. */
function validateOrderCoversPatch(patchList: readonly JsonValue[], order: readonly JsonValue[], id: Identity, isMapList: boolean): void {
  const items = patchList.filter((item) => !(isMapList && isJsonObject(item) && hasOwn(item, PATCH_DIRECTIVE)));
  let p = 0;
  for (let o = 0; o < order.length && p < items.length; o++) {
    if (id(items[p]!) === id(order[o]!)) p++;
  }
  if (p < items.length) {
    throw new PatchError(`The order in patch list:\n${goFormat([...patchList])}\n doesn't match $setElementOrder list:\n${goFormat([...order])}\n`, 400);
  }
}

function applyDeleteFromPrimitiveList(result: JsonObject, field: string, values: JsonValue): void {
  if (!Array.isArray(values) || values.some((v) => isJsonObject(v) || Array.isArray(v))) throw errBadPrimitiveList();
  const current = getOwn(result, field);
  if (!Array.isArray(current)) return;
  if (current.some((v) => isJsonObject(v) || Array.isArray(v))) throw errBadPrimitiveList();
  setOwn(result, field, current.filter((item) => !values.some((v) => jsonEqual(v, item))));
}
