/**
 * fast-check generators for managedFields tests: before/after object pairs under several
 * PatchMetas, FieldsV1 tries (canonical, reordered, or made of odd keys) and managedFields lists
 * with the malformed entries an API client may send.
 */
import fc from 'fast-check';
import { applyMergePatch, applyStrategicMergePatch, ATOMIC_META, patchMetaFor, type PatchMeta } from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonObject, JsonValue } from '../../../../src/util/json.ts';
import { deploymentArb, jsonObject, smpPatchArb } from './arbitraries.ts';
import { fieldSetOf as referenceFieldSetOf } from './reference/object-fields.ts';

export const deploymentMeta = patchMetaFor('apps', 'Deployment');
const podMeta = patchMetaFor('', 'Pod');

/** A Pod made of a generated Deployment's pod template. */
function podOf(d: JsonObject): JsonObject {
  const spec = (d['spec'] as JsonObject)['template'] as JsonObject;
  return { apiVersion: 'v1', kind: 'Pod', metadata: d['metadata']!, spec: spec['spec']!, status: { phase: 'Running' } };
}

/** Sometimes adds the metadata fields managedFields never tracks. */
const withServerMetadata = (obj: JsonObject, add: boolean): JsonObject => {
  if (!add) return obj;
  const metadata = (typeof obj['metadata'] === 'object' && obj['metadata'] !== null && !Array.isArray(obj['metadata']) ? obj['metadata'] : {}) as JsonObject;
  return { ...obj, metadata: { ...metadata, name: 'x', uid: 'u', resourceVersion: '3', generation: 2, managedFields: [] } };
};

function patchedOr(before: JsonObject, patch: (b: JsonObject) => JsonObject): JsonObject {
  try {
    return patch(before);
  } catch {
    return before;
  }
}

export interface ObjectPair {
  meta: PatchMeta;
  before: JsonObject | undefined;
  after: JsonObject;
}

const deploymentPair: fc.Arbitrary<ObjectPair> = fc
  .tuple(deploymentArb, deploymentArb, smpPatchArb, fc.constantFrom('create', 'replace', 'patch', 'patch', 'same'), fc.boolean())
  .map(([before, other, patch, how, server]) => {
    const after =
      how === 'create' || how === 'replace' ? other : how === 'same' ? structuredClone(before) : patchedOr(before, (b) => applyStrategicMergePatch(b, patch, deploymentMeta));
    return { meta: deploymentMeta, before: how === 'create' ? undefined : withServerMetadata(before, server), after: withServerMetadata(after, server) };
  });

const podPair: fc.Arbitrary<ObjectPair> = deploymentPair.map(({ before, after }) => ({ meta: podMeta, before: before && podOf(before), after: podOf(after) }));

const genericPair: fc.Arbitrary<ObjectPair> = fc
  .tuple(jsonObject, jsonObject, fc.constantFrom(deploymentMeta, ATOMIC_META), fc.constantFrom('create', 'replace', 'merge'))
  .map(([before, other, meta, how]) => ({
    meta,
    before: how === 'create' ? undefined : before,
    after: how === 'merge' ? (applyMergePatch(before, other) as JsonObject) : other,
  }));

/** Before/after pairs: creates, unrelated replacements, strategic merge patches, no-op writes, odd shapes. */
export const objectPairArb: fc.Arbitrary<ObjectPair> = fc.oneof(
  { arbitrary: deploymentPair, weight: 4 },
  { arbitrary: podPair, weight: 2 },
  { arbitrary: genericPair, weight: 1 },
);

/** A small deterministic PRNG, so FieldsV1 key orders can be shuffled from one generated seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same trie with keys in a random order, `.` entries moved, dropped or given odd values. */
function reorder(json: JsonObject, next: () => number): JsonObject {
  const keys = Object.keys(json);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const out: JsonObject = {};
  for (const key of keys) {
    const value = json[key]!;
    if (key === '.') {
      const r = next();
      if (r < 0.15) continue;
      out[key] = r < 0.3 ? 5 : r < 0.4 ? { 'f:x': {} } : {};
    } else {
      out[key] = typeof value === 'object' && value !== null && !Array.isArray(value) ? reorder(value, next) : value;
    }
  }
  if (next() < 0.1) out['.'] = {};
  return out;
}

const ODD_KEYS = [
  'f:spec',
  'f:metadata',
  'f:labels',
  'f:app',
  'f:replicas',
  'f:template',
  'f:containers',
  'f:image',
  'f:name',
  'f:env',
  'f:finalizers',
  'f:status',
  'f:phase',
  'k:{"name":"app"}',
  'k:{"name": "app"}',
  'k:{"name":"app","image":"nginx:1"}',
  'k:{"name":"A"}',
  'k:[1]',
  'k:bad',
  'v:"f/one"',
  'v:bad',
  'v:{"a":1}',
  'i:0',
  'i:1',
  'i:x',
  '.',
  'x',
  '5',
  '',
];

const oddTrie: fc.Arbitrary<JsonValue> = fc.letrec<{ node: JsonValue }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({}),
    fc.dictionary(fc.constantFrom(...ODD_KEYS), tie('node'), { maxKeys: 4, noNullPrototype: true }),
    fc.constantFrom<JsonValue>(3, [], null, 'x'),
  ),
})).node;

/** FieldsV1 values: as this server writes them, reordered, or odd (sometimes invalid). */
export const fieldsV1Arb: fc.Arbitrary<JsonValue> = fc.oneof(
  { arbitrary: fc.tuple(deploymentArb, fc.constantFrom(deploymentMeta, podMeta, ATOMIC_META)).map(([d, meta]) => referenceFieldSetOf(d, meta).toFieldsV1()), weight: 3 },
  {
    arbitrary: fc.tuple(deploymentArb, fc.integer()).map(([d, seed]) => reorder(referenceFieldSetOf(d, deploymentMeta).toFieldsV1(), random(seed))),
    weight: 2,
  },
  { arbitrary: oddTrie, weight: 1 },
);

const entryArb: fc.Arbitrary<JsonValue> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        manager: fc.constantFrom('a', 'b', 'kubectl', 'kubelet'),
        operation: fc.constantFrom('Update', 'Update', 'Apply', 'Delete'),
        apiVersion: fc.constantFrom('apps/v1', 'v1', 'apps/v1beta1'),
        time: fc.constantFrom('2025-01-01T10:00:00Z', '2025-01-01T09:00:00Z', '2024-12-31T23:59:59Z', '', 'garbage'),
        fieldsType: fc.constantFrom('FieldsV1', 'FieldsV1', 'FieldsV2'),
        fieldsV1: fieldsV1Arb,
        subresource: fc.constantFrom('', 'status', 'scale'),
      },
      { requiredKeys: ['manager', 'operation', 'fieldsV1'], noNullPrototype: true },
    ),
    weight: 8,
  },
  { arbitrary: fc.constantFrom<JsonValue>('nonsense', null, { manager: 7 }), weight: 1 },
);

/** metadata.managedFields as a client may send it: duplicates, unknown operations, odd FieldsV1. */
export const managedFieldsArb: fc.Arbitrary<JsonValue[]> = fc.array(entryArb, { maxLength: 4 });
