/** fast-check generators shared by the patch tests. */
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../../../src/util/json.ts';

const BANNED = new Set(['__proto__', 'constructor', 'prototype']);
export const safeKey = fc.string({ maxLength: 6 }).filter((k) => !BANNED.has(k));

/** JSON where object values are never null (merge patch cannot express those); arrays may hold nulls. */
export const jsonWithoutObjectNulls: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean()),
    fc.array(fc.oneof(tie('value'), fc.constant(null)), { maxLength: 3 }),
    fc.dictionary(safeKey, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** Any JSON object with safe keys. */
export const jsonObject: fc.Arbitrary<JsonObject> = fc.dictionary(
  safeKey,
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as JsonValue),
  { maxKeys: 5, noNullPrototype: true },
).filter((o) => !JSON.stringify(o).includes('"__proto__"'));

const containerName = fc.constantFrom('app', 'sidecar', 'init', 'proxy');
const envName = fc.constantFrom('A', 'B', 'C');
const finalizer = fc.constantFrom('f/one', 'f/two', 'f/three');

const envVar = fc.record({ name: envName, value: fc.string({ maxLength: 3 }) }, { noNullPrototype: true });
const container = fc.record(
  {
    name: containerName,
    image: fc.constantFrom('nginx:1', 'nginx:2', 'redis'),
    env: fc.uniqueArray(envVar, { selector: (e) => e.name, maxLength: 3 }),
    args: fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
  },
  { requiredKeys: ['name'], noNullPrototype: true },
);

/** Deployment-shaped objects exercising merge-keyed lists, set lists and atomic lists. */
export const deploymentArb: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      labels: fc.dictionary(fc.constantFrom('app', 'tier', 'team'), fc.string({ maxLength: 3 }), { noNullPrototype: true }),
      finalizers: fc.uniqueArray(finalizer, { maxLength: 3 }),
      replicas: fc.nat(5),
      strategy: fc.constantFrom<JsonObject>({ type: 'Recreate' }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }),
      containers: fc.uniqueArray(container, { selector: (c) => c.name, maxLength: 3 }),
      tolerations: fc.array(fc.record({ key: fc.string({ maxLength: 2 }) }, { noNullPrototype: true }), { maxLength: 2 }),
    },
    { noNullPrototype: true },
  )
  .map((d) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: d.labels, finalizers: d.finalizers },
    spec: { replicas: d.replicas, strategy: d.strategy, template: { spec: { containers: d.containers, tolerations: d.tolerations } } },
  }))
  .map((d) => JSON.parse(JSON.stringify(d)) as JsonObject);

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });

const containerPatch = fc.oneof(
  { arbitrary: container, weight: 6 },
  { arbitrary: fc.record({ name: containerName, $patch: fc.constantFrom('delete', 'delete', 'merge', 'bogus') }, { noNullPrototype: true }), weight: 2 },
  { arbitrary: fc.record({ name: containerName, image: fc.constant(null) }, { noNullPrototype: true }), weight: 1 },
  {
    arbitrary: fc.record(
      {
        name: containerName,
        env: fc.array(fc.oneof(envVar, fc.record({ name: envName, $patch: fc.constant('delete') }, { noNullPrototype: true })), { maxLength: 3 }),
        '$setElementOrder/env': fc.uniqueArray(fc.record({ name: envName }, { noNullPrototype: true }), { selector: (e) => e.name, maxLength: 3 }),
      },
      { requiredKeys: ['name'], noNullPrototype: true },
    ),
    weight: 1,
  },
  { arbitrary: fc.constant({ $patch: 'replace' }), weight: 1 },
  { arbitrary: fc.record({ image: fc.constant('no-name') }, { noNullPrototype: true }), weight: 1 },
);

/** An order list: usually consistent with the patch list (as kubectl sends), sometimes arbitrary. */
function orderFor<T>(patchItems: T[], arbitrary: T[], mode: 'none' | 'consistent' | 'arbitrary', id: (t: T) => unknown): T[] | undefined {
  if (mode === 'none') return undefined;
  if (mode === 'arbitrary') return arbitrary;
  const seen = new Set<unknown>();
  return [...patchItems, ...arbitrary].filter((t) => !seen.has(id(t)) && (seen.add(id(t)), true));
}

const orderMode = fc.constantFrom<'none' | 'consistent' | 'arbitrary'>('none', 'none', 'consistent', 'consistent', 'arbitrary');

/** Strategic merge patches for deploymentArb, with every directive, valid or not. */
export const smpPatchArb: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      labels: maybe(fc.dictionary(fc.constantFrom('app', 'tier', 'team', 'app', 'tier', '$patch'), fc.oneof(fc.string({ maxLength: 2 }), fc.constant(null), fc.constant('replace')), { noNullPrototype: true })),
      finalizers: maybe(fc.uniqueArray(finalizer, { maxLength: 3 })),
      deleteFinalizers: maybe(fc.array(finalizer, { maxLength: 2 })),
      finalizerOrder: orderMode,
      extraFinalizers: fc.uniqueArray(finalizer, { maxLength: 2 }),
      replicas: maybe(fc.oneof(fc.nat(5), fc.constant(null))),
      strategy: maybe(fc.constantFrom<JsonObject>({ $retainKeys: ['type'], type: 'Recreate' }, { type: 'RollingUpdate' }, { $patch: 'delete' }, { $patch: 'replace', type: 'Recreate' }, { $retainKeys: 'bad' })),
      containers: maybe(fc.array(containerPatch, { maxLength: 4 })),
      containerOrder: orderMode,
      extraContainers: fc.uniqueArray(containerName, { maxLength: 2 }),
      tolerations: maybe(fc.array(fc.record({ key: fc.string({ maxLength: 2 }) }, { noNullPrototype: true }), { maxLength: 2 })),
    },
    { noNullPrototype: true },
  )
  .map((p) => {
    const named = (p.containers ?? []).flatMap((c: Record<string, unknown>) => (typeof c['name'] === 'string' && !('$patch' in c) ? [c['name']] : []));
    const containerOrder = orderFor(named, p.extraContainers, p.containerOrder, (n) => n)?.map((name) => ({ name }));
    const metadata = {
      labels: p.labels,
      finalizers: p.finalizers,
      '$deleteFromPrimitiveList/finalizers': p.deleteFinalizers,
      '$setElementOrder/finalizers': orderFor(p.finalizers ?? [], p.extraFinalizers, p.finalizerOrder, (f) => f),
    };
    const podSpec = { containers: p.containers, '$setElementOrder/containers': containerOrder, tolerations: p.tolerations };
    return JSON.parse(JSON.stringify({ metadata, spec: { replicas: p.replicas, strategy: p.strategy, template: { spec: podSpec } } })) as JsonObject;
  });
