import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import { canonicalJson, computePodTemplateHash, computeStepHash, fnv1a32, safeEncodeString } from '../../src/rollout/hash.ts';
import { canaryRollout } from './fixtures.ts';

const enc = new TextEncoder();

test('FNV-1a 32 reference vectors', () => {
  assert.equal(fnv1a32(enc.encode('')), 0x811c9dc5);
  assert.equal(fnv1a32(enc.encode('a')), 0xe40c292c);
  assert.equal(fnv1a32(enc.encode('foobar')), 0xbf9cf968);
});

test('SafeEncodeString maps each character into the 27-char alphabet', () => {
  // '0' is 48 → 48 % 27 = 21 → '4'; '9' is 57 → 3 → 'f'
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  assert.match(safeEncodeString('4294967295'), /^[bcdfghjklmnpqrstvwxz2456789]+$/);
});

const template: PodTemplateSpec = {
  metadata: { labels: { app: 'demo' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
};

test('pod-template hash is deterministic and key-order independent', () => {
  const a = computePodTemplateHash(template);
  const reordered: PodTemplateSpec = { spec: { containers: [{ ports: [{ containerPort: 80 }], image: 'nginx:1.25', name: 'c' }] }, metadata: { labels: { app: 'demo' } } };
  assert.equal(computePodTemplateHash(reordered), a);
  assert.match(a, /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
});

test('pod-template hash ignores null/empty noise that means "absent"', () => {
  const noisy = { metadata: { labels: { app: 'demo' }, annotations: {}, creationTimestamp: null }, spec: { ...template.spec, initContainers: [] } } as unknown as PodTemplateSpec;
  assert.equal(computePodTemplateHash(noisy), computePodTemplateHash(template));
});

test('collisionCount changes the hash (8-byte little-endian suffix)', () => {
  const h0 = computePodTemplateHash(template);
  const h1 = computePodTemplateHash(template, 1);
  const h1b = computePodTemplateHash(template, 1);
  assert.notEqual(h0, h1);
  assert.equal(h1, h1b);
  assert.notEqual(computePodTemplateHash(template, 0), h0, 'a non-nil collisionCount of 0 is still mixed in');
});

test('step hash changes with the steps and is empty for blue-green', () => {
  const a = computeStepHash(canaryRollout({ steps: [{ setWeight: 10 }] }));
  const b = computeStepHash(canaryRollout({ steps: [{ setWeight: 20 }] }));
  assert.notEqual(a, b);
  assert.equal(computeStepHash({ spec: { strategy: { blueGreen: { activeService: 'a' } } } }), '');
});

test('property: hash is deterministic and changes when the image changes', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ minLength: 1, maxLength: 30 }), fc.option(fc.nat(1000), { nil: undefined }), (img1, img2, cc) => {
      const t = (image: string): PodTemplateSpec => ({ metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image }] } });
      assert.equal(computePodTemplateHash(t(img1), cc), computePodTemplateHash(structuredClone(t(img1)), cc));
      if (img1 !== img2) assert.notEqual(computePodTemplateHash(t(img1), cc), computePodTemplateHash(t(img2), cc));
    }),
    { numRuns: 300 },
  );
});

test('property: canonical JSON is insensitive to key order', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      assert.equal(canonicalJson(reversed), canonicalJson(obj));
    }),
  );
});
