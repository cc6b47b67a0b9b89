// Reference oracle: the straightforward path-list implementation this directory's property tests compare the
// optimised src/cluster/apiserver/patch against (frozen copy of the code before the FieldSet trie rewrite).
/**
 * managedFields entries on the wire (metadata.managedFields) and decoded, with a FieldSet per
 * manager. Identity follows the API server: an Apply manager is (name, subresource); an Update
 * manager is (name, apiVersion, subresource). Encoding drops empty sets and sorts the entries
 * as Kubernetes does (Apply before Update, then by time, manager, apiVersion, subresource).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../../src/util/json.ts';
import { FieldSet } from './field-set.ts';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
  subresource?: string;
}

/** A managedFields entry with its fields decoded. */
export interface Owner {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  subresource?: string;
  fields: FieldSet;
}

export type OwnerId = Pick<Owner, 'manager' | 'operation' | 'apiVersion' | 'subresource'>;

export function sameOwner(a: OwnerId, b: OwnerId): boolean {
  return (
    a.manager === b.manager &&
    a.operation === b.operation &&
    (a.subresource ?? '') === (b.subresource ?? '') &&
    (a.operation === 'Apply' || a.apiVersion === b.apiVersion)
  );
}

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function formatTime(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z');
}

const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** Decodes metadata.managedFields; unreadable entries are dropped, duplicate identities merged. */
export function decodeManagedFields(value: unknown): Owner[] {
  if (!Array.isArray(value)) return [];
  const owners: Owner[] = [];
  for (const entry of value as unknown[]) {
    if (!isJsonObject(entry)) continue;
    const manager = str(entry['manager']);
    const operation = entry['operation'];
    const fields = FieldSet.fromFieldsV1(entry['fieldsV1'] ?? {});
    if (manager === undefined || (operation !== 'Apply' && operation !== 'Update') || !fields) continue;
    if (entry['fieldsType'] !== undefined && entry['fieldsType'] !== 'FieldsV1') continue;
    const owner: Owner = { manager, operation, apiVersion: str(entry['apiVersion']) ?? '', fields };
    const time = str(entry['time']);
    const subresource = str(entry['subresource']);
    if (time) owner.time = time;
    if (subresource) owner.subresource = subresource;
    const existing = owners.find((o) => sameOwner(o, owner));
    if (existing) {
      existing.fields = existing.fields.union(owner.fields);
      if (owner.time && (!existing.time || owner.time > existing.time)) existing.time = owner.time;
    } else {
      owners.push(owner);
    }
  }
  return owners;
}

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  const seconds = (e: ManagedFieldsEntry): number => (e.time ? Math.floor(Date.parse(e.time) / 1000) || 0 : 0);
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return (
    cmp(p.operation, q.operation) ||
    seconds(p) - seconds(q) ||
    cmp(p.manager, q.manager) ||
    cmp(p.apiVersion, q.apiVersion) ||
    cmp(p.subresource ?? '', q.subresource ?? '')
  );
}

export function encodeManagedFields(owners: readonly Owner[]): ManagedFieldsEntry[] {
  return owners
    .filter((o) => !o.fields.isEmpty())
    .map((o) => {
      const entry: ManagedFieldsEntry = {
        manager: o.manager,
        operation: o.operation,
        apiVersion: o.apiVersion,
        ...(o.time ? { time: o.time } : {}),
        fieldsType: 'FieldsV1',
        fieldsV1: o.fields.toFieldsV1(),
      };
      if (o.subresource) entry.subresource = o.subresource;
      return entry;
    })
    .sort(compareEntries);
}

/** Entries as plain JSON, to store under metadata.managedFields of a JSON object. */
export function managedFieldsToJson(entries: readonly ManagedFieldsEntry[]): JsonValue[] {
  return entries.map((e) => {
    const json: JsonObject = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion };
    if (e.time) json['time'] = e.time;
    json['fieldsType'] = e.fieldsType;
    json['fieldsV1'] = e.fieldsV1;
    if (e.subresource) json['subresource'] = e.subresource;
    return json;
  });
}
