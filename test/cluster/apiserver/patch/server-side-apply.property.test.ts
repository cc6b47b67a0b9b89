import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FieldSet,
  fieldSetOf,
  formatPath,
  patchMetaFor,
  recordUpdate,
  serverSideApply,
  type ManagedFieldsEntry,
} from '../../../../src/cluster/apiserver/patch/index.ts';
import { valueAt } from '../../../../src/cluster/apiserver/patch/object-fields.ts';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../src/util/json.ts';
import { deploymentArb } from './arbitraries.ts';

const now = new Date('2025-01-01T00:00:00Z');
const meta = patchMetaFor('apps', 'Deployment');
const apply = (live: JsonObject | undefined, applied: JsonObject, manager = 'kubectl', force = false) =>
  serverSideApply({ live, applied, manager, force, apiVersion: 'apps/v1', now, meta });

/** Drops managedFields and empty maps and lists (apply leaves containers it emptied in place). */
function normalize(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(normalize);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'managedFields') continue;
    const n = normalize(v);
    const empty = (isJsonObject(n) && Object.keys(n).length === 0) || (Array.isArray(n) && n.length === 0);
    if (!empty) out[k] = n;
  }
  return out;
}

test('property: applying to nothing creates exactly the configuration', () => {
  fc.assert(
    fc.property(deploymentArb, (config) => {
      const { object } = apply(undefined, config);
      assert.deepEqual(normalize(object), normalize(config));
    }),
    { numRuns: 200 },
  );
});

test('property: re-applying the same configuration changes nothing', () => {
  fc.assert(
    fc.property(deploymentArb, (config) => {
      const first = apply(undefined, config).object;
      const second = serverSideApply({ live: first, applied: config, manager: 'kubectl', force: false, apiVersion: 'apps/v1', now: new Date('2030-01-01T00:00:00Z'), meta });
      assert.deepEqual(second.object, first);
    }),
    { numRuns: 200 },
  );
});

test('property: with a single manager, apply is declarative (A then B equals B alone)', () => {
  fc.assert(
    fc.property(deploymentArb, deploymentArb, (a, b) => {
      const afterA = apply(undefined, a).object;
      const afterB = apply(afterA, b).object;
      assert.deepEqual(normalize(afterB), normalize(apply(undefined, b).object));
    }),
    { numRuns: 300 },
  );
});

test('property: a forced apply leaves the applied values in place, sharing only fields both configs agree on', () => {
  // Scalar leaves only: an applied empty merging list (`containers: []`) claims no items, so other
  // managers' items stay, as in Kubernetes.
  const isLeaf = (path: readonly string[], config: JsonObject): boolean => {
    const v = valueAt(config, path);
    return path[path.length - 1]!.startsWith('f:') && v !== undefined && !isJsonObject(v) && !Array.isArray(v);
  };
  fc.assert(
    fc.property(deploymentArb, deploymentArb, (a, b) => {
      const byOther = apply(undefined, a, 'other').object;
      const { object, managedFields } = apply(byOther, b, 'me', true);
      const fieldsOf = (m: string) => FieldSet.fromFieldsV1(managedFields.find((e) => e.manager === m)?.fieldsV1 ?? {})!;
      const mine = fieldsOf('me');
      const theirs = fieldsOf('other');
      for (const path of mine.paths().filter((p) => isLeaf(p, b))) {
        assert.deepEqual(valueAt(object, path), valueAt(b, path), formatPath(path));
      }
      for (const path of mine.intersection(theirs).paths().filter((p) => isLeaf(p, b))) {
        assert.deepEqual(valueAt(a, path), valueAt(b, path), `shared ${formatPath(path)}`);
      }
      assert.doesNotThrow(() => apply(object, b, 'me'));
    }),
    { numRuns: 300 },
  );
});

test('property: Update-only ownership stays exclusive, complete and pointing at existing fields', () => {
  const manager = fc.constantFrom('a', 'b', 'c');
  fc.assert(
    fc.property(fc.array(fc.tuple(manager, deploymentArb), { minLength: 1, maxLength: 5 }), (writes) => {
      let before: JsonObject | undefined;
      let managedFields: ManagedFieldsEntry[] = [];
      for (const [who, after] of writes) {
        managedFields = recordUpdate({ before, after, manager: who, apiVersion: 'apps/v1', now, managedFields, meta });
        before = after;
      }
      const sets = managedFields.map((e) => FieldSet.fromFieldsV1(e.fieldsV1)!);
      const all = sets.reduce((u, s) => u.union(s), FieldSet.empty());
      const { apiVersion: _a, kind: _k, ...rest } = before!;
      const { name: _n, ...metadata } = rest['metadata'] as JsonObject;
      const tracked = fieldSetOf({ ...rest, metadata }, meta);
      assert.ok(tracked.difference(all).isEmpty(), 'every field has an owner');
      sets.forEach((s, i) => sets.slice(i + 1).forEach((t) => assert.ok(s.intersection(t).isEmpty(), 'owners are exclusive')));
    }),
    { numRuns: 300 },
  );
});
