/**
 * Own-property access for JSON objects, and the guard against prototype-polluting keys.
 * Every read goes through hasOwn/getOwn so that `constructor` or `toString` in a patch never
 * resolves to something inherited; every write goes through setOwn so `__proto__` stays data.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { PatchError } from './patch-error.ts';

export function hasOwn(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function getOwn(obj: JsonObject, key: string): JsonValue | undefined {
  return hasOwn(obj, key) ? obj[key] : undefined;
}

export function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/**
 * Rejects `__proto__` anywhere and `prototype` directly under `constructor`, the same keys
 * fast-json-patch bans, so all patch types refuse the same inputs.
 */
export function assertSafeKeys(value: JsonValue, what: string): void {
  const walk = (v: JsonValue, parentKey: string | undefined): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item, undefined);
      return;
    }
    if (!isJsonObject(v)) return;
    for (const key of Object.keys(v)) {
      if (key === '__proto__' || (key === 'prototype' && parentKey === 'constructor')) {
        throw new PatchError(`${what}: the key ${JSON.stringify(key)} is not allowed`, 400);
      }
      walk(v[key]!, key);
    }
  };
  walk(value, undefined);
}
