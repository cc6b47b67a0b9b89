/**
 * RFC 7386 JSON merge patches between two versions of an object: `createMergePatch` is the
 * two-way diff Argo writes to the status subresource (and Vane also uses for ReplicaSet and
 * Service changes); `applyMergePatch` applies one to a plain object.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../util/json.ts';

export type { JsonObject, JsonValue };

/** JSON round trip: drops undefined members so that `{a: undefined}` equals `{}`. */
export function normalizeJson<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Structural equality of JSON-like values, where an undefined member counts as absent. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of Object.keys(ao)) if (ao[k] !== undefined && !sameJson(ao[k], bo[k])) return false;
  for (const k of Object.keys(bo)) if (bo[k] !== undefined && ao[k] === undefined) return false;
  return true;
}

function diffObjects(before: Record<string, unknown>, after: Record<string, unknown>): JsonObject | undefined {
  const patch: JsonObject = {};
  let changed = false;
  for (const [key, next] of Object.entries(after)) {
    if (next === undefined) continue;
    const prev = before[key];
    if (prev !== undefined && sameJson(prev, next)) continue;
    if (isJsonObject(prev) && isJsonObject(next)) {
      const sub = diffObjects(prev, next);
      if (sub === undefined) continue;
      patch[key] = sub;
    } else {
      patch[key] = normalizeJson(next) as JsonValue;
    }
    changed = true;
  }
  for (const key of Object.keys(before)) {
    if (before[key] !== undefined && after[key] === undefined) {
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
  const b = before ?? {};
  const a = after ?? {};
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
