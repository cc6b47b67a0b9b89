/**
 * Renders a JSON value the way Go's `%v` prints decoded JSON (`map[image:nginx name:app]`),
 * so strategic-merge-patch errors read like the ones from a real API server.
 */
import { isJsonObject, type JsonValue } from '../../../util/json.ts';

export function goFormat(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (isJsonObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${k}:${goFormat(value[k])}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(value);
}

/** Go's `%T` for a decoded JSON value, for "expected a X, but received a Y" messages. */
export function goType(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  if (isJsonObject(value)) return 'map[string]interface {}';
  if (typeof value === 'number') return 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}
