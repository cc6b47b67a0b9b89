/**
 * Unknown-field detection for ObjectMeta (`metadata` of the object root and of embedded resources),
 * which the apiserver decodes into its typed ObjectMeta: unknown keys are dropped and reported.
 */
import { isPlainObject } from './json-kind.ts';
import { childPath, indexPath } from './path.ts';

const OBJECT_META = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

const OWNER_REFERENCE = new Set(['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion']);
const MANAGED_FIELDS_ENTRY = new Set(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource']);

function dropUnknown(obj: Record<string, unknown>, known: Set<string>, path: string, unknown: string[]): void {
  for (const key of Object.keys(obj)) {
    if (known.has(key)) continue;
    unknown.push(childPath(path, key));
    delete obj[key];
  }
}

function dropUnknownInList(list: unknown, known: Set<string>, path: string, unknown: string[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isPlainObject(item)) dropUnknown(item, known, indexPath(path, i), unknown);
  });
}

/** Removes unknown ObjectMeta fields in place; returns their paths (e.g. `metadata.foo`), sorted. */
export function coerceObjectMeta(meta: unknown, path: string): string[] {
  const unknown: string[] = [];
  if (!isPlainObject(meta)) return unknown;
  dropUnknown(meta, OBJECT_META, path, unknown);
  dropUnknownInList(meta.ownerReferences, OWNER_REFERENCE, childPath(path, 'ownerReferences'), unknown);
  dropUnknownInList(meta.managedFields, MANAGED_FIELDS_ENTRY, childPath(path, 'managedFields'), unknown);
  return unknown.sort();
}
