import type { KubeObject } from '../../store/object.ts';
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { ApiError, badRequest, conflict, invalid, MODIFIED_CONFLICT, unsupportedMediaType } from '../errors.ts';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  ApplyConflictError,
  PatchError,
  patchMetaFor,
  serverSideApply,
} from '../patch/index.ts';
import { apiVersionOf, type ResourceType } from '../resources/types.ts';
import type { WriteContext } from '../service/context.ts';
import type { ObjectService } from '../service/object-service.ts';
import { fromScale, toScale } from '../service/scale.ts';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export function patchTypeOf(contentType: string): PatchType {
  switch (contentType) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
    default:
      throw unsupportedMediaType(contentType);
  }
}

/** Applies a non-apply patch document to an object (as JSON). */
function applyPatch(rt: ResourceType, target: KubeObject, type: Exclude<PatchType, 'apply'>, patch: unknown): KubeObject {
  const doc = target as unknown as JsonObject;
  try {
    let out: JsonValue;
    if (type === 'json') out = applyJsonPatch(doc, patch);
    else if (!isJsonObject(patch)) throw badRequest('the patch must be a JSON object');
    else if (type === 'merge') out = applyMergePatch(doc, patch);
    else out = applyStrategicMergePatch(doc, patch, patchMetaFor(rt.group, rt.kind));
    if (!isJsonObject(out)) throw badRequest('the patch produced a non-object');
    return out as unknown as KubeObject;
  } catch (err) {
    if (err instanceof PatchError) throw new ApiError(422, 'Invalid', err.message);
    throw err;
  }
}

export interface PatchRequest {
  rt: ResourceType;
  version: string;
  namespace: string;
  name: string;
  subresource: string;
  type: PatchType;
  body: unknown;
  force: boolean;
  ctx: WriteContext;
}

/** PATCH on an object or its status/scale subresource. Returns the stored object and whether it was created. */
export function patchObject(svc: ObjectService, req: PatchRequest, now: Date): { obj: KubeObject; created: boolean } {
  const { rt, namespace, name, subresource, type, body, ctx } = req;
  if (type === 'strategic' && rt.crdName) throw unsupportedMediaType('application/strategic-merge-patch+json');
  if (type === 'apply') return applyObject(svc, req, now);
  const old = svc.get(rt, namespace, name);
  if (subresource === 'scale') {
    const patched = applyPatch(rt, toScale(rt, old), type, body);
    const next = fromScale(rt, old, patched);
    if (next.metadata.resourceVersion !== old.metadata.resourceVersion) throw conflict(rt, name, MODIFIED_CONFLICT);
    return { obj: svc.commitUpdate(rt, old, next, '', ctx), created: false };
  }
  const patched = applyPatch(rt, cloneJson(old), type, body);
  if (!isJsonObject(patched.metadata as unknown)) throw badRequest('metadata must be an object');
  if (patched.metadata.resourceVersion && patched.metadata.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(rt, name, MODIFIED_CONFLICT);
  }
  if (patched.metadata.name !== name) throw badRequest('metadata.name cannot be changed by a patch');
  return { obj: svc.commitUpdate(rt, old, patched, subresource, ctx), created: false };
}

/** Server-side apply: create when absent, otherwise merge with field ownership and conflicts. */
function applyObject(svc: ObjectService, req: PatchRequest, now: Date): { obj: KubeObject; created: boolean } {
  const { rt, version, namespace, name, subresource, body, force, ctx } = req;
  if (!isJsonObject(body)) throw badRequest('the apply configuration must be an object');
  if (!ctx.fieldManager || ctx.fieldManager === 'unknown') throw badRequest('PATCH, application/apply-patch+yaml requests must include a fieldManager query parameter');
  const meta = isJsonObject(body.metadata) ? body.metadata : {};
  if (meta.name !== undefined && meta.name !== name) {
    throw badRequest(`the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`);
  }
  let live: KubeObject | undefined;
  try {
    live = svc.get(rt, namespace, name);
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 404)) throw err;
  }
  const applied: JsonObject = { ...body, metadata: { ...meta, name } };
  let result: ReturnType<typeof serverSideApply>;
  try {
    result = serverSideApply({
      live: live as unknown as JsonObject | undefined,
      applied,
      manager: ctx.fieldManager,
      force,
      apiVersion: apiVersionOf(rt, version),
      now,
      meta: patchMetaFor(rt.group, rt.kind),
      subresource: subresource || undefined,
    });
  } catch (err) {
    if (err instanceof ApplyConflictError) {
      throw new ApiError(409, 'Conflict', err.message, {
        causes: err.conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}"`, field: c.path })),
      });
    }
    if (err instanceof PatchError) throw invalid(rt.kind, rt.group, name, [{ reason: 'FieldValueInvalid', message: err.message }]);
    throw err;
  }
  // The apply result may share subtrees with the stored object; admission mutates what it is given.
  const obj = cloneJson(result.object) as unknown as KubeObject;
  obj.metadata = { ...(obj.metadata ?? {}), managedFields: result.managedFields as KubeObject['metadata']['managedFields'] };
  if (!live) return { obj: svc.create(rt, namespace, obj, ctx, obj.metadata.managedFields), created: true };
  return { obj: svc.commitUpdate(rt, live, obj, subresource, ctx, obj.metadata.managedFields), created: false };
}
