/** The API server's patch engine: merge patch, JSON patch, strategic merge patch, server-side apply. */
export { PatchError, ApplyConflictError, type ApplyConflict } from './patch-error.ts';
export { applyMergePatch } from './merge-patch.ts';
export { createMergePatch } from './merge-diff.ts';
export { applyJsonPatch } from './json-patch.ts';
export {
  ATOMIC_META,
  patchMetaFromSpec,
  struct,
  mapList,
  setList,
  atomicList,
  type ListStrategy,
  type PatchMeta,
  type PatchMetaSpec,
} from './patch-meta.ts';
export { patchMetaFor, patchMetaForObject } from './builtin-patch-meta.ts';
export { applyStrategicMergePatch } from './strategic-merge.ts';
export { formatPath, type FieldPath } from './field-path.ts';
export { FieldSet } from './field-set.ts';
export { fieldSetOf, changedFieldSet } from './object-fields.ts';
export { decodeManagedFields, encodeManagedFields, managedFieldsToJson, type ManagedFieldsEntry, type Owner } from './managed-fields-codec.ts';
export { recordUpdate, type RecordUpdateOptions } from './managed-fields.ts';
export { serverSideApply, BEFORE_FIRST_APPLY, type ServerSideApplyOptions, type ServerSideApplyResult } from './server-side-apply.ts';
