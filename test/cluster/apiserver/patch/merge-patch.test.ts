import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyMergePatch, createMergePatch, PatchError } from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonValue } from '../../../../src/util/json.ts';
import { jsonWithoutObjectNulls, safeKey } from './arbitraries.ts';

// RFC 7386 Appendix A, verbatim.
const rfcCases: [JsonValue, JsonValue, JsonValue][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

for (const [i, [target, patch, expected]] of rfcCases.entries()) {
  test(`RFC 7386 appendix A case ${i + 1}: ${JSON.stringify(target)} + ${JSON.stringify(patch)}`, () => {
    assert.deepEqual(applyMergePatch(target, patch), expected);
  });
}

test('RFC 7386 section 3 example', () => {
  const target = { title: 'Goodbye!', author: { givenName: 'John', familyName: 'Doe' }, tags: ['example', 'sample'], content: 'This will be unchanged' };
  const patch = { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] };
  assert.deepEqual(applyMergePatch(target, patch), {
    title: 'Hello!',
    author: { givenName: 'John' },
    tags: ['example'],
    content: 'This will be unchanged',
    phoneNumber: '+01-123-456-7890',
  });
});

test('merge patch onto a missing document starts from nothing', () => {
  assert.deepEqual(applyMergePatch(undefined, { a: { b: null, c: 1 } }), { a: { c: 1 } });
});

test('merge patch never mutates or aliases its inputs', () => {
  const target = { metadata: { labels: { a: '1' } }, spec: { list: [1, 2] } };
  const patch = { metadata: { labels: { b: '2' } }, spec: { other: { x: 1 } } };
  const t0 = structuredClone(target);
  const p0 = structuredClone(patch);
  const out = applyMergePatch(target, patch) as { spec: { list: number[]; other: { x: number } } };
  assert.deepEqual(target, t0);
  assert.deepEqual(patch, p0);
  out.spec.list.push(3);
  out.spec.other.x = 2;
  assert.deepEqual(target, t0);
  assert.deepEqual(patch, p0);
});

test('merge patch rejects prototype-polluting keys', () => {
  const polluting = [JSON.parse('{"__proto__": {"polluted": true}}'), JSON.parse('{"a": {"constructor": {"prototype": {"polluted": true}}}}')];
  for (const patch of polluting) {
    assert.throws(() => applyMergePatch({}, patch), PatchError);
  }
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('merge patch treats constructor and toString as ordinary keys', () => {
  assert.deepEqual(applyMergePatch({}, { constructor: { a: 1 }, toString: 'x' }), { constructor: { a: 1 }, toString: 'x' });
  assert.deepEqual(applyMergePatch({ constructor: 1 }, { constructor: null }), {});
});

test('property: applying the merge diff of two documents reproduces the target', () => {
  fc.assert(
    fc.property(jsonWithoutObjectNulls, jsonWithoutObjectNulls, (from, to) => {
      assert.deepEqual(applyMergePatch(from, createMergePatch(from, to)), to);
    }),
    { numRuns: 500 },
  );
});

test('property: the merge diff of a document with itself is empty and a no-op', () => {
  fc.assert(
    fc.property(fc.dictionary(safeKey, jsonWithoutObjectNulls, { noNullPrototype: true }), (doc) => {
      assert.deepEqual(createMergePatch(doc, doc), {});
      assert.deepEqual(applyMergePatch(doc, {}), doc);
    }),
  );
});
