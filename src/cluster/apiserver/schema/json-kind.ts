/**
 * The JSON type of a decoded value the way the Kubernetes apiserver sees it: a JSON number that is
 * integral and fits in an int64 decodes to an integer, any other number to a float64.
 */
export type JsonKind = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

const INT64_LIMIT = 2 ** 63;

export function isInt64(v: number): boolean {
  return Number.isInteger(v) && v >= -INT64_LIMIT && v < INT64_LIMIT;
}

export function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return isInt64(v) ? 'integer' : 'number';
    case 'object':
      return Array.isArray(v) ? 'array' : 'object';
    default:
      // functions, symbols, bigints never come out of JSON.parse; treat them as opaque objects
      return 'object';
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
