/** Tiny builders for structural OpenAPI v3 schemas (apiextensions.k8s.io/v1). */
import type { JSONSchemaProps } from 'kubernetes-types/apiextensions/v1.js';

export interface Schema extends Omit<JSONSchemaProps, 'properties' | 'items' | 'additionalProperties' | 'anyOf'> {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-validations'?: Array<{ rule: string; message?: string }>;
}

export const str = (extra: Partial<Schema> = {}): Schema => ({ type: 'string', ...extra });
export const int32 = (extra: Partial<Schema> = {}): Schema => ({ type: 'integer', format: 'int32', ...extra });
export const int64 = (extra: Partial<Schema> = {}): Schema => ({ type: 'integer', format: 'int64', ...extra });
export const bool = (): Schema => ({ type: 'boolean' });
export const time = (): Schema => ({ type: 'string', format: 'date-time' });
export const intOrString = (): Schema => ({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true });
export const stringMap = (): Schema => ({ type: 'object', additionalProperties: { type: 'string' } });
export const arr = (items: Schema, extra: Partial<Schema> = {}): Schema => ({ type: 'array', items, ...extra });
export const strArr = (): Schema => arr(str());
/** An object whose content is not described (pod specs, plugin config, job specs). */
export const loose = (): Schema => ({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
/** Any JSON value. */
export const anyJson = (): Schema => ({ 'x-kubernetes-preserve-unknown-fields': true });

export function obj(properties: Record<string, Schema>, required?: string[]): Schema {
  const s: Schema = { type: 'object', properties };
  if (required && required.length > 0) s.required = required;
  return s;
}

/** metav1.LabelSelector. */
export const labelSelector = (): Schema =>
  obj({
    matchExpressions: arr(obj({ key: str(), operator: str(), values: strArr() }, ['key', 'operator'])),
    matchLabels: stringMap(),
  });

/** {labels, annotations}. */
export const podTemplateMetadata = (): Schema => obj({ annotations: stringMap(), labels: stringMap() });

/** PodTemplateSpec: metadata described, pod spec loose (as loose as Argo's trimmed CRD). */
export const podTemplateSpec = (): Schema =>
  obj({
    metadata: { type: 'object', properties: { annotations: stringMap(), labels: stringMap() }, 'x-kubernetes-preserve-unknown-fields': true },
    spec: loose(),
  });

/** Top-level object schema for a CRD: apiVersion, kind, metadata + the given spec/status. */
export function topLevel(spec: Schema, status?: Schema, requireSpec = true): Schema {
  const properties: Record<string, Schema> = { apiVersion: str(), kind: str(), metadata: { type: 'object' }, spec };
  if (status) properties['status'] = status;
  return obj(properties, requireSpec ? ['spec'] : undefined);
}
