/** Cache lookups shared by the workload controllers: an owner from a controllerRef, objects by owner. */
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { Indexer } from '../../../kube/cache.ts';
import type { KubeObject } from '../../store/object.ts';
import { controllerOf } from './controller-ref.ts';

/** The owner a controllerRef names, if it is of `kind` in `group` and its UID still matches. */
export function resolveControllerRef<T extends KubeObject>(
  cache: Indexer<T>,
  namespace: string | undefined,
  ref: OwnerReference | undefined,
  group: string,
  kind: string,
): T | undefined {
  if (!ref || ref.kind !== kind) return undefined;
  const refGroup = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
  if (refGroup !== group) return undefined;
  const owner = cache.get(namespace, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** Objects whose controller is the object with this UID. */
export function controlledBy<T extends KubeObject>(cache: Indexer<T>, uid: string | undefined): T[] {
  if (!uid) return [];
  return cache.byOwnerUid(uid).filter((o) => controllerOf(o)?.uid === uid);
}
