import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonPatch, PatchError } from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonValue } from '../../../../src/util/json.ts';

const deployment = (): JsonValue => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'web' } },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } } },
});

const ok: [string, unknown, (doc: any) => unknown, unknown][] = [
  ['replace a scalar', [{ op: 'replace', path: '/spec/replicas', value: 5 }], (d) => d.spec.replicas, 5],
  ['add a map key', [{ op: 'add', path: '/metadata/labels/tier', value: 'front' }], (d) => d.metadata.labels.tier, 'front'],
  ['escaped pointer (~1 for /)', [{ op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'x' }], (d) => d.metadata.labels['app.kubernetes.io/name'], 'x'],
  ['remove a key', [{ op: 'remove', path: '/metadata/labels/app' }], (d) => d.metadata.labels.app, undefined],
  ['append with -', [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'side', image: 'busybox' } }], (d) => d.spec.template.spec.containers.map((c: any) => c.name), ['app', 'side']],
  ['insert at index 0', [{ op: 'add', path: '/spec/template/spec/containers/0', value: { name: 'first' } }], (d) => d.spec.template.spec.containers[0].name, 'first'],
  ['test then replace', [{ op: 'test', path: '/spec/replicas', value: 2 }, { op: 'replace', path: '/spec/replicas', value: 3 }], (d) => d.spec.replicas, 3],
  ['move', [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/name' }], (d) => d.metadata.labels, { name: 'web', 'app.kubernetes.io/name': 'web' }],
  ['copy', [{ op: 'copy', from: '/spec/replicas', path: '/spec/minReadySeconds' }], (d) => d.spec.minReadySeconds, 2],
  ['replace the whole document', [{ op: 'replace', path: '', value: { a: 1 } }], (d) => d, { a: 1 }],
  ['empty patch is identity', [], (d) => d, deployment()],
];

for (const [name, ops, pick, expected] of ok) {
  test(`json patch: ${name}`, () => {
    assert.deepEqual(pick(applyJsonPatch(deployment(), ops)), expected);
  });
}

const failures: [string, unknown, string, number][] = [
  ['failed test op', [{ op: 'test', path: '/spec/replicas', value: 3 }], 'testing value /spec/replicas failed: test failed', 422],
  ['replace a missing path', [{ op: 'replace', path: '/spec/foo', value: 1 }], 'replace operation does not apply: doc is missing path: "/spec/foo": missing value', 422],
  ['remove a missing path', [{ op: 'remove', path: '/spec/foo' }], 'remove operation does not apply: doc is missing path: "/spec/foo": missing value', 422],
  ['add under a missing parent', [{ op: 'add', path: '/spec/foo/bar', value: 1 }], 'add operation does not apply: doc is missing path: "/spec/foo/bar": missing value', 422],
  ['move from a missing path', [{ op: 'move', from: '/nope', path: '/spec/x' }], 'move operation does not apply: doc is missing from path: "/nope": missing value', 422],
  ['index out of range', [{ op: 'add', path: '/spec/template/spec/containers/5', value: {} }], 'add operation does not apply: unable to access invalid index in path "/spec/template/spec/containers/5": invalid index referenced', 422],
  ['unknown op', [{ op: 'frobnicate', path: '/a' }], 'Unexpected kind: frobnicate', 422],
  ['not an array', { op: 'add', path: '/a', value: 1 }, 'json patch must be a JSON array of operations', 400],
  ['operation not an object', ['add'], 'json patch operation 0 is not an object', 400],
  ['missing value', [{ op: 'add', path: '/a' }], 'json patch operation 0 (add) is missing "value"', 400],
  ['missing from', [{ op: 'copy', path: '/a' }], 'json patch operation 0 (copy) is missing "from"', 400],
  ['path without leading slash', [{ op: 'add', path: 'a', value: 1 }], 'json patch operation 0 (add): path "a" must be empty or start with "/"', 400],
  ['__proto__ path', [{ op: 'add', path: '/__proto__/polluted', value: true }], 'json patch: modifying "__proto__" or "constructor/prototype" is not allowed', 400],
];

for (const [name, ops, message, code] of failures) {
  test(`json patch fails: ${name}`, () => {
    assert.throws(
      () => applyJsonPatch(deployment(), ops),
      (err: unknown) => err instanceof PatchError && err.message === message && err.code === code,
    );
  });
}

test('json patch: the error names the failing operation, not the first one', () => {
  const ops = [
    { op: 'replace', path: '/spec/replicas', value: 3 },
    { op: 'test', path: '/metadata/name', value: 'other' },
  ];
  assert.throws(() => applyJsonPatch(deployment(), ops), { message: 'testing value /metadata/name failed: test failed' });
});

test('json patch never mutates the document or the operations, and shares nothing with them', () => {
  const doc = deployment();
  const value = { name: 'side', env: [{ name: 'A', value: '1' }] };
  const ops = [{ op: 'add', path: '/spec/template/spec/containers/-', value }];
  const doc0 = structuredClone(doc);
  const ops0 = structuredClone(ops);
  const out = applyJsonPatch(doc, ops) as any;
  assert.deepEqual(doc, doc0);
  assert.deepEqual(ops, ops0);
  out.spec.template.spec.containers[1].env[0].value = 'changed';
  assert.equal(value.env[0]!.value, '1');
});

test('json patch: a failing patch leaves nothing half-applied', () => {
  const doc = deployment();
  const doc0 = structuredClone(doc);
  assert.throws(() => applyJsonPatch(doc, [{ op: 'replace', path: '/spec/replicas', value: 9 }, { op: 'remove', path: '/nope' }]), PatchError);
  assert.deepEqual(doc, doc0);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
