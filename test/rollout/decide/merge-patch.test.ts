import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyMergePatch, createMergePatch } from '../../../src/rollout/decide/merge-patch.ts';

const cases: Array<[string, unknown, unknown, unknown]> = [
  ['equal objects', { a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, undefined],
  ['changed scalar', { a: 1 }, { a: 2 }, { a: 2 }],
  ['removed member becomes null', { a: 1, b: 2 }, { a: 1 }, { b: null }],
  ['nested diff only', { s: { x: 1, y: 2 } }, { s: { x: 1, y: 3 } }, { s: { y: 3 } }],
  ['arrays replaced whole', { l: [1, 2, 3] }, { l: [1, 2] }, { l: [1, 2] }],
  ['object replaced by scalar', { o: { a: 1 } }, { o: 'x' }, { o: 'x' }],
  ['undefined members ignored', { a: 1, u: undefined }, { a: 1 }, undefined],
  ['new nested object', {}, { status: { phase: 'Healthy' } }, { status: { phase: 'Healthy' } }],
];

for (const [name, before, after, want] of cases) {
  test(`createMergePatch: ${name}`, () => {
    assert.deepEqual(createMergePatch(before, after), want);
  });
}

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4, noNullPrototype: true }),
})).object;

test('property: applying the diff of two objects turns the first into the second', () => {
  fc.assert(
    fc.property(json, json, (before, after) => {
      const patch = createMergePatch(before, after);
      const result = patch ? applyMergePatch(before, patch) : before;
      assert.deepEqual(result, JSON.parse(JSON.stringify(after)));
    }),
  );
});
