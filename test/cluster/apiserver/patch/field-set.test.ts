import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fieldSetOf, FieldSet, formatPath, patchMetaFor, ATOMIC_META } from '../../../../src/cluster/apiserver/patch/index.ts';
import { deploymentArb } from './arbitraries.ts';

const deployment = {
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: {},
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], args: ['-v'] }],
        tolerations: [{ key: 'a' }],
      },
    },
  },
  metadata: { finalizers: ['example.com/x'] },
};

test('fieldSetOf: FieldsV1 like Kubernetes writes it (k: items with ".", v: set items, atomic lists and empty maps as leaves)', () => {
  assert.deepEqual(fieldSetOf(deployment, patchMetaFor('apps', 'Deployment')).toFieldsV1(), {
    'f:metadata': { 'f:finalizers': { 'v:"example.com/x"': {} } },
    'f:spec': {
      'f:replicas': {},
      'f:selector': { 'f:matchLabels': { 'f:app': {} } },
      'f:strategy': {},
      'f:template': {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:containers': {
            'k:{"name":"app"}': {
              '.': {},
              'f:args': {},
              'f:image': {},
              'f:name': {},
              'f:ports': { 'k:{"containerPort":80}': { '.': {}, 'f:containerPort': {} } },
            },
          },
          'f:tolerations': {},
        },
      },
    },
  });
});

test('fieldSetOf: with atomic metadata every list is one leaf', () => {
  const fields = fieldSetOf(deployment, ATOMIC_META).toFieldsV1() as any;
  assert.deepEqual(fields['f:spec']['f:template']['f:spec']['f:containers'], {});
  assert.deepEqual(fields['f:metadata'], { 'f:finalizers': {} });
});

test('fieldSetOf: a keyed list with a missing or duplicate key is treated as atomic', () => {
  const meta = patchMetaFor('', 'Pod');
  const fields = (obj: object) => (fieldSetOf(obj as any, meta).toFieldsV1() as any)['f:spec'];
  assert.deepEqual(fields({ spec: { containers: [{ image: 'x' }] } }), { 'f:containers': {} });
  assert.deepEqual(fields({ spec: { containers: [{ name: 'a' }, { name: 'a' }] } }), { 'f:containers': {} });
});

test('FieldSet reads FieldsV1 from a real managedFields entry and prints paths like the API server', () => {
  const fields = FieldSet.fromFieldsV1({
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    'f:spec': {
      'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
      'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } },
    },
    'f:metadata2': { 'f:finalizers': { 'v:"a/b"': {} } },
  })!;
  assert.deepEqual(fields.paths().map(formatPath), [
    '.metadata.labels',
    '.metadata.labels.app',
    '.metadata2.finalizers[="a/b"]',
    '.spec.ports[port=80,protocol="TCP"]',
    '.spec.ports[port=80,protocol="TCP"].port',
    '.spec.template.spec.containers[name="nginx"]',
    '.spec.template.spec.containers[name="nginx"].image',
    '.spec.template.spec.containers[name="nginx"].name',
  ]);
  assert.ok(fields.has(['f:metadata', 'f:labels']));
  assert.ok(!fields.has(['f:spec']));
  assert.ok(fields.hasAtOrUnder(['f:spec']));
  assert.ok(!fields.hasAtOrUnder(['f:status']));
});

test('FieldSet rejects malformed FieldsV1', () => {
  assert.equal(FieldSet.fromFieldsV1('x'), undefined);
  assert.equal(FieldSet.fromFieldsV1({ 'f:a': 1 }), undefined);
  assert.equal(FieldSet.fromFieldsV1({ 'f:a': [] }), undefined);
});

test('FieldSet operations', () => {
  const a = FieldSet.fromPaths([['f:a'], ['f:b', 'f:c'], ['f:b', 'f:d']]);
  const b = FieldSet.fromPaths([['f:b', 'f:c'], ['f:e']]);
  assert.deepEqual(a.union(b).toFieldsV1(), { 'f:a': {}, 'f:b': { 'f:c': {}, 'f:d': {} }, 'f:e': {} });
  assert.deepEqual(a.difference(b).toFieldsV1(), { 'f:a': {}, 'f:b': { 'f:d': {} } });
  assert.deepEqual(a.intersection(b).toFieldsV1(), { 'f:b': { 'f:c': {} } });
  assert.ok(FieldSet.empty().isEmpty());
  assert.ok(a.difference(a).isEmpty());
  assert.ok(a.union(b).equals(b.union(a)));
});

test('property: FieldsV1 round-trips', () => {
  const meta = patchMetaFor('apps', 'Deployment');
  fc.assert(
    fc.property(deploymentArb, (d) => {
      const set = fieldSetOf(d, meta);
      const back = FieldSet.fromFieldsV1(set.toFieldsV1())!;
      assert.ok(back.equals(set));
      assert.deepEqual(back.toFieldsV1(), set.toFieldsV1());
    }),
    { numRuns: 200 },
  );
});
