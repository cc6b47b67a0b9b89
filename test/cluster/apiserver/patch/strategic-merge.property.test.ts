import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyMergePatch,
  applyStrategicMergePatch,
  ATOMIC_META,
  patchMetaFor,
  PatchError,
} from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonObject, JsonValue } from '../../../../src/util/json.ts';
import { deploymentArb, jsonObject, safeKey, smpPatchArb } from './arbitraries.ts';

const deploymentMeta = patchMetaFor('apps', 'Deployment');

test('property: an empty strategic merge patch is the identity (any object, any meta)', () => {
  fc.assert(
    fc.property(fc.oneof(jsonObject, deploymentArb), fc.constantFrom(deploymentMeta, patchMetaFor('', 'Pod'), ATOMIC_META), (obj, meta) => {
      assert.deepEqual(applyStrategicMergePatch(obj, {}, meta), obj);
    }),
    { numRuns: 300 },
  );
});

test('property: strategic merge patch never mutates its inputs', () => {
  fc.assert(
    fc.property(deploymentArb, smpPatchArb, (original, patch) => {
      const original0 = structuredClone(original);
      const patch0 = structuredClone(patch);
      try {
        applyStrategicMergePatch(original, patch, deploymentMeta);
      } catch (err) {
        if (!(err instanceof PatchError)) throw err;
      }
      assert.deepEqual(original, original0);
      assert.deepEqual(patch, patch0);
    }),
    { numRuns: 500 },
  );
});

test('property: only PatchError escapes, and results never contain directives', () => {
  const hasDirective = (v: JsonValue): boolean =>
    Array.isArray(v)
      ? v.some(hasDirective)
      : typeof v === 'object' && v !== null
        ? Object.keys(v).some((k) => k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/') || hasDirective(v[k]!))
        : false;
  let applied = 0;
  fc.assert(
    fc.property(deploymentArb, smpPatchArb, (original, patch) => {
      try {
        const out = applyStrategicMergePatch(original, patch, deploymentMeta);
        applied++;
        assert.equal(hasDirective(out), false, JSON.stringify(out));
      } catch (err) {
        if (!(err instanceof PatchError)) throw err;
      }
    }),
    { numRuns: 500 },
  );
  assert.ok(applied > 100, `too few generated patches applied cleanly (${applied})`);
});

test('property: merge-keyed containers stay unique by name (unless a $patch: replace list repeats a name)', () => {
  fc.assert(
    fc.property(deploymentArb, smpPatchArb, (original, patch) => {
      const patched = ((patch as any).spec?.template?.spec?.containers ?? []) as { name?: string; $patch?: string }[];
      const patchedNames = patched.filter((c) => c.$patch === undefined || c.$patch === 'merge').map((c) => c.name);
      fc.pre(!patched.some((c) => c.$patch === 'replace') || new Set(patchedNames).size === patchedNames.length);
      let out: JsonObject;
      try {
        out = applyStrategicMergePatch(original, patch, deploymentMeta);
      } catch (err) {
        if (err instanceof PatchError) return;
        throw err;
      }
      const containers = ((out as any).spec?.template?.spec?.containers ?? []) as { name: string }[];
      const names = containers.map((c) => c.name);
      assert.equal(new Set(names).size, names.length, JSON.stringify(names));
      const finalizers = ((out as any).metadata?.finalizers ?? []) as string[];
      assert.equal(new Set(finalizers).size, finalizers.length);
    }),
    { numRuns: 500 },
  );
});

test('property: without lists strategies or directives, SMP agrees with JSON merge patch', () => {
  const noDollar = safeKey.filter((k) => !k.startsWith('$'));
  const value: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
      fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 2 })), { maxLength: 3 }),
      fc.dictionary(noDollar, tie('v'), { maxKeys: 3, noNullPrototype: true }),
    ),
  })).v;
  const obj = fc.dictionary(noDollar, value, { maxKeys: 4, noNullPrototype: true });
  fc.assert(
    fc.property(obj, obj, (original, patch) => {
      assert.deepEqual(applyStrategicMergePatch(original, patch, ATOMIC_META), applyMergePatch(original, patch));
    }),
    { numRuns: 500 },
  );
});
