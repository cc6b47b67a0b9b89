/**
 * The inverse of applyMergePatch: the smallest RFC 7386 merge patch that turns `from` into `to`.
 * Values that are `null` inside objects of `to` cannot be expressed (merge patch reads them as
 * deletions); everything else round-trips.
 */
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { hasOwn, setOwn } from './safe-keys.ts';

export function createMergePatch(from: JsonValue | undefined, to: JsonValue): JsonValue {
  if (!isJsonObject(from) || !isJsonObject(to)) return cloneJson(to);
  const patch: JsonObject = {};
  for (const key of Object.keys(from)) {
    if (!hasOwn(to, key)) setOwn(patch, key, null);
  }
  for (const key of Object.keys(to)) {
    const next = to[key]!;
    if (!hasOwn(from, key)) {
      setOwn(patch, key, cloneJson(next));
    } else if (!jsonEqual(from[key], next)) {
      setOwn(patch, key, createMergePatch(from[key], next));
    }
  }
  return patch;
}
