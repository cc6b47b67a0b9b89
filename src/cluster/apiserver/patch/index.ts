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
