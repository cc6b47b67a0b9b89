import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordUpdate, type ManagedFieldsEntry } from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonObject } from '../../../../src/util/json.ts';

const T0 = new Date('2025-01-01T10:00:00.123Z');
const T1 = new Date('2025-01-01T11:00:00Z');

function deployment(replicas: number, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7', generation: 2, creationTimestamp: '2025-01-01T00:00:00Z', labels: { app: 'web' } },
    spec: { replicas, template: { spec: { containers: [{ name: 'app', image: 'nginx:1' }] } } },
    ...extra,
  };
}

const fieldsOf = (entries: ManagedFieldsEntry[], manager: string) => entries.find((e) => e.manager === manager)?.fieldsV1;

test('recordUpdate on create: the creator owns every field except the ones Kubernetes never tracks', () => {
  const entries = recordUpdate({ before: undefined, after: deployment(2), manager: 'kubectl-create', apiVersion: 'apps/v1', now: T0, managedFields: undefined });
  assert.deepEqual(entries, [
    {
      manager: 'kubectl-create',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: '2025-01-01T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
        },
      },
    },
  ]);
});

test('recordUpdate: a changed field moves to the writer; the previous owner keeps the rest and its time', () => {
  const created = recordUpdate({ before: undefined, after: deployment(2), manager: 'kubectl-create', apiVersion: 'apps/v1', now: T0, managedFields: undefined });
  const entries = recordUpdate({ before: deployment(2), after: deployment(5), manager: 'kubectl-scale', apiVersion: 'apps/v1', now: T1, managedFields: created });
  assert.deepEqual(entries.map((e) => [e.manager, e.time]), [
    ['kubectl-create', '2025-01-01T10:00:00Z'],
    ['kubectl-scale', '2025-01-01T11:00:00Z'],
  ]);
  assert.deepEqual(fieldsOf(entries, 'kubectl-scale'), { 'f:spec': { 'f:replicas': {} } });
  assert.equal((fieldsOf(entries, 'kubectl-create') as any)['f:spec']['f:replicas'], undefined);
});

test('recordUpdate: an unchanged write adds no entry and keeps times', () => {
  const created = recordUpdate({ before: undefined, after: deployment(2), manager: 'a', apiVersion: 'apps/v1', now: T0, managedFields: undefined });
  assert.deepEqual(recordUpdate({ before: deployment(2), after: deployment(2), manager: 'b', apiVersion: 'apps/v1', now: T1, managedFields: created }), created);
  assert.deepEqual(recordUpdate({ before: deployment(2), after: deployment(2), manager: 'a', apiVersion: 'apps/v1', now: T1, managedFields: created }), created);
});

test('recordUpdate: removed fields leave every set; empty entries disappear', () => {
  const created = recordUpdate({ before: undefined, after: deployment(2), manager: 'a', apiVersion: 'apps/v1', now: T0, managedFields: undefined });
  const labelled = deployment(2, { metadata: { name: 'web', labels: { app: 'web', tier: 'x' } } });
  const withTier = recordUpdate({ before: deployment(2), after: labelled, manager: 'labeler', apiVersion: 'apps/v1', now: T1, managedFields: created });
  assert.deepEqual(fieldsOf(withTier, 'labeler'), { 'f:metadata': { 'f:labels': { 'f:tier': {} } } });
  const noLabels = deployment(2, { metadata: { name: 'web' } });
  const after = recordUpdate({ before: labelled, after: noLabels, manager: 'a', apiVersion: 'apps/v1', now: T1, managedFields: withTier });
  assert.deepEqual(after.map((e) => e.manager), ['a']);
  assert.equal((fieldsOf(after, 'a') as any)['f:metadata'], undefined);
});

test('recordUpdate: a list item added by another manager is a k: member of that manager', () => {
  const created = recordUpdate({ before: undefined, after: deployment(2), manager: 'a', apiVersion: 'apps/v1', now: T0, managedFields: undefined });
  const two = deployment(2);
  (two as any).spec.template.spec.containers.push({ name: 'sidecar', image: 'envoy', env: [{ name: 'X', value: '1' }] });
  const entries = recordUpdate({ before: deployment(2), after: two, manager: 'injector', apiVersion: 'apps/v1', now: T1, managedFields: created });
  assert.deepEqual(fieldsOf(entries, 'injector'), {
    'f:spec': {
      'f:template': {
        'f:spec': {
          'f:containers': {
            'k:{"name":"sidecar"}': { '.': {}, 'f:env': { 'k:{"name":"X"}': { '.': {}, 'f:name': {}, 'f:value': {} } }, 'f:image': {}, 'f:name': {} },
          },
        },
      },
    },
  });
});

test('recordUpdate: subresource and apiVersion are part of an Update manager identity', () => {
  const created = recordUpdate({ before: undefined, after: deployment(2), manager: 'ctl', apiVersion: 'apps/v1', now: T0, managedFields: undefined });
  const withStatus = deployment(2, { status: { replicas: 2 } });
  const status = recordUpdate({ before: deployment(2), after: withStatus, manager: 'ctl', apiVersion: 'apps/v1', now: T1, managedFields: created, subresource: 'status' });
  assert.equal(status.length, 2);
  assert.deepEqual(status[1], {
    manager: 'ctl',
    operation: 'Update',
    apiVersion: 'apps/v1',
    time: '2025-01-01T11:00:00Z',
    fieldsType: 'FieldsV1',
    fieldsV1: { 'f:status': { 'f:replicas': {} } },
    subresource: 'status',
  });
  const other = recordUpdate({ before: withStatus, after: deployment(3, { status: { replicas: 2 } }), manager: 'ctl', apiVersion: 'apps/v1beta1', now: T1, managedFields: status });
  assert.deepEqual(other.map((e) => [e.apiVersion, e.subresource ?? '']), [['apps/v1', ''], ['apps/v1', 'status'], ['apps/v1beta1', '']].sort());
});

test('recordUpdate: entries are sorted like Kubernetes (Apply first, then by time, then manager)', () => {
  const managedFields = [
    { manager: 'z', operation: 'Update', apiVersion: 'apps/v1', time: '2025-01-01T09:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
    { manager: 'b', operation: 'Update', apiVersion: 'apps/v1', time: '2025-01-01T08:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:app': {} } } } },
    { manager: 'applier', operation: 'Apply', apiVersion: 'apps/v1', time: '2025-01-01T09:30:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
  ];
  const entries = recordUpdate({ before: deployment(2), after: deployment(2), manager: 'x', apiVersion: 'apps/v1', now: T1, managedFields });
  assert.deepEqual(entries.map((e) => e.manager), ['applier', 'b', 'z']);
});

test('recordUpdate: unreadable managedFields entries are dropped', () => {
  const managedFields = [
    { manager: 'ok', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
    { manager: 'bad-op', operation: 'Delete', fieldsV1: {} },
    { manager: 'bad-fields', operation: 'Update', fieldsV1: { 'f:spec': 3 } },
    'nonsense',
  ];
  const entries = recordUpdate({ before: deployment(2), after: deployment(2), manager: 'x', apiVersion: 'apps/v1', now: T1, managedFields });
  assert.deepEqual(entries.map((e) => e.manager), ['ok']);
});
