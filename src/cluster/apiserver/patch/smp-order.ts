/**
 * Element order for merged lists, following Kubernetes' "preserve order in strategic merge
 * patch" rules: `$setElementOrder` beats the order in the patch list, which beats the order in
 * the live list. Items are compared by an identity (merge-key value, or the primitive itself).
 */
import type { JsonValue } from '../../../util/json.ts';

/** A comparable token for a list element, or undefined when it has none (no merge key). */
export type Identity = (item: JsonValue) => string | undefined;

function positions(order: readonly JsonValue[], id: Identity): Map<string, number> {
  const pos = new Map<string, number>();
  order.forEach((item, i) => {
    const key = id(item);
    if (key !== undefined && !pos.has(key)) pos.set(key, i);
  });
  return pos;
}

/** Stable sort of `items` by where they appear in `order`; items not in `order` go last, in their own order. */
export function sortByOrder(items: readonly JsonValue[], order: readonly JsonValue[], id: Identity): JsonValue[] {
  const pos = positions(order, id);
  const indexOf = (item: JsonValue): number | undefined => {
    const key = id(item);
    return key === undefined ? undefined : pos.get(key);
  };
  const known = items.filter((item) => indexOf(item) !== undefined);
  const unknown = items.filter((item) => indexOf(item) === undefined);
  known.sort((a, b) => indexOf(a)! - indexOf(b)!);
  return [...known, ...unknown];
}

/**
 * Interleaves server-only items (`left`) into patch items (`right`): a server-only item goes
 * first only when both are found in the live list and it came earlier there. So items new in
 * the patch lead, and server-only items keep their place relative to items the patch touched.
 */
export function mergeSorted(left: readonly JsonValue[], right: readonly JsonValue[], serverOrder: readonly JsonValue[], id: Identity): JsonValue[] {
  const pos = positions(serverOrder, id);
  const at = (item: JsonValue): number | undefined => {
    const key = id(item);
    return key === undefined ? undefined : pos.get(key);
  };
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) {
      out.push(right[j++]!);
    } else if (j >= right.length) {
      out.push(left[i++]!);
    } else {
      const li = at(left[i]!);
      const ri = at(right[j]!);
      if (li !== undefined && ri !== undefined && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}

export function normalizeElementOrder(
  patchItems: readonly JsonValue[],
  serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  id: Identity,
): JsonValue[] {
  return mergeSorted(sortByOrder(serverOnly, serverOrder, id), sortByOrder(patchItems, patchOrder, id), serverOrder, id);
}

/** Splits `items` into those whose identity appears in `by`, and the rest. */
export function partitionByPresence(items: readonly JsonValue[], by: readonly JsonValue[], id: Identity): [JsonValue[], JsonValue[]] {
  const present = new Set(by.map(id).filter((k): k is string => k !== undefined));
  const inBy: JsonValue[] = [];
  const rest: JsonValue[] = [];
  for (const item of items) {
    const key = id(item);
    (key !== undefined && present.has(key) ? inBy : rest).push(item);
  }
  return [inBy, rest];
}
