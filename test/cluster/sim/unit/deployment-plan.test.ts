import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeploymentAction } from '../../../../src/cluster/sim/deployment/actions.ts';
import { planDeploymentSync } from '../../../../src/cluster/sim/deployment/plan.ts';
import { computePodTemplateHash } from '../../../../src/rollout/hash.ts';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../../../../src/cluster/sim/util/types.ts';
import { at, deployment, pod, rs, T0 } from '../fixtures.ts';

const hashOf = (d: DeploymentObject): string => computePodTemplateHash(d.spec?.template);
const noPods = new Map<string, PodObject[]>();

function describe(a: DeploymentAction): string {
  switch (a.kind) {
    case 'createReplicaSet':
      return `create ${a.rs.metadata.name} ${a.rs.spec?.replicas}`;
    case 'updateReplicaSet':
      return `update ${a.rs.metadata.name} ${a.rs.spec?.replicas}`;
    case 'deleteReplicaSet':
      return `delete ${a.rs.metadata.name}`;
    case 'setRevision':
      return `revision ${a.revision}`;
    case 'updateStatus':
      return 'status';
    case 'event':
      return `event ${a.reason}: ${a.message}`;
  }
}

/**
 * A tiny world: applies a plan's writes, then lets the ReplicaSet controller and kubelet "catch up"
 * (status = spec, all available) when `settle` says so.
 */
class World {
  rses: ReplicaSetObject[] = [];
  uid = 0;
  now = T0;
  constructor(public d: DeploymentObject) {}

  sync(): DeploymentAction[] {
    const plan = planDeploymentSync(this.d, this.rses, noPods, this.now);
    for (const a of plan.actions) {
      if (a.kind === 'createReplicaSet') this.rses.push({ ...a.rs, metadata: { ...a.rs.metadata, uid: `rs-${++this.uid}`, creationTimestamp: at(this.uid * 1000) }, status: { replicas: 0 } });
      if (a.kind === 'updateReplicaSet') this.rses = this.rses.map((r) => (r.metadata.name === a.rs.metadata.name ? { ...a.rs, status: r.status } : r));
      if (a.kind === 'deleteReplicaSet') this.rses = this.rses.filter((r) => r.metadata.name !== a.rs.metadata.name);
      if (a.kind === 'setRevision') this.d = { ...this.d, metadata: { ...this.d.metadata, annotations: { ...this.d.metadata.annotations, 'deployment.kubernetes.io/revision': a.revision } } };
      if (a.kind === 'updateStatus') this.d = { ...this.d, status: a.status };
    }
    return plan.actions;
  }

  /** Every ReplicaSet's pods exist and are available. */
  settle(): void {
    this.rses = this.rses.map((r) => {
      const n = r.spec?.replicas ?? 0;
      return { ...r, status: { replicas: n, readyReplicas: n, availableReplicas: n, observedGeneration: r.metadata.generation ?? 1 } };
    });
  }

  totalSpec(): number {
    return this.rses.reduce((s, r) => s + (r.spec?.replicas ?? 0), 0);
  }

  totalAvailable(): number {
    return this.rses.reduce((s, r) => s + (r.status?.availableReplicas ?? 0), 0);
  }
}

test('a new deployment creates its ReplicaSet at full size, revision 1, and reports progress', () => {
  const d = deployment({ replicas: 3 });
  const w = new World(d);
  const actions = w.sync().map(describe);
  const name = `web-${hashOf(d)}`;
  assert.deepEqual(actions, [`create ${name} 3`, `event ScalingReplicaSet: Scaled up replica set ${name} from 0 to 3`, 'revision 1', 'status']);
  const created = w.rses[0]!;
  assert.equal(created.metadata.labels?.['pod-template-hash'], hashOf(d));
  assert.equal(created.spec?.selector.matchLabels?.['pod-template-hash'], hashOf(d));
  assert.equal(created.spec?.template?.metadata?.labels?.['pod-template-hash'], hashOf(d));
  assert.deepEqual(created.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }]);
  assert.equal(created.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
  assert.equal(created.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'], '3');
  assert.equal(created.metadata.annotations?.['deployment.kubernetes.io/max-replicas'], '4');
  const progressing = w.d.status?.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([progressing?.reason, progressing?.message], ['NewReplicaSetCreated', `Created new replica set "${name}"`]);
  assert.equal(w.d.status?.conditions?.find((c) => c.type === 'Available')?.reason, 'MinimumReplicasUnavailable');

  w.settle();
  w.sync();
  const done = w.d.status!;
  assert.deepEqual([done.replicas, done.updatedReplicas, done.readyReplicas, done.availableReplicas, done.unavailableReplicas, done.observedGeneration], [3, 3, 3, 3, 0, 1]);
  const avail = done.conditions?.find((c) => c.type === 'Available');
  assert.deepEqual([avail?.status, avail?.reason, avail?.message], ['True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.']);
  const prog = done.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([prog?.status, prog?.reason, prog?.message], ['True', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`]);
  assert.deepEqual(w.sync(), [], 'a settled deployment makes no writes');
});

for (const [maxSurge, maxUnavailable] of [
  [1, 0],
  [0, 1],
  ['25%', '25%'],
  [2, 2],
] as const) {
  test(`a rolling update with maxSurge=${maxSurge} maxUnavailable=${maxUnavailable} stays within bounds and completes`, () => {
    const replicas = 4;
    const w = new World(deployment({ replicas, maxSurge, maxUnavailable }));
    w.sync();
    w.settle();
    w.sync();
    w.d = { ...w.d, metadata: { ...w.d.metadata, generation: 2 }, spec: { ...w.d.spec!, template: { ...w.d.spec!.template!, spec: { containers: [{ name: 'app', image: 'nginx:2' }] } } } };
    const surge = typeof maxSurge === 'number' ? maxSurge : 1;
    const unavailable = typeof maxUnavailable === 'number' ? maxUnavailable : 1;
    for (let tick = 0; tick < 20; tick++) {
      w.sync();
      assert.ok(w.totalSpec() <= replicas + surge, `tick ${tick}: ${w.totalSpec()} pods`);
      assert.ok(w.totalAvailable() >= replicas - unavailable, `tick ${tick}: ${w.totalAvailable()} available`);
      w.settle();
    }
    const newName = `web-${hashOf(w.d)}`;
    assert.deepEqual(
      w.rses.map((r) => [r.metadata.name, r.spec?.replicas, r.metadata.annotations?.['deployment.kubernetes.io/revision']]),
      [
        [w.rses[0]!.metadata.name, 0, '1'],
        [newName, replicas, '2'],
      ],
    );
    assert.equal(w.d.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
    assert.equal(w.d.status?.conditions?.find((c) => c.type === 'Progressing')?.message, `ReplicaSet "${newName}" has successfully progressed.`);
    assert.equal(w.d.status?.observedGeneration, 2);
  });
}

test('rolling update, first step with maxSurge 1 / maxUnavailable 0: new RS at 1, old untouched until it is available', () => {
  const w = new World(deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }));
  w.sync();
  w.settle();
  w.sync();
  w.d = { ...w.d, spec: { ...w.d.spec!, template: { ...w.d.spec!.template!, spec: { containers: [{ name: 'app', image: 'nginx:2' }] } } } };
  const newName = `web-${hashOf(w.d)}`;
  const oldName = w.rses[0]!.metadata.name;
  assert.deepEqual(w.sync().map(describe), [`create ${newName} 1`, `event ScalingReplicaSet: Scaled up replica set ${newName} from 0 to 1`, 'revision 2', 'status']);
  assert.deepEqual(w.sync().map(describe), [], 'waits for the new pod');
  w.settle();
  assert.deepEqual(w.sync().map(describe), [`update ${oldName} 2`, `event ScalingReplicaSet: Scaled down replica set ${oldName} from 3 to 2`, 'status']);
});

test('no progress within progressDeadlineSeconds: ProgressDeadlineExceeded, and a requeue until then', () => {
  const w = new World(deployment({ replicas: 2, progressDeadlineSeconds: 10 }));
  w.sync();
  const plan = planDeploymentSync(w.d, w.rses, noPods, T0 + 3000);
  assert.deepEqual(plan.actions, []);
  assert.equal(plan.requeueAfterMs, 8000, 'deadline (10 s after the last update) minus now, plus 1 s');
  w.now = T0 + 11_000;
  w.sync();
  const cond = w.d.status?.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([cond?.status, cond?.reason, cond?.message], ['False', 'ProgressDeadlineExceeded', `ReplicaSet "web-${hashOf(w.d)}" has timed out progressing.`]);
  assert.equal(planDeploymentSync(w.d, w.rses, noPods, T0 + 20_000).requeueAfterMs, undefined, 'timed out: nothing to wait for');
});

test('Recreate: old ReplicaSets to 0, wait for their pods to go, then the new one at full size', () => {
  const w = new World(deployment({ replicas: 2, strategy: 'Recreate' }));
  w.sync();
  w.settle();
  w.sync();
  w.d = { ...w.d, spec: { ...w.d.spec!, template: { ...w.d.spec!.template!, spec: { containers: [{ name: 'app', image: 'nginx:2' }] } } } };
  const old = w.rses[0]!;
  assert.deepEqual(w.sync().map(describe), [`update ${old.metadata.name} 0`, `event ScalingReplicaSet: Scaled down replica set ${old.metadata.name} from 2 to 0`, 'status']);
  w.settle();
  const lingering = new Map([[old.metadata.uid ?? '', [pod({ name: 'old-pod', node: 'n', phase: 'Running', deleting: true })]]]);
  assert.deepEqual(planDeploymentSync(w.d, w.rses, lingering, T0).actions.map(describe).filter((a) => a !== 'status'), [], 'an old pod is still terminating');
  const newName = `web-${hashOf(w.d)}`;
  assert.deepEqual(w.sync().map(describe), [`create ${newName} 2`, `event ScalingReplicaSet: Scaled up replica set ${newName} from 0 to 2`, 'revision 2', 'status']);
});

test('scaling a settled deployment resizes its only ReplicaSet and its annotations', () => {
  const w = new World(deployment({ replicas: 3 }));
  w.sync();
  w.settle();
  w.sync();
  w.d = { ...w.d, spec: { ...w.d.spec!, replicas: 5 } };
  const name = w.rses[0]!.metadata.name;
  assert.deepEqual(w.sync().map(describe), [`update ${name} 5`, `event ScalingReplicaSet: Scaled up replica set ${name} from 3 to 5`, 'status']);
  assert.equal(w.rses[0]!.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'], '5');
  assert.equal(w.rses[0]!.metadata.annotations?.['deployment.kubernetes.io/max-replicas'], '7');
});

test('proportional scaling mid-rollout (Kubernetes’ documented example: 10 → 15 with 8 old + 5 new)', () => {
  const d = deployment({ replicas: 15, maxSurge: 3, maxUnavailable: 2 });
  d.status = { replicas: 13 };
  const oldRS = rs({ name: 'old', replicas: 8, created: 0, revision: 1, annotations: { 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' }, image: 'nginx:0' });
  const newRS = rs({ name: 'new', replicas: 5, created: 1000, revision: 2, annotations: { 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' } });
  newRS.spec!.template = d.spec!.template;
  const actions = planDeploymentSync(d, [oldRS, newRS], noPods, T0).actions.filter((a) => a.kind === 'updateReplicaSet');
  assert.deepEqual(actions.map(describe), ['update old 11', 'update new 7'], '18 pods allowed: 5 more, split 3/2 by size');
});

test('rolling back to an old template reuses its ReplicaSet with the next revision and a revision history', () => {
  const w = new World(deployment({ replicas: 2, maxSurge: 1, maxUnavailable: 0 }));
  const v1 = w.d.spec!.template!;
  w.sync();
  w.settle();
  w.sync();
  w.d = { ...w.d, spec: { ...w.d.spec!, template: { ...v1, spec: { containers: [{ name: 'app', image: 'nginx:2' }] } } } };
  for (let i = 0; i < 6; i++) {
    w.sync();
    w.settle();
  }
  w.d = { ...w.d, spec: { ...w.d.spec!, template: v1 } };
  w.sync();
  const first = w.rses.find((r) => r.metadata.name === `web-${computePodTemplateHash(v1)}`)!;
  assert.equal(first.metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
  assert.equal(first.metadata.annotations?.['deployment.kubernetes.io/revision-history'], '1');
  for (let i = 0; i < 6; i++) {
    w.sync();
    w.settle();
  }
  assert.equal(first.metadata.name, w.rses.find((r) => (r.spec?.replicas ?? 0) === 2)?.metadata.name);
});

test('revisionHistoryLimit removes old ReplicaSets once the rollout is complete', () => {
  const w = new World(deployment({ replicas: 1, revisionHistoryLimit: 1, maxSurge: 1, maxUnavailable: 0 }));
  for (const image of ['nginx:2', 'nginx:3', 'nginx:4']) {
    for (let i = 0; i < 6; i++) {
      w.sync();
      w.settle();
    }
    w.d = { ...w.d, spec: { ...w.d.spec!, template: { ...w.d.spec!.template!, spec: { containers: [{ name: 'app', image }] } } } };
  }
  for (let i = 0; i < 6; i++) {
    w.sync();
    w.settle();
  }
  assert.equal(w.rses.length, 2, w.rses.map((r) => r.metadata.name).join());
});

test('paused: Progressing=Unknown DeploymentPaused, no new ReplicaSet for a changed template', () => {
  const w = new World(deployment({ replicas: 2 }));
  w.sync();
  w.settle();
  w.sync();
  w.d = { ...w.d, spec: { ...w.d.spec!, paused: true, template: { ...w.d.spec!.template!, spec: { containers: [{ name: 'app', image: 'nginx:9' }] } } } };
  w.sync();
  assert.equal(w.rses.length, 1);
  const c = w.d.status?.conditions?.find((x) => x.type === 'Progressing');
  assert.deepEqual([c?.status, c?.reason, c?.message], ['Unknown', 'DeploymentPaused', 'Deployment is paused']);
  w.d = { ...w.d, spec: { ...w.d.spec!, paused: false } };
  w.sync();
  assert.equal(w.rses.length, 2, 'resumed: the rollout starts');
});

test('a ReplicaFailure on the new ReplicaSet shows on the deployment', () => {
  const w = new World(deployment({ replicas: 2 }));
  w.sync();
  w.rses[0] = { ...w.rses[0]!, status: { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota', lastTransitionTime: at(0) }] } };
  w.sync();
  const c = w.d.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
  assert.deepEqual([c?.status, c?.reason, c?.message], ['True', 'FailedCreate', 'quota']);
});

test('an empty selector only records observedGeneration', () => {
  const d = deployment({ generation: 3 });
  d.spec!.selector = {};
  const plan = planDeploymentSync(d, [], noPods, T0);
  assert.deepEqual(plan.actions.map(describe), ['event SelectingAll: This deployment is selecting all pods. A non-empty selector is required.', 'status']);
});
