/**
 * Strict decoding as Go's `yaml.UnmarshalStrict(..., DisallowUnknownFields)` into a typed struct:
 * the first field (in document order) the schema does not know, or the first value of the wrong
 * JSON type, becomes an error with Go's wording.
 */
import type { Schema } from '../../api/schema/builders.ts';

const PREFIX = 'error unmarshaling JSON: while decoding JSON: json:';

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

function goType(s: Schema): string {
  switch (s.type) {
    case 'integer':
      return s.format === 'int64' ? 'int64' : 'int32';
    case 'boolean':
      return 'bool';
    case 'array':
      return 'slice';
    case 'object':
      return 'struct';
    default:
      return 'string';
  }
}

function typeMatches(v: unknown, s: Schema): boolean {
  if (s['x-kubernetes-int-or-string']) return typeof v === 'number' || typeof v === 'string';
  switch (s.type) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && !Array.isArray(v);
    default:
      return true;
  }
}

/** The strict-decode error for `value` against `schema`, or undefined. `kind` names the Go struct. */
export function strictDecodeError(value: unknown, schema: Schema, kind: string): string | undefined {
  const walk = (v: unknown, s: Schema, path: string): string | undefined => {
    if (v === null || v === undefined) return undefined;
    if (!typeMatches(v, s)) return `${PREFIX} cannot unmarshal ${jsonKind(v)} into Go struct field ${kind}.${path} of type ${goType(s)}`;
    if (Array.isArray(v)) {
      if (!s.items) return undefined;
      for (const item of v) {
        const err = walk(item, s.items, path);
        if (err) return err;
      }
      return undefined;
    }
    if (typeof v !== 'object') return undefined;
    for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
      const childPath = path ? `${path}.${key}` : key;
      const prop = s.properties?.[key];
      if (prop) {
        const err = walk(child, prop, childPath);
        if (err) return err;
      } else if (typeof s.additionalProperties === 'object') {
        const err = walk(child, s.additionalProperties, childPath);
        if (err) return err;
      } else if (s.properties && !s['x-kubernetes-preserve-unknown-fields'] && s.additionalProperties !== true) {
        return `${PREFIX} unknown field ${JSON.stringify(key)}`;
      }
    }
    return undefined;
  };
  return walk(value, schema, '');
}
