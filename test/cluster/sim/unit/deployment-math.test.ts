import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxSurge, maxUnavailable, resolveFenceposts } from '../../../../src/cluster/sim/deployment/fenceposts.ts';
import { specOf } from '../../../../src/cluster/sim/deployment/spec.ts';
import { isSaturated, setNewReplicaSetAnnotations } from '../../../../src/cluster/sim/deployment/rs-annotations.ts';
import { equalIgnoreHash, findNewReplicaSet } from '../../../../src/cluster/sim/deployment/rs-util.ts';
import { replicaSetsToCleanUp } from '../../../../src/cluster/sim/deployment/cleanup.ts';
import { deployment, rs } from '../fixtures.ts';

test('fenceposts: surge rounds up, unavailable rounds down, never both zero', () => {
  const rows: Array<[number, number | string, number | string, number, number]> = [
    [10, '25%', '25%', 3, 2],
    [4, '25%', '25%', 1, 1],
    [3, '25%', '25%', 1, 0],
    [1, '25%', '25%', 1, 0],
    [3, 0, 0, 0, 1],
    [5, '10%', '10%', 1, 0],
    [10, 2, '30%', 2, 3],
    [0, '25%', '25%', 0, 1],
  ];
  for (const [replicas, s, u, surge, unavailable] of rows) {
    assert.deepEqual(resolveFenceposts(s, u, replicas), { surge, unavailable }, JSON.stringify([replicas, s, u]));
  }
  assert.equal(maxUnavailable(specOf(deployment({ replicas: 0 }))), 0);
  assert.equal(maxUnavailable(specOf(deployment({ replicas: 2, maxSurge: 0, maxUnavailable: 5 }))), 2, 'capped at replicas');
  assert.equal(maxSurge(specOf(deployment({ strategy: 'Recreate' }))), 0);
  assert.throws(() => resolveFenceposts('abc', 0, 3), /invalid value/);
});

test('spec defaults for a bare deployment', () => {
  const d = deployment();
  delete d.spec!.strategy;
  delete d.spec!.progressDeadlineSeconds;
  delete d.spec!.revisionHistoryLimit;
  delete d.spec!.replicas;
  assert.deepEqual(specOf(d), { replicas: 1, strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%', minReadySeconds: 0, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, paused: false });
  assert.equal(specOf(deployment({ progressDeadlineSeconds: 2147483647 })).progressDeadlineSeconds, undefined);
});

test('revision annotations: bump on the new ReplicaSet, keep history on a rollback', () => {
  const d = deployment({ annotations: { team: 'a', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } });
  const fresh = rs({ name: 'new' });
  fresh.metadata.annotations = {};
  assert.equal(setNewReplicaSetAnnotations(d, fresh, '1', false, 3, 4), true);
  assert.deepEqual(fresh.metadata.annotations, {
    team: 'a',
    'deployment.kubernetes.io/revision': '1',
    'deployment.kubernetes.io/desired-replicas': '3',
    'deployment.kubernetes.io/max-replicas': '4',
  });
  assert.equal(setNewReplicaSetAnnotations(d, fresh, '1', true, 3, 4), false, 'no change');
  const old = rs({ name: 'old', revision: 2, annotations: { 'deployment.kubernetes.io/revision-history': '1' } });
  assert.equal(setNewReplicaSetAnnotations(d, old, '5', true, 3, 4), true);
  assert.equal(old.metadata.annotations?.['deployment.kubernetes.io/revision'], '5');
  assert.equal(old.metadata.annotations?.['deployment.kubernetes.io/revision-history'], '1,2');
  assert.equal(old.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'], undefined, 'existing ReplicaSets keep their replica annotations');
  const older = rs({ revision: 7 });
  assert.equal(setNewReplicaSetAnnotations(deployment(), older, '3', true, 3, 4), false, 'never moves a revision down');
});

test('isSaturated: sized, annotated and fully available', () => {
  const r = rs({ replicas: 3, available: 3, annotations: { 'deployment.kubernetes.io/desired-replicas': '3' } });
  assert.equal(isSaturated(3, r), true);
  assert.equal(isSaturated(3, rs({ replicas: 3, available: 2, annotations: { 'deployment.kubernetes.io/desired-replicas': '3' } })), false);
  assert.equal(isSaturated(3, rs({ replicas: 3, available: 3 })), false);
});

test('the new ReplicaSet is the oldest one whose template equals the deployment’s, hash label aside', () => {
  const d = deployment({ image: 'nginx:2' });
  const a = rs({ name: 'a', image: 'nginx:2', created: 2000 });
  const b = rs({ name: 'b', image: 'nginx:2', created: 1000 });
  b.spec!.template!.metadata!.labels = { app: 'web', 'pod-template-hash': 'xyz' };
  b.spec!.template!.spec!.volumes = [];
  assert.equal(findNewReplicaSet(d, [a, b, rs({ name: 'c', image: 'nginx:1' })])?.metadata.name, 'b');
  assert.equal(equalIgnoreHash(d.spec?.template, rs({ image: 'nginx:1' }).spec?.template), false);
});

test('cleanup deletes the oldest scaled-down revisions beyond the limit, never live ones', () => {
  const olds = [
    rs({ name: 'r1', revision: 1, replicas: 0, statusReplicas: 0 }),
    rs({ name: 'r2', revision: 2, replicas: 0, statusReplicas: 1 }),
    rs({ name: 'r3', revision: 3, replicas: 0, statusReplicas: 0 }),
    rs({ name: 'r4', revision: 4, replicas: 0, statusReplicas: 0 }),
  ];
  assert.deepEqual(replicaSetsToCleanUp(olds, 1).map((r) => r.metadata.name), ['r1', 'r3'], 'r2 still has a pod');
  assert.deepEqual(replicaSetsToCleanUp(olds, 10), []);
  assert.deepEqual(replicaSetsToCleanUp(olds, undefined), []);
});
