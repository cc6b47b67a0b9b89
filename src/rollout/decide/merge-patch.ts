/**
 * RFC 7386 JSON merge patches between two versions of an object: `createMergePatch` is the
 * two-way diff Argo writes to the status subresource (and Vane also uses for ReplicaSet and
 * Service changes); `applyMergePatch` applies one to a plain object.
 */
import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../util/json.ts';

export type { JsonObject, JsonValue };

/** JSON round trip: drops undefined members so that `{a: undefined}` equals `{}`. */
export function normalizeJson<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}

function diffObjects(before: JsonObject, after: JsonObject): JsonObject | undefined {
  const patch: JsonObject = {};
  let changed = false;
  for (const [key, next] of Object.entries(after)) {
    const prev = before[key];
    if (prev !== undefined && jsonEqual(prev, next)) continue;
    if (isJsonObject(prev) && isJsonObject(next)) {
      const sub = diffObjects(prev, next);
      if (sub === undefined) continue;
      patch[key] = sub;
    } else {
      patch[key] = next;
    }
    changed = true;
  }
  for (const key of Object.keys(before)) {
    if (after[key] === undefined) {
      patch[key] = null;
      changed = true;
    }
  }
  return changed ? patch : undefined;
}

/**
 * The merge patch turning `before` into `after`: changed and new members as they are in `after`,
 * removed members as null, nested objects diffed recursively, arrays replaced whole. Undefined
 * when the two are equal.
 */
export function createMergePatch(before: unknown, after: unknown): JsonObject | undefined {
  const b = normalizeJson(before ?? {}) as JsonValue;
  const a = normalizeJson(after ?? {}) as JsonValue;
  if (!isJsonObject(b) || !isJsonObject(a)) throw new Error('createMergePatch needs two objects');
  return diffObjects(b, a);
}

/** Applies a merge patch and returns the result (the inputs are not modified). */
export function applyMergePatch<T>(target: T, patch: JsonObject): T {
  return mergeInto(normalizeJson(target ?? {}) as JsonValue, patch) as T;
}

function mergeInto(target: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const out: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergeInto(out[key] ?? null, value);
  }
  return out;
}
