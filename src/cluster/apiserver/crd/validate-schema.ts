/**
 * A subset of the structural-schema rules the apiserver enforces on a CRD version's
 * openAPIV3Schema: an object root, a type on every specified field, items on arrays, and
 * properties/additionalProperties mutually exclusive. Paths look like
 * `spec.versions[0].schema.openAPIV3Schema.properties[spec].type`.
 */
import type { JSONSchemaProps } from 'kubernetes-types/apiextensions/v1.js';
import type { StatusCause } from '../errors.ts';
import { additionalProperties, intOrString, itemsSchema, preserveUnknownFields, properties, schemaType } from '../schema/access.ts';
import { notSupported, required } from '../schema/causes.ts';

function forbidden(field: string, detail: string): StatusCause {
  return { reason: 'FieldValueForbidden', field, message: `Forbidden: ${detail}` };
}

function untyped(s: JSONSchemaProps): boolean {
  return schemaType(s) === undefined && !intOrString(s) && !preserveUnknownFields(s);
}

function walk(s: JSONSchemaProps, path: string, out: StatusCause[], depth: number): void {
  if (depth > 64) return;
  const props = properties(s);
  const additional = additionalProperties(s);
  if (props && props.size > 0 && additional && (!additional.allows || additional.schema)) {
    out.push(forbidden(`${path}.additionalProperties`, 'additionalProperties and properties are mutual exclusive'));
  }
  if (props) {
    for (const [name, sub] of props) {
      const p = `${path}.properties[${name}]`;
      if (untyped(sub)) out.push(required(`${p}.type`, 'must not be empty for specified object fields'));
      walk(sub, p, out, depth + 1);
    }
  }
  if (additional?.schema) {
    if (untyped(additional.schema)) out.push(required(`${path}.additionalProperties.type`, 'must not be empty for specified object fields'));
    walk(additional.schema, `${path}.additionalProperties`, out, depth + 1);
  }
  const items = itemsSchema(s);
  if (schemaType(s) === 'array' && !items) out.push(required(`${path}.items`, 'must be specified'));
  if (items) {
    if (untyped(items)) out.push(required(`${path}.items.type`, 'must not be empty for specified array items'));
    walk(items, `${path}.items`, out, depth + 1);
  }
}

export function validateStructuralSchema(schema: JSONSchemaProps, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const type = schemaType(schema);
  if (type === undefined) out.push(required(`${path}.type`, 'must not be empty at the root'));
  else if (type !== 'object') out.push(notSupported(`${path}.type`, type, ['object']));
  walk(schema, path, out, 0);
  return out;
}
