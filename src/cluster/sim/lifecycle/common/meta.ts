/** Small, pure helpers over object metadata shared by the lifecycle controllers. */
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { KubeObject } from '../../../store/object.ts';

/** Added by the API server for `propagationPolicy: Orphan`; the garbage collector removes it. */
export const ORPHAN_FINALIZER = 'orphan';
/** Added by the API server for `propagationPolicy: Foreground`; the garbage collector removes it. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return (obj.metadata.finalizers ?? []).includes(finalizer);
}

export function isBeingDeleted(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp);
}

export function ownerRefs(obj: KubeObject): OwnerReference[] {
  return obj.metadata.ownerReferences ?? [];
}

/** `group` of an `apiVersion` (`apps/v1` → `apps`, `v1` → ''). */
export function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  const slash = v.indexOf('/');
  return slash === -1 ? '' : v.slice(0, slash);
}

/** `namespace/name` (or `name`) for logs and queue keys. */
export function nameOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name ?? ''}` : (obj.metadata.name ?? '');
}

/** Splits a `namespace/name` key back (cluster-scoped keys have no slash). */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash === -1 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** A finite number or undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
