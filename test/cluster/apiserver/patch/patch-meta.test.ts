import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patchMetaFor, patchMetaForObject, type PatchMeta, type ListStrategy } from '../../../../src/cluster/apiserver/patch/index.ts';

/** Walks `a.b[].c`: `[]` steps into list items. */
function at(meta: PatchMeta, path: string): PatchMeta {
  return path.split('.').reduce((m, step) => (step.endsWith('[]') ? m.field(step.slice(0, -2)).items() : m.field(step)), meta);
}

const podSpecPaths: [string, string, string][] = [
  ['', 'Pod', 'spec'],
  ['apps', 'Deployment', 'spec.template.spec'],
  ['apps', 'ReplicaSet', 'spec.template.spec'],
  ['apps', 'DaemonSet', 'spec.template.spec'],
  ['apps', 'StatefulSet', 'spec.template.spec'],
  ['batch', 'Job', 'spec.template.spec'],
  ['batch', 'CronJob', 'spec.jobTemplate.spec.template.spec'],
];

const podSpecTable: [string, ListStrategy, boolean][] = [
  ['containers', { type: 'map', key: 'name' }, false],
  ['initContainers', { type: 'map', key: 'name' }, false],
  ['ephemeralContainers', { type: 'map', key: 'name' }, false],
  ['volumes', { type: 'map', key: 'name' }, true],
  ['imagePullSecrets', { type: 'map', key: 'name' }, false],
  ['hostAliases', { type: 'map', key: 'ip' }, false],
  ['topologySpreadConstraints', { type: 'map', key: 'topologyKey' }, false],
  ['schedulingGates', { type: 'map', key: 'name' }, false],
  ['resourceClaims', { type: 'map', key: 'name' }, true],
  ['tolerations', { type: 'atomic' }, false],
];

const containerTable: [string, ListStrategy][] = [
  ['env', { type: 'map', key: 'name' }],
  ['ports', { type: 'map', key: 'containerPort' }],
  ['volumeMounts', { type: 'map', key: 'mountPath' }],
  ['volumeDevices', { type: 'map', key: 'devicePath' }],
  ['args', { type: 'atomic' }],
];

for (const [group, kind, podSpec] of podSpecPaths) {
  test(`patch meta: ${kind} PodSpec at ${podSpec}`, () => {
    const meta = patchMetaFor(group, kind);
    for (const [field, list, retainKeys] of podSpecTable) {
      const m = at(meta, `${podSpec}.${field}`);
      assert.deepEqual(m.list, list, field);
      assert.equal(m.retainKeys, retainKeys, field);
    }
    for (const containers of ['containers[]', 'initContainers[]', 'ephemeralContainers[]']) {
      for (const [field, list] of containerTable) {
        assert.deepEqual(at(meta, `${podSpec}.${containers}.${field}`).list, list, `${containers}.${field}`);
      }
    }
    assert.deepEqual(at(meta, 'metadata.ownerReferences').list, { type: 'map', key: 'uid' });
    assert.deepEqual(at(meta, 'metadata.finalizers').list, { type: 'set' });
  });
}

test('patch meta: pod template metadata, conditions, Service, Node, Deployment strategy, Endpoints', () => {
  assert.deepEqual(at(patchMetaFor('apps', 'Deployment'), 'spec.template.metadata.finalizers').list, { type: 'set' });
  for (const [group, kind] of [['', 'Pod'], ['apps', 'Deployment'], ['apps', 'ReplicaSet'], ['batch', 'Job'], ['', 'Node'], ['', 'Namespace']] as const) {
    assert.deepEqual(at(patchMetaFor(group, kind), 'status.conditions').list, { type: 'map', key: 'type' }, kind);
  }
  assert.deepEqual(at(patchMetaFor('', 'Service'), 'spec.ports').list, { type: 'map', key: 'port' });
  assert.deepEqual(at(patchMetaFor('', 'Node'), 'status.addresses').list, { type: 'map', key: 'type' });
  assert.equal(at(patchMetaFor('apps', 'Deployment'), 'spec.strategy').retainKeys, true);
  assert.deepEqual(at(patchMetaFor('', 'Endpoints'), 'subsets').list, { type: 'atomic' });
});

test('patch meta: unknown kinds and unknown fields are atomic all the way down', () => {
  for (const meta of [patchMetaFor('argoproj.io', 'Rollout'), patchMetaFor('', 'Deployment'), patchMetaFor('apps', 'Pod')]) {
    assert.deepEqual(at(meta, 'spec.template.spec.containers').list, { type: 'atomic' });
    assert.deepEqual(at(meta, 'metadata.finalizers').list, { type: 'atomic' });
  }
  const pod = patchMetaFor('', 'Pod');
  assert.deepEqual(at(pod, 'spec.nope.containers').list, { type: 'atomic' });
  assert.deepEqual(at(pod, 'spec.constructor').list, { type: 'atomic' });
  assert.deepEqual(at(pod, 'spec.toString').list, { type: 'atomic' });
});

test('patch meta: chosen from an object by apiVersion and kind', () => {
  assert.deepEqual(at(patchMetaForObject({ apiVersion: 'apps/v1', kind: 'Deployment' }), 'spec.template.spec.containers').list, { type: 'map', key: 'name' });
  assert.deepEqual(at(patchMetaForObject({ apiVersion: 'v1', kind: 'Pod' }), 'spec.containers').list, { type: 'map', key: 'name' });
  assert.deepEqual(at(patchMetaForObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }), 'spec.template.spec.containers').list, { type: 'atomic' });
  assert.deepEqual(at(patchMetaForObject({}), 'spec.containers').list, { type: 'atomic' });
});
