/**
 * Server-side apply, "SSA-lite": `application/apply-patch+yaml` with a field manager, using the
 * strategic-merge PatchMeta as the schema. The applied configuration is merged into the live
 * object (apply-merge.ts) and the manager's Apply entry owns exactly its fields. Fields the
 * manager applied before but no longer does are removed from the object unless another manager
 * owns them (or something below them); maps and lists emptied that way stay as empty values, as
 * current structured-merge-diff does. A field in the applied configuration that another manager
 * owns and whose value the apply would change is a conflict, unless `force` moves it to this
 * manager; equal values are co-owned without conflict. An object that exists without
 * managedFields gets a synthetic `before-first-apply` Update owner for all its fields, as in
 * Kubernetes.
 *
 * Deviations from structured-merge-diff (the Kubernetes implementation):
 * - Schema: list types and keys come from PatchMeta (SMP merge keys), not the OpenAPI
 *   `x-kubernetes-list-type`/`-list-map-keys`. Keys are single fields, so container ports are
 *   `k:{"containerPort":80}` where Kubernetes writes `k:{"containerPort":80,"protocol":"TCP"}`.
 *   Unknown kinds (CRDs included) treat every list as atomic and every map as granular; there is
 *   no `x-kubernetes-map-type: atomic` (a label selector is tracked field by field).
 * - Field sets: a map is never a member itself, only its leaves are, except an empty map, which
 *   is a leaf. Kubernetes also records `.` for maps an Update created and for optional structs;
 *   here `.` appears only on list items with fields. List items are always members.
 * - An empty list is a leaf even when it merges; Kubernetes does not track empty associative
 *   lists, so there an applied `env: []` lingers after the manager drops it.
 * - No version conversion: sets are kept as recorded, whatever apiVersion that was in.
 * - `null` in an applied configuration removes the field and is not owned.
 * - No defaulting between merge and conflict detection, and no reset of the fields a request
 *   may not set (status on the main resource, spec on /status): the caller strips those.
 */
import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { patchMetaForObject } from './builtin-patch-meta.ts';
import { mergeApplied } from './apply-merge.ts';
import { decodeElement, formatPath, type FieldPath } from './field-path.ts';
import { FieldSet } from './field-set.ts';
import {
  decodeManagedFields,
  encodeManagedFields,
  formatTime,
  managedFieldsToJson,
  sameOwner,
  type ManagedFieldsEntry,
  type Owner,
} from './managed-fields-codec.ts';
import { fieldSetOf, presentFields, removeAt, valueAt, valueBelow, withoutIgnoredFields, withoutNulls } from './object-fields.ts';
import { ApplyConflictError, PatchError, type ApplyConflict } from './patch-error.ts';
import type { PatchMeta } from './patch-meta.ts';
import { assertSafeKeys, getOwn, hasOwn } from './safe-keys.ts';

export interface ServerSideApplyOptions {
  /** The stored object; undefined when the apply creates it. */
  live: JsonObject | undefined;
  /** The apply configuration (the request body, parsed). */
  applied: JsonObject;
  manager: string;
  force: boolean;
  /** apiVersion of the request, recorded on the manager's entry. */
  apiVersion: string;
  now: Date;
  /** Defaults to the built-in metadata for the applied apiVersion and kind. */
  meta?: PatchMeta;
  subresource?: string;
}

export interface ServerSideApplyResult {
  /** The object to store, with metadata.managedFields set. */
  object: JsonObject;
  managedFields: ManagedFieldsEntry[];
}

export const BEFORE_FIRST_APPLY = 'before-first-apply';

function withoutManagedFields(obj: JsonObject): JsonObject {
  const metadata = getOwn(obj, 'metadata');
  if (!isJsonObject(metadata) || !hasOwn(metadata, 'managedFields')) return obj;
  const { managedFields: _dropped, ...rest } = metadata;
  return { ...obj, metadata: rest };
}

function withManagedFields(obj: JsonObject, entries: readonly ManagedFieldsEntry[]): JsonObject {
  const metadata = getOwn(obj, 'metadata');
  const meta: JsonObject = isJsonObject(metadata) ? { ...metadata } : {};
  if (entries.length > 0) meta['managedFields'] = managedFieldsToJson(entries);
  else delete meta['managedFields'];
  return { ...obj, metadata: meta };
}

function validateApplied(applied: JsonObject): void {
  if (!isJsonObject(applied)) throw new PatchError('apply configuration must be a JSON or YAML object', 400);
  assertSafeKeys(applied, 'apply configuration');
  const metadata = getOwn(applied, 'metadata');
  const managed = isJsonObject(metadata) ? getOwn(metadata, 'managedFields') : undefined;
  if (managed !== undefined && managed !== null && !(Array.isArray(managed) && managed.length === 0)) {
    throw new PatchError('metadata.managedFields must be nil', 400);
  }
}

/** The key field of a list item that stays: removing it would orphan the item. */
function isKeyOfRemainingItem(obj: JsonObject, path: FieldPath): boolean {
  if (path.length < 2) return false;
  const item = decodeElement(path[path.length - 2]!);
  const field = decodeElement(path[path.length - 1]!);
  return item?.type === 'key' && field?.type === 'field' && field.name in item.keys && valueAt(obj, path.slice(0, -1)) !== undefined;
}

/** The values at one path before and after the apply (undefined where there is none). */
type Values = readonly [JsonValue | undefined, JsonValue | undefined];

const valuesBelow = ([a, b]: Values, element: string): Values => [a === undefined ? undefined : valueBelow(a, element), b === undefined ? undefined : valueBelow(b, element)];

/** Whether the apply changes the value at a path ending in `element` (for list items: whether the item appears or goes). */
function changes(element: string, [a, b]: Values): boolean {
  if (!element.startsWith('f:')) return (a === undefined) !== (b === undefined);
  if (isJsonObject(a) && isJsonObject(b) && Object.keys(a).length > 0 && Object.keys(b).length > 0) return false;
  return !jsonEqual(a, b);
}

export function serverSideApply(opts: ServerSideApplyOptions): ServerSideApplyResult {
  validateApplied(opts.applied);
  const applied = withoutManagedFields(opts.applied);
  const meta = opts.meta ?? patchMetaForObject(applied);
  const now = formatTime(opts.now);
  const live = opts.live ? withoutManagedFields(opts.live) : undefined;

  const liveMetadata = opts.live ? getOwn(opts.live, 'metadata') : undefined;
  let owners = decodeManagedFields(isJsonObject(liveMetadata) ? getOwn(liveMetadata, 'managedFields') : undefined);
  if (live && owners.length === 0) {
    const apiVersion = typeof live['apiVersion'] === 'string' ? live['apiVersion'] : opts.apiVersion;
    owners = [{ manager: BEFORE_FIRST_APPLY, operation: 'Update', apiVersion, time: now, fields: fieldSetOf(withoutIgnoredFields(live), meta) }];
  }
  const me: Owner = {
    manager: opts.manager,
    operation: 'Apply',
    apiVersion: opts.apiVersion,
    fields: fieldSetOf(withoutIgnoredFields(withoutNulls(applied) as JsonObject), meta),
    ...(opts.subresource ? { subresource: opts.subresource } : {}),
  };
  const previous = owners.find((o) => sameOwner(o, me));
  const others = owners.filter((o) => !sameOwner(o, me));

  const before = live ?? {};
  let object = mergeApplied(before, applied, meta) as JsonObject;
  const ownedByOthers = others.reduce((set, o) => set.union(o.fields), FieldSet.empty());
  for (const path of (previous?.fields ?? FieldSet.empty()).difference(me.fields).paths()) {
    if (me.fields.hasAtOrUnder(path) || ownedByOthers.hasAtOrUnder(path) || isKeyOfRemainingItem(object, path)) continue;
    object = removeAt(object, path) as JsonObject;
  }

  const conflicts: ApplyConflict[] = [];
  const taken = new Map<Owner, FieldPath[]>();
  for (const owner of others) {
    const paths: FieldPath[] = [];
    me.fields.intersection(owner.fields).forEachMember<Values>([before, object], valuesBelow, (path, values) => {
      if (!changes(path[path.length - 1]!, values)) return;
      paths.push([...path]);
      conflicts.push({
        manager: owner.manager,
        operation: owner.operation,
        apiVersion: owner.apiVersion,
        ...(owner.subresource ? { subresource: owner.subresource } : {}),
        path: formatPath(path),
      });
    });
    taken.set(owner, paths);
  }
  if (conflicts.length > 0 && !opts.force) throw new ApplyConflictError(conflicts);

  const stored = withoutIgnoredFields(object);
  const changed = !jsonEqual(before, object) || !previous || !previous.fields.equals(me.fields);
  const time = changed ? now : previous.time;
  const result: Owner[] = others.map((owner) => ({ ...owner, fields: presentFields(owner.fields.difference(FieldSet.fromPaths(taken.get(owner)!)), stored) }));
  result.push({ ...me, fields: presentFields(me.fields, stored), ...(time ? { time } : {}) });

  const managedFields = encodeManagedFields(result);
  return { object: withManagedFields(object, managedFields), managedFields };
}
