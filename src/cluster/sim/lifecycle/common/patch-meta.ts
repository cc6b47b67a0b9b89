/** Optimistic metadata edits: a merge patch guarded by resourceVersion, recomputed on a conflict. */
import type { KubeClient } from '../../../../kube/client.ts';
import type { ResourceRef } from '../../../../kube/resources.ts';
import { isConflict, isNotFound } from '../../../../kube/rest-errors.ts';
import type { KubeObject } from '../../../store/object.ts';

/** Metadata fields to write; `null` removes a field (JSON merge patch). */
export type MetadataChange = Record<string, unknown>;

const ATTEMPTS = 3;

/**
 * Patches `obj`'s metadata with what `compute` returns for the current object (nothing to do when it
 * returns undefined). On a conflict the object is read again and the change recomputed. Resolves
 * false when the object is gone or was replaced (another uid), true when written or not needed.
 */
export async function patchMetadata(
  client: KubeClient,
  ref: ResourceRef,
  obj: KubeObject,
  compute: (current: KubeObject) => MetadataChange | undefined,
): Promise<boolean> {
  const namespace = obj.metadata.namespace;
  const name = obj.metadata.name ?? '';
  let current = obj;
  for (let attempt = 1; ; attempt++) {
    const change = compute(current);
    if (!change) return true;
    try {
      await client.patch(ref, namespace, name, { metadata: { ...change, resourceVersion: current.metadata.resourceVersion } }, 'merge');
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      if (!isConflict(err) || attempt >= ATTEMPTS) throw err;
    }
    try {
      current = await client.get(ref, namespace, name);
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
    if (current.metadata.uid !== obj.metadata.uid) return false;
  }
}

/** A list for a merge patch: the items, or null to remove the field when empty. */
export function listOrNull<T>(items: readonly T[]): T[] | null {
  return items.length > 0 ? [...items] : null;
}
