import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podsToDelete } from '../../../../src/cluster/sim/replicaset/active-pods.ts';
import { calculateStatus, rsStatusEqual } from '../../../../src/cluster/sim/replicaset/rs-status.ts';
import { podFromTemplate, podNamePrefix } from '../../../../src/cluster/sim/replicaset/pod-template.ts';
import { newControllerRef } from '../../../../src/cluster/sim/util/controller-ref.ts';
import { pod, rs, T0 } from '../fixtures.ts';

const NOW = T0 + 3_600_000;
const names = (ps: { metadata: { name?: string } }[]): string[] => ps.map((p) => p.metadata.name ?? '');

test('scale-down order (ActivePods ranking), one rule per row', () => {
  const rows: Array<[string, Parameters<typeof pod>[0], Parameters<typeof pod>[0]]> = [
    // [rule, deleted first, kept]
    ['unassigned before assigned', { phase: 'Pending' }, { node: 'n', phase: 'Pending' }],
    ['pending before running', { node: 'n', phase: 'Pending' }, { node: 'n', phase: 'Running' }],
    ['not ready before ready', { node: 'n', ready: false }, { node: 'n', ready: true }],
    ['lower deletion cost first', { node: 'n', ready: true, annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-5' } }, { node: 'n', ready: true }],
    ['ready for less time first', { node: 'n', ready: true, readySince: 3_500_000 }, { node: 'n', ready: true, readySince: 0 }],
    ['more restarts first', { node: 'n', ready: true, restarts: 5 }, { node: 'n', ready: true, restarts: 0 }],
    ['newer first', { node: 'n', created: 3_000_000 }, { node: 'n', created: 0 }],
  ];
  for (const [rule, first, kept] of rows) {
    const a = pod({ name: 'kept', ...kept });
    const b = pod({ name: 'first', ...first });
    assert.deepEqual(names(podsToDelete([a, b], [a, b], 1, NOW)), ['first'], rule);
  }
});

test('pods doubled up on a node go before lone ones', () => {
  const lone = pod({ name: 'lone', node: 'n1', ready: true });
  const d1 = pod({ name: 'd1', node: 'n2', ready: true, uid: 'b' });
  const d2 = pod({ name: 'd2', node: 'n2', ready: true, uid: 'a' });
  const victims = names(podsToDelete([lone, d1, d2], [lone, d1, d2], 1, NOW));
  assert.ok(victims[0] === 'd1' || victims[0] === 'd2', victims.join());
});

test('age buckets are logarithmic: similar ages tie and fall back to UID', () => {
  const a = pod({ name: 'a', node: 'n', uid: 'uid-2', created: 1000 });
  const b = pod({ name: 'b', node: 'n', uid: 'uid-1', created: 2000 });
  assert.deepEqual(names(podsToDelete([a, b], [a, b], 1, NOW)), ['b'], 'same log2 bucket: lower UID first');
});

test('deleting all (or more) returns every pod', () => {
  const ps = [pod({ name: 'a' }), pod({ name: 'b' })];
  assert.equal(podsToDelete(ps, ps, 5, NOW).length, 2);
});

test('status counts pods, fully labelled, ready and available (minReadySeconds)', () => {
  const r = rs({ replicas: 3, minReadySeconds: 10, generation: 4 });
  const pods = [
    pod({ name: 'a', node: 'n', ready: true, readySince: 0, labels: { app: 'web' } }),
    pod({ name: 'b', node: 'n', ready: true, readySince: 8000, labels: { app: 'web' } }),
    pod({ name: 'c', node: 'n', ready: false, labels: { other: 'x' } }),
  ];
  const { status, nextAvailableAt } = calculateStatus(r, pods, undefined, T0 + 12_000);
  assert.deepEqual(status, { replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 4 });
  assert.equal(nextAvailableAt, T0 + 18_001);
});

test('ReplicaFailure: set with FailedCreate / FailedDelete on a manage error, removed after a clean sync', () => {
  const r = rs({ replicas: 3 });
  const failed = calculateStatus(r, [], 'pods "x" is forbidden: exceeded quota', T0).status;
  assert.deepEqual(failed.conditions, [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "x" is forbidden: exceeded quota', lastTransitionTime: '2024-01-01T00:00:00Z' }]);
  const tooMany = calculateStatus(rs({ replicas: 0 }), [pod()], 'boom', T0).status;
  assert.equal(tooMany.conditions?.[0]?.reason, 'FailedDelete');
  const healed = calculateStatus({ ...r, status: failed }, [], undefined, T0).status;
  assert.equal(healed.conditions, undefined);
  assert.equal(rsStatusEqual(failed, failed), true);
  assert.equal(rsStatusEqual({ replicas: 0 }, { replicas: 0, fullyLabeledReplicas: 0, readyReplicas: 0, availableReplicas: 0, observedGeneration: 0 }), true);
});

test('pods from the template: generateName <rs>-, labels, annotations, controller ref, spec', () => {
  const r = rs({ name: 'web-abc' });
  r.spec!.template!.metadata!.annotations = { a: 'b' };
  const p = podFromTemplate(r, newControllerRef(r, 'apps/v1', 'ReplicaSet'));
  assert.equal(p.metadata.generateName, 'web-abc-');
  assert.deepEqual(p.metadata.labels, { app: 'web' });
  assert.deepEqual(p.metadata.annotations, { a: 'b' });
  assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-web-abc', controller: true, blockOwnerDeletion: true }]);
  assert.equal(p.spec?.containers[0]?.image, 'nginx:1');
  assert.equal(podNamePrefix('x'.repeat(253)), 'x'.repeat(253));
});
