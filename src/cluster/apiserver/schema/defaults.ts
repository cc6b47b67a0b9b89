/**
 * Structural defaulting as apiextensions does it (defaulting.Default): a property that is missing,
 * or null while not nullable, gets a deep copy of its schema `default`; then defaulting recurses
 * into properties, additionalProperties values and array items (where null items of non-nullable
 * item schemas are defaulted too). Returns a defaulted copy; the input is not modified.
 */
import { cloneJson } from '../../../util/json.ts';
import { additionalProperties, defaultValue, hasDefault, itemsSchema, nullable, properties, type Schema } from './access.ts';
import { isPlainObject } from './json-kind.ts';

function needsDefault(value: unknown, s: Schema): boolean {
  return hasDefault(s) && value === null && !nullable(s);
}

function defaultNode(x: unknown, s: Schema | undefined, depth: number): void {
  if (!s || depth > 256) return;
  if (isPlainObject(x)) {
    const props = properties(s);
    if (props) {
      for (const [key, prop] of props) {
        if (!hasDefault(prop)) continue;
        if (!Object.prototype.hasOwnProperty.call(x, key) || needsDefault(x[key], prop)) x[key] = cloneJson(defaultValue(prop));
      }
    }
    const additional = additionalProperties(s)?.schema;
    for (const key of Object.keys(x)) {
      const prop = props?.get(key);
      if (prop) defaultNode(x[key], prop, depth + 1);
      else if (additional) {
        if (needsDefault(x[key], additional)) x[key] = cloneJson(defaultValue(additional));
        defaultNode(x[key], additional, depth + 1);
      }
    }
  } else if (Array.isArray(x)) {
    const items = itemsSchema(s);
    if (!items) return;
    for (let i = 0; i < x.length; i++) {
      if (needsDefault(x[i], items)) x[i] = cloneJson(defaultValue(items));
      defaultNode(x[i], items, depth + 1);
    }
  }
}

export function applyDefaults<T>(schema: Schema, obj: T): T {
  if (obj === undefined) return obj;
  const copy = cloneJson(obj);
  if (isPlainObject(schema)) defaultNode(copy, schema, 0);
  return copy;
}
