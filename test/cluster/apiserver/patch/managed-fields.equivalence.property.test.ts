/**
 * The optimised managedFields code against the straightforward reference implementation in
 * ./reference: same FieldsV1 (compared as JSON text, so key order counts), same entries, same
 * conflicts, on random objects, writes and managedFields (malformed ones included).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { changedFieldSet, FieldSet, fieldSetOf, recordUpdate, serverSideApply, type PatchMeta } from '../../../../src/cluster/apiserver/patch/index.ts';
import { valueAt } from '../../../../src/cluster/apiserver/patch/object-fields.ts';
import type { JsonObject, JsonValue } from '../../../../src/util/json.ts';
import { deploymentArb } from './arbitraries.ts';
import { deploymentMeta, fieldsV1Arb, managedFieldsArb, objectPairArb } from './field-arbitraries.ts';
import { FieldSet as ReferenceFieldSet } from './reference/field-set.ts';
import { recordUpdate as referenceRecordUpdate } from './reference/managed-fields.ts';
import { changedFieldSet as referenceChangedFieldSet, fieldSetOf as referenceFieldSetOf, valueAt as referenceValueAt } from './reference/object-fields.ts';
import { serverSideApply as referenceServerSideApply } from './reference/server-side-apply.ts';

const text = (value: unknown): string => JSON.stringify(value);
const NOW = [new Date('2025-01-01T10:00:00.500Z'), new Date('2025-01-02T00:00:00Z')];

/** Same members, same FieldsV1 text, same path order. */
function assertSameSet(actual: FieldSet, expected: ReferenceFieldSet, what: string): void {
  assert.equal(text(actual.toFieldsV1()), text(expected.toFieldsV1()), what);
  assert.deepEqual(actual.paths(), expected.paths(), what);
  assert.equal(actual.isEmpty(), expected.isEmpty(), what);
}

const decodeBoth = (json: JsonValue): [FieldSet | undefined, ReferenceFieldSet | undefined] => [FieldSet.fromFieldsV1(json), ReferenceFieldSet.fromFieldsV1(json)];

test('equivalence: FieldsV1 decoding, encoding and the set operations', () => {
  fc.assert(
    fc.property(fieldsV1Arb, fieldsV1Arb, fc.integer(), (x, y, salt) => {
      const [a, refA] = decodeBoth(x);
      const [b, refB] = decodeBoth(y);
      assert.equal(a === undefined, refA === undefined, 'readable');
      assert.equal(b === undefined, refB === undefined, 'readable');
      if (!a || !refA || !b || !refB) return;
      assertSameSet(a, refA, 'decoded');
      assertSameSet(a.union(b), refA.union(refB), 'union');
      assertSameSet(a.difference(b), refA.difference(refB), 'difference');
      assertSameSet(a.intersection(b), refA.intersection(refB), 'intersection');
      assertSameSet(b.union(a).difference(a), refB.union(refA).difference(refA), 'union then difference');
      const keep = (path: readonly string[]): boolean => (path.join('/').length + salt) % 3 !== 0;
      assertSameSet(a.filter(keep), refA.filter(keep), 'filter');
      assert.equal(a.equals(b), refA.equals(refB), 'equals');
      assert.equal(a.union(b).equals(b.union(a)), true);
      for (const path of [...refA.paths(), ...refB.paths()].flatMap((p) => [p, p.slice(0, -1), [...p, 'f:zz']])) {
        assert.equal(a.has(path), refA.has(path), `has ${text(path)}`);
        assert.equal(a.hasAtOrUnder(path), refA.hasAtOrUnder(path), `hasAtOrUnder ${text(path)}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('equivalence: FieldSet.fromPaths', () => {
  const element = fc.constantFrom('f:a', 'f:b', 'k:{"name":"a"}', 'v:1', 'i:0', 'x', '.');
  fc.assert(
    fc.property(fc.array(fc.array(element, { maxLength: 4 }), { maxLength: 8 }), (paths) => {
      assertSameSet(FieldSet.fromPaths(paths), ReferenceFieldSet.fromPaths(paths), 'fromPaths');
    }),
    { numRuns: 300 },
  );
});

test('equivalence: fieldSetOf, changedFieldSet and valueAt', () => {
  fc.assert(
    fc.property(objectPairArb, ({ meta, before, after }) => {
      assertSameSet(fieldSetOf(after, meta), referenceFieldSetOf(after, meta), 'fieldSetOf');
      assertSameSet(changedFieldSet(before, after, meta), referenceChangedFieldSet(before, after, meta), 'changedFieldSet');
      for (const path of referenceFieldSetOf(before ?? {}, meta).paths()) {
        assert.deepEqual(valueAt(after, path), referenceValueAt(after, path), text(path));
      }
    }),
    { numRuns: 500 },
  );
});

interface Write {
  pair: { meta: PatchMeta; before: JsonObject | undefined; after: JsonObject };
  manager: string;
  apiVersion: string;
  subresource: string;
  now: Date;
}

const writeArb: fc.Arbitrary<Write> = fc.record({
  pair: objectPairArb,
  manager: fc.constantFrom('a', 'b', 'kubectl', 'kubelet'),
  apiVersion: fc.constantFrom('apps/v1', 'v1', 'apps/v1beta1'),
  subresource: fc.constantFrom('', '', 'status'),
  now: fc.constantFrom(...NOW),
});

function assertSameUpdate(write: Write, managedFields: unknown, withMeta: boolean): unknown {
  const { pair, manager, apiVersion, subresource, now } = write;
  const opts = { before: pair.before, after: pair.after, manager, apiVersion, now, managedFields, subresource, ...(withMeta ? { meta: pair.meta } : {}) };
  const inputs = text(opts);
  const expected = referenceRecordUpdate(opts);
  const actual = recordUpdate(opts);
  assert.equal(text(actual), text(expected));
  assert.equal(text(opts), inputs, 'inputs unchanged');
  return actual;
}

test('equivalence: recordUpdate on random writes and client-sent managedFields', () => {
  fc.assert(
    fc.property(writeArb, managedFieldsArb, fc.boolean(), (write, managedFields, withMeta) => {
      assertSameUpdate(write, managedFields, withMeta);
    }),
    { numRuns: 800 },
  );
});

test('equivalence: recordUpdate over a history of writes by several managers', () => {
  fc.assert(
    fc.property(fc.array(writeArb, { minLength: 1, maxLength: 6 }), managedFieldsArb, (writes, initial) => {
      let managedFields: unknown = initial;
      let before: JsonObject | undefined;
      for (const write of writes) {
        const meta = deploymentMeta;
        const after = write.pair.after;
        managedFields = assertSameUpdate({ ...write, pair: { meta, before, after } }, managedFields, true);
        before = after;
      }
    }),
    { numRuns: 300 },
  );
});

/** Values JSON cannot carry, as in-process callers may still pass them: list keys, set items and fields. */
const ODD = [undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, { nested: 1 }, null, undefined];

function withOddValues(obj: JsonObject, seed: number): JsonObject {
  let n = seed >>> 0;
  const odd = (): unknown => ODD[(n = (n * 1103515245 + 12345) >>> 0) % ODD.length];
  const walk = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => (depth > 0 && n % 5 === 0 ? odd() : walk(item, depth + 1)));
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = (n = (n * 69069 + 1) >>> 0) % 6 === 0 ? odd() : walk(v, depth + 1);
    return out;
  };
  return walk(obj, 0) as JsonObject;
}

test('equivalence: recordUpdate with values JSON cannot carry (undefined, NaN, Infinity) in keys, set items and fields', () => {
  fc.assert(
    fc.property(writeArb, managedFieldsArb, fc.integer(), fc.integer(), (write, managedFields, s1, s2) => {
      const { meta, before, after } = write.pair;
      const pair = { meta, before: before && withOddValues(before, s1), after: withOddValues(after, s2) };
      const opts = { before: pair.before, after: pair.after, manager: write.manager, apiVersion: write.apiVersion, now: write.now, managedFields, meta };
      assert.equal(text(recordUpdate(opts)), text(referenceRecordUpdate(opts)));
      assertSameSet(changedFieldSet(pair.before, pair.after, meta), referenceChangedFieldSet(pair.before, pair.after, meta), 'changedFieldSet');
    }),
    { numRuns: 500 },
  );
});

function outcome(run: () => unknown): string {
  try {
    return text({ ok: run() });
  } catch (err) {
    const e = err as Error & { conflicts?: unknown; status?: unknown };
    return text({ error: e.constructor.name, message: e.message, conflicts: e.conflicts, status: e.status });
  }
}

test('equivalence: serverSideApply (results and conflicts)', () => {
  const manager = fc.constantFrom('a', 'b', 'kubectl');
  fc.assert(
    fc.property(
      fc.option(fc.tuple(deploymentArb, managedFieldsArb), { nil: undefined }),
      deploymentArb,
      manager,
      fc.boolean(),
      fc.constantFrom(undefined, 'status'),
      fc.constantFrom(...NOW),
      (live, applied, who, force, subresource, now) => {
        const liveObject = live && { ...live[0], metadata: { ...(live[0]['metadata'] as JsonObject), managedFields: live[1] } };
        const opts = { live: liveObject, applied, manager: who, force, apiVersion: 'apps/v1', now, meta: deploymentMeta, subresource };
        const inputs = text(opts);
        const expected = outcome(() => referenceServerSideApply(opts));
        assert.equal(outcome(() => serverSideApply(opts)), expected);
        assert.equal(text(opts), inputs, 'inputs unchanged');
      },
    ),
    { numRuns: 500 },
  );
});

test('equivalence: serverSideApply after applies and updates by other managers', () => {
  const step = fc.record({ applied: deploymentArb, manager: fc.constantFrom('a', 'b', 'kubectl'), force: fc.boolean(), update: fc.boolean() });
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) => {
      let live: JsonObject | undefined;
      let referenceLive: JsonObject | undefined;
      for (const { applied, manager, force, update } of steps) {
        if (update && live) {
          const opts = { before: live, after: applied, manager, apiVersion: 'apps/v1', now: NOW[1]!, managedFields: (live['metadata'] as JsonObject)['managedFields'], meta: deploymentMeta };
          const entries = recordUpdate(opts);
          assert.equal(text(entries), text(referenceRecordUpdate(opts)));
          live = { ...applied, metadata: { ...(applied['metadata'] as JsonObject), managedFields: entries as unknown as JsonValue } };
          referenceLive = structuredClone(live);
          continue;
        }
        const opts = { live, applied, manager, force, apiVersion: 'apps/v1', now: NOW[0]!, meta: deploymentMeta };
        const actual = outcome(() => serverSideApply(opts));
        assert.equal(actual, outcome(() => referenceServerSideApply({ ...opts, live: referenceLive })));
        const result = JSON.parse(actual) as { ok?: { object: JsonObject } };
        if (result.ok) {
          live = result.ok.object;
          referenceLive = structuredClone(live);
        }
      }
    }),
    { numRuns: 300 },
  );
});
