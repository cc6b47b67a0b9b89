/**
 * managedFields entries on the wire (metadata.managedFields) and decoded, with a FieldSet per
 * manager. Identity follows the API server: an Apply manager is (name, subresource); an Update
 * manager is (name, apiVersion, subresource). Encoding drops empty sets and sorts the entries
 * as Kubernetes does (Apply before Update, then by time, manager, apiVersion, subresource).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { BoundedCache } from './bounded-cache.ts';
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

let formattedSecond = NaN;
let formatted = '';

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function formatTime(now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== formattedSecond) {
    formatted = now.toISOString().replace(/\.\d+Z$/, 'Z');
    formattedSecond = second;
  }
  return formatted;
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
    if (manager === undefined || (operation !== 'Apply' && operation !== 'Update')) continue;
    if (entry['fieldsType'] !== undefined && entry['fieldsType'] !== 'FieldsV1') continue;
    const fields = FieldSet.fromFieldsV1(entry['fieldsV1'] ?? {});
    if (!fields) continue;
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

const secondsByTime = new BoundedCache<string, number>(1_000);
const parseSeconds = (time: string): number => Math.floor(Date.parse(time) / 1000) || 0;
const entrySeconds = (e: ManagedFieldsEntry): number => (e.time ? secondsByTime.get(e.time, parseSeconds) : 0);
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  return (
    compareStrings(p.operation, q.operation) ||
    entrySeconds(p) - entrySeconds(q) ||
    compareStrings(p.manager, q.manager) ||
    compareStrings(p.apiVersion, q.apiVersion) ||
    compareStrings(p.subresource ?? '', q.subresource ?? '')
  );
}

function encodeOwner(o: Owner): ManagedFieldsEntry {
  const { manager, operation, apiVersion, time } = o;
  const fieldsV1 = o.fields.toFieldsV1();
  const entry: ManagedFieldsEntry = time
    ? { manager, operation, apiVersion, time, fieldsType: 'FieldsV1', fieldsV1 }
    : { manager, operation, apiVersion, fieldsType: 'FieldsV1', fieldsV1 };
  if (o.subresource) entry.subresource = o.subresource;
  return entry;
}

export function encodeManagedFields(owners: readonly Owner[]): ManagedFieldsEntry[] {
  const entries: ManagedFieldsEntry[] = [];
  for (const owner of owners) if (!owner.fields.isEmpty()) entries.push(encodeOwner(owner));
  return entries.sort(compareEntries);
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
