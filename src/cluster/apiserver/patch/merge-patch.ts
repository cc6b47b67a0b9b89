/**
 * JSON Merge Patch (RFC 7386), as served for `application/merge-patch+json`: objects merge
 * recursively, `null` deletes, anything else (arrays included) replaces. Inputs are never
 * mutated and the result shares no structure with them.
 */
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { assertSafeKeys, getOwn, hasOwn, setOwn } from './safe-keys.ts';

export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  assertSafeKeys(patch, 'merge patch');
  return mergeValue(target, patch);
}

function mergeValue(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch);
  const base: JsonObject = isJsonObject(target) ? target : {};
  const result: JsonObject = {};
  for (const key of Object.keys(base)) {
    if (!hasOwn(patch, key)) {
      setOwn(result, key, cloneJson(base[key]!));
      continue;
    }
    const value = patch[key]!;
    if (value !== null) setOwn(result, key, mergeValue(base[key], value));
  }
  for (const key of Object.keys(patch)) {
    const value = patch[key]!;
    if (hasOwn(base, key) || value === null) continue;
    setOwn(result, key, mergeValue(getOwn(base, key), value));
  }
  return result;
}
