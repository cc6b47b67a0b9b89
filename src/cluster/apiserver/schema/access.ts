/**
 * Defensive readers for a CRD structural schema (JSONSchemaProps). Schemas come from user-written
 * CRDs, so every keyword is read with a type check instead of trusting the declared type; the
 * `x-kubernetes-*` extensions are not part of the kubernetes-types interface and are read here too.
 */
import type { JSONSchemaProps } from 'kubernetes-types/apiextensions/v1.js';

export type Schema = JSONSchemaProps;

function raw(s: Schema): Record<string, unknown> {
  return s as unknown as Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asSchema(v: unknown): Schema | undefined {
  return isObject(v) ? (v as Schema) : undefined;
}

export function flag(s: Schema, key: string): boolean {
  return raw(s)[key] === true;
}

export function num(s: Schema, key: string): number | undefined {
  const v = raw(s)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function str(s: Schema, key: string): string | undefined {
  const v = raw(s)[key];
  return typeof v === 'string' ? v : undefined;
}

/** The declared `type`, or undefined when absent or not a non-empty string. */
export function schemaType(s: Schema): string | undefined {
  const t = str(s, 'type');
  return t ? t : undefined;
}

export function properties(s: Schema): Map<string, Schema> | undefined {
  const p = raw(s).properties;
  if (!isObject(p)) return undefined;
  const out = new Map<string, Schema>();
  for (const [k, v] of Object.entries(p)) {
    const sub = asSchema(v);
    if (sub) out.set(k, sub);
  }
  return out;
}

export function patternProperties(s: Schema): Map<string, Schema> | undefined {
  const p = raw(s).patternProperties;
  if (!isObject(p)) return undefined;
  const out = new Map<string, Schema>();
  for (const [k, v] of Object.entries(p)) {
    const sub = asSchema(v);
    if (sub) out.set(k, sub);
  }
  return out.size > 0 ? out : undefined;
}

/** `additionalProperties`: absent, a boolean, or a schema. */
export interface AdditionalProperties {
  allows: boolean;
  schema?: Schema;
}

export function additionalProperties(s: Schema): AdditionalProperties | undefined {
  const a = raw(s).additionalProperties;
  if (typeof a === 'boolean') return { allows: a };
  const sub = asSchema(a);
  return sub ? { allows: true, schema: sub } : undefined;
}

/** `items` as a single schema (the structural form); undefined for the tuple form. */
export function itemsSchema(s: Schema): Schema | undefined {
  return asSchema(raw(s).items);
}

/** `items` in the (non-structural) tuple form. */
export function itemsTuple(s: Schema): Schema[] | undefined {
  const it = raw(s).items;
  if (!Array.isArray(it)) return undefined;
  return it.map((x) => asSchema(x) ?? {});
}

export function required(s: Schema): string[] {
  const r = raw(s).required;
  return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
}

export function enumValues(s: Schema): unknown[] | undefined {
  const e = raw(s).enum;
  return Array.isArray(e) && e.length > 0 ? e : undefined;
}

export function subSchemas(s: Schema, key: 'allOf' | 'anyOf' | 'oneOf'): Schema[] {
  const list = raw(s)[key];
  if (!Array.isArray(list)) return [];
  return list.map((x) => asSchema(x) ?? {});
}

export function notSchema(s: Schema): Schema | undefined {
  return asSchema(raw(s).not);
}

export function hasDefault(s: Schema): boolean {
  return Object.prototype.hasOwnProperty.call(s, 'default') && raw(s).default !== undefined && raw(s).default !== null;
}

export function defaultValue(s: Schema): unknown {
  return raw(s).default;
}

export const nullable = (s: Schema): boolean => flag(s, 'nullable');
export const preserveUnknownFields = (s: Schema): boolean => flag(s, 'x-kubernetes-preserve-unknown-fields');
export const embeddedResource = (s: Schema): boolean => flag(s, 'x-kubernetes-embedded-resource');
export const intOrString = (s: Schema): boolean => flag(s, 'x-kubernetes-int-or-string');

export function listType(s: Schema): string | undefined {
  return str(s, 'x-kubernetes-list-type');
}

export function listMapKeys(s: Schema): string[] {
  const k = raw(s)['x-kubernetes-list-map-keys'];
  return Array.isArray(k) ? k.filter((x): x is string => typeof x === 'string') : [];
}
