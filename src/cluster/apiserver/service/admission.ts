import type { KubeObject } from '../../store/object.ts';
import type { JsonObject } from '../../../util/json.ts';
import type { StatusCause } from '../errors.ts';
import { badRequest } from '../errors.ts';
import type { ResourceType } from '../resources/types.ts';
import { applyDefaults, prune, validate } from '../schema/index.ts';
import type { WriteContext } from './context.ts';

/**
 * Admission for one write: built-in defaults and validation, or for custom resources the CRD's
 * structural schema (prune unknown fields, apply defaults, validate). Mutates `obj` in place.
 * Unknown fields are an error with fieldValidation=Strict and a warning otherwise.
 */
export function admit(rt: ResourceType, obj: KubeObject, old: KubeObject | undefined, ctx: WriteContext, subresource = ''): StatusCause[] {
  // A status write cannot change anything else (the service copied the rest from the stored
  // object), so built-in spec defaulting and validation would only re-check what was admitted before.
  const statusOnly = subresource === 'status';
  if (!statusOnly) rt.defaults?.(obj, old);
  const causes: StatusCause[] = [];
  if (rt.schema) {
    const pruned = prune(rt.schema, obj as unknown as JsonObject);
    if (pruned.unknownFields.length > 0) {
      if (ctx.fieldValidation === 'Strict') {
        throw badRequest(`strict decoding error: ${pruned.unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`);
      }
      if (ctx.fieldValidation === 'Warn') ctx.warnings.push(...pruned.unknownFields.map((f) => `unknown field "${f}"`));
    }
    const defaulted = applyDefaults(rt.schema, pruned.object) as unknown as KubeObject;
    for (const key of Object.keys(obj)) delete obj[key];
    Object.assign(obj, defaulted);
    causes.push(...validate(rt.schema, obj as unknown as JsonObject));
  }
  if (!statusOnly) causes.push(...(rt.validate?.(obj, old) ?? []));
  return causes;
}
