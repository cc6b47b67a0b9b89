/**
 * Field ownership for non-apply writes (create, update, patch): every field the write added or
 * changed becomes owned by the writing manager with operation `Update`, and is taken away from
 * every other manager; fields no longer in the object drop out of every set.
 * See server-side-apply.ts for how this differs from structured-merge-diff.
 */
import type { JsonObject } from '../../../util/json.ts';
import { patchMetaForObject } from './builtin-patch-meta.ts';
import { decodeManagedFields, encodeManagedFields, formatTime, sameOwner, type ManagedFieldsEntry, type Owner } from './managed-fields-codec.ts';
import { changedFields, presentFields, withoutIgnoredFields } from './object-fields.ts';
import type { PatchMeta } from './patch-meta.ts';

export interface RecordUpdateOptions {
  /** The stored object before the write; undefined on create. */
  before: JsonObject | undefined;
  /** The object as it will be stored. */
  after: JsonObject;
  manager: string;
  /** apiVersion the request was made in, e.g. `apps/v1`. */
  apiVersion: string;
  now: Date;
  /** The managedFields to start from (normally `before.metadata.managedFields`). */
  managedFields: unknown;
  subresource?: string;
  /** Defaults to the built-in metadata for `after`'s apiVersion and kind. */
  meta?: PatchMeta;
}

export function recordUpdate(opts: RecordUpdateOptions): ManagedFieldsEntry[] {
  const meta = opts.meta ?? patchMetaForObject(opts.after);
  const after = withoutIgnoredFields(opts.after);
  const before = opts.before ? withoutIgnoredFields(opts.before) : undefined;
  const { fields: changed, allPresent } = changedFields(before, after, meta);
  const me: Owner = { manager: opts.manager, operation: 'Update', apiVersion: opts.apiVersion, fields: changed };
  if (opts.subresource) me.subresource = opts.subresource;

  // Decoded owners are fresh objects: update them in place. Sets that neither lose a changed field
  // nor a field that is gone come back as the same FieldSet, whose FieldsV1 is passed through.
  const owners: Owner[] = [];
  let mine: Owner | undefined;
  for (const owner of decodeManagedFields(opts.managedFields)) {
    if (sameOwner(owner, me)) {
      mine = owner;
    } else {
      owner.fields = presentFields(owner.fields.difference(changed), after);
      owners.push(owner);
    }
  }
  // Presence filters path by path, so it can be taken before the union (and skipped for a changed
  // set that was read off `after` itself).
  const changedPresent = allPresent ? changed : presentFields(changed, after);
  me.fields = mine ? presentFields(mine.fields, after).union(changedPresent) : changedPresent;
  const time = changed.isEmpty() ? mine?.time : formatTime(opts.now);
  if (time) me.time = time;
  owners.push(me);
  return encodeManagedFields(owners);
}
