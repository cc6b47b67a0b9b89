/**
 * Structural pruning of a custom resource, as the apiserver decodes it (apiextensions pruning +
 * PruneNonNullableNullsWithoutDefaults + ObjectMeta coercion):
 * - fields not in the schema are dropped, except under `x-kubernetes-preserve-unknown-fields`,
 *   values of `additionalProperties`, and apiVersion/kind/metadata of the root and of
 *   `x-kubernetes-embedded-resource` objects;
 * - unknown ObjectMeta fields are dropped;
 * - `null` values of non-nullable fields without a default are dropped.
 * Returns a pruned copy plus the unknown field paths (`metadata.foo`, `spec.bar`, `spec.list[0].baz`),
 * which the server turns into `strict decoding error: unknown field "spec.bar"` or a warning.
 */
import { cloneJson } from '../../../util/json.ts';
import {
  additionalProperties,
  embeddedResource,
  hasDefault,
  itemsSchema,
  nullable,
  preserveUnknownFields,
  properties,
  type Schema,
} from './access.ts';
import { isPlainObject } from './json-kind.ts';
import { coerceObjectMeta } from './object-meta.ts';
import { childPath, indexPath } from './path.ts';

export interface PruneResult<T> {
  object: T;
  unknownFields: string[];
}

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The schema for a key of an object: its property, else the additionalProperties schema. */
interface FieldSchema {
  known: boolean;
  schema?: Schema;
}

function fieldSchema(s: Schema, key: string): FieldSchema {
  const prop = properties(s)?.get(key);
  if (prop) return { known: true, schema: prop };
  const additional = additionalProperties(s);
  if (additional?.allows) return { known: true, schema: additional.schema };
  return { known: false };
}

function pruneNode(x: unknown, s: Schema | undefined, path: string, embedded: boolean, unknown: string[]): void {
  if (s && preserveUnknownFields(s)) {
    skipPrune(x, s, path, embedded, unknown);
    return;
  }
  if (isPlainObject(x)) {
    for (const key of Object.keys(x)) {
      if (embedded && META_FIELDS.has(key)) continue;
      const f = s ? fieldSchema(s, key) : { known: false };
      if (f.known) {
        pruneNode(x[key], f.schema, childPath(path, key), f.schema ? embeddedResource(f.schema) : false, unknown);
      } else {
        if (!META_FIELDS.has(key) || path !== '') unknown.push(childPath(path, key));
        delete x[key];
      }
    }
  } else if (Array.isArray(x)) {
    const items = s ? itemsSchema(s) : undefined;
    x.forEach((v, i) => pruneNode(v, items, indexPath(path, i), items ? embeddedResource(items) : false, unknown));
  }
}

function skipPrune(x: unknown, s: Schema, path: string, embedded: boolean, unknown: string[]): void {
  if (isPlainObject(x)) {
    for (const key of Object.keys(x)) {
      if (embedded && META_FIELDS.has(key)) continue;
      const f = fieldSchema(s, key);
      if (f.known) pruneNode(x[key], f.schema, childPath(path, key), f.schema ? embeddedResource(f.schema) : false, unknown);
    }
  } else if (Array.isArray(x)) {
    const items = itemsSchema(s);
    if (items) x.forEach((v, i) => skipPrune(v, items, indexPath(path, i), embeddedResource(items), unknown));
  }
}

function pruneNulls(x: unknown, s: Schema | undefined): void {
  if (isPlainObject(x)) {
    for (const key of Object.keys(x)) {
      const sub = s ? fieldSchema(s, key).schema : undefined;
      if (x[key] === null && sub && !nullable(sub) && !hasDefault(sub)) delete x[key];
      else pruneNulls(x[key], sub);
    }
  } else if (Array.isArray(x)) {
    const items = s ? itemsSchema(s) : undefined;
    for (const v of x) pruneNulls(v, items);
  }
}

/** ObjectMeta coercion of embedded resources below the root. */
function coerceEmbedded(x: unknown, s: Schema | undefined, path: string, unknown: string[]): void {
  if (!s) return;
  if (isPlainObject(x)) {
    if (path !== '' && embeddedResource(s) && Object.prototype.hasOwnProperty.call(x, 'metadata')) {
      unknown.push(...coerceObjectMeta(x.metadata, childPath(path, 'metadata')));
    }
    for (const key of Object.keys(x)) coerceEmbedded(x[key], fieldSchema(s, key).schema, childPath(path, key), unknown);
  } else if (Array.isArray(x)) {
    const items = itemsSchema(s);
    x.forEach((v, i) => coerceEmbedded(v, items, indexPath(path, i), unknown));
  }
}

export function prune<T>(schema: Schema, obj: T): PruneResult<T> {
  const copy = obj === undefined ? obj : cloneJson(obj);
  if (!isPlainObject(schema)) return { object: copy, unknownFields: [] };
  const metaUnknown = isPlainObject(copy) ? coerceObjectMeta(copy.metadata, 'metadata') : [];
  const pruned: string[] = [];
  pruneNode(copy, schema, '', true, pruned);
  pruneNulls(copy, schema);
  const embeddedUnknown: string[] = [];
  coerceEmbedded(copy, schema, '', embeddedUnknown);
  return { object: copy, unknownFields: [...metaUnknown, ...pruned.sort(), ...embeddedUnknown] };
}
