import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FieldSet, recordUpdate, type ManagedFieldsEntry } from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonObject } from '../../../../src/util/json.ts';

const T0 = new Date('2025-01-01T10:00:00Z');
const T1 = new Date('2025-01-01T11:00:00Z');

function pod(phase: string, image = 'nginx:1'): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'x' } },
    spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 80 }] }] },
    status: { phase },
  };
}

const byManager = (entries: ManagedFieldsEntry[], manager: string, subresource = ''): ManagedFieldsEntry =>
  entries.find((e) => e.manager === manager && (e.subresource ?? '') === subresource)!;

test('recordUpdate passes the FieldsV1 of managers the write does not touch through as the same objects', () => {
  const created = recordUpdate({ before: undefined, after: pod('Pending'), manager: 'kubectl', apiVersion: 'v1', now: T0, managedFields: [] });
  const status = recordUpdate({ before: pod('Pending'), after: pod('Running'), manager: 'kubelet', apiVersion: 'v1', now: T1, managedFields: created, subresource: 'status' });
  // kubectl lost status.phase, so its entry is new; kubelet's is new.
  assert.deepEqual(byManager(status, 'kubelet', 'status').fieldsV1, { 'f:status': { 'f:phase': {} } });

  const again = recordUpdate({ before: pod('Running'), after: pod('Succeeded'), manager: 'kubelet', apiVersion: 'v1', now: T1, managedFields: status, subresource: 'status' });
  assert.equal(byManager(again, 'kubectl').fieldsV1, byManager(status, 'kubectl').fieldsV1, 'untouched manager: same object');
  assert.equal(byManager(again, 'kubelet', 'status').fieldsV1, byManager(status, 'kubelet', 'status').fieldsV1, 'writer already owning what it changed: same object');

  const same = recordUpdate({ before: pod('Succeeded'), after: pod('Succeeded', 'nginx:2'), manager: 'kubectl', apiVersion: 'v1', now: T1, managedFields: again });
  assert.equal(byManager(same, 'kubectl').fieldsV1, byManager(again, 'kubectl').fieldsV1, 'a manager changing only its own fields keeps its set');

  const image = recordUpdate({ before: pod('Succeeded'), after: pod('Succeeded', 'nginx:2'), manager: 'kubectl-set', apiVersion: 'v1', now: T1, managedFields: again });
  assert.equal(byManager(image, 'kubelet', 'status').fieldsV1, byManager(again, 'kubelet', 'status').fieldsV1);
  // The entry that lost a field is re-encoded, sharing the subtrees the write left alone.
  const before = byManager(again, 'kubectl').fieldsV1 as any;
  const after = byManager(image, 'kubectl').fieldsV1 as any;
  assert.notEqual(after, before);
  assert.equal(after['f:spec']['f:containers']['k:{"name":"app"}']['f:image'], undefined);
  assert.equal(after['f:metadata'], before['f:metadata']);
  assert.equal(after['f:spec']['f:containers']['k:{"name":"app"}']['f:ports'], before['f:spec']['f:containers']['k:{"name":"app"}']['f:ports']);
});

test('FieldsV1 not in the form this server writes is re-encoded, not passed through', () => {
  const unsorted = { 'f:spec': { 'f:b': {}, 'f:a': {} } };
  assert.deepEqual(Object.keys((FieldSet.fromFieldsV1(unsorted)!.toFieldsV1() as any)['f:spec']), ['f:a', 'f:b']);
  const loneDot = { 'f:spec': { '.': {} } };
  assert.deepEqual(FieldSet.fromFieldsV1(loneDot)!.toFieldsV1(), { 'f:spec': {} });
  const canonical = { 'f:spec': { 'f:a': {}, 'f:b': {} } };
  assert.equal(FieldSet.fromFieldsV1(canonical)!.toFieldsV1(), canonical);
});
