import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageSchema, messageTypeNames } from '../../../../src/cluster/apiserver/protobuf/registry.ts';
import { messageTypeFor } from '../../../../src/cluster/apiserver/protobuf/kinds.ts';
import { isScalarType, parseFieldSpec } from '../../../../src/cluster/apiserver/protobuf/schema.ts';
import { WELL_KNOWN } from '../../../../src/cluster/apiserver/protobuf/well-known.ts';

test('field specs parse into the documented shapes', () => {
  assert.deepEqual(parseFieldSpec('name:string'), { json: 'name', type: 'string' });
  assert.deepEqual(parseFieldSpec('replicas:int32?'), { json: 'replicas', type: 'int32', keepZero: true });
  assert.deepEqual(parseFieldSpec('port:int32!'), { json: 'port', type: 'int32', keepZero: true });
  assert.deepEqual(parseFieldSpec('containers:[]core.v1.Container'), { json: 'containers', type: 'core.v1.Container', repeated: true });
  assert.deepEqual(parseFieldSpec('labels:{string:string}'), { json: 'labels', type: 'string', map: { key: 'string' } });
  assert.deepEqual(parseFieldSpec('*:core.v1.VolumeSource'), { json: '', type: 'core.v1.VolumeSource', inline: true });
  for (const bad of ['name', 'a:b:c', 'x:[]string?', 'x:core.v1.Pod?', '*:string', 'm:{core.v1.Pod:string}', 'm:[]{string:string}']) {
    assert.throws(() => parseFieldSpec(bad), /protobuf|applies|inlined/, bad);
  }
});

test('every message a table refers to is defined (or has a JSON mapping of its own)', () => {
  const names = messageTypeNames();
  assert.ok(names.length > 250, `only ${names.length} messages`);
  for (const name of names) {
    for (const [num, spec] of messageSchema(name)!) {
      assert.ok(Number.isInteger(num) && num > 0, `${name} field ${num}`);
      if (isScalarType(spec.type)) continue;
      assert.ok(messageSchema(spec.type) || WELL_KNOWN.has(spec.type), `${name}.${spec.json}: unknown message ${spec.type}`);
    }
  }
});

test('JSON names are unique within a message, inlined fields included', () => {
  const jsonNames = (type: string): string[] =>
    [...messageSchema(type)!.values()].flatMap((spec) => (spec.inline ? jsonNames(spec.type) : [spec.json]));
  for (const name of messageTypeNames()) {
    const all = jsonNames(name);
    assert.equal(new Set(all).size, all.length, `${name}: ${all.join(', ')}`);
  }
});

test('field numbers and names of messages kubectl sends match Kubernetes', () => {
  const fields = (type: string): Record<number, string> =>
    Object.fromEntries([...messageSchema(type)!].map(([n, s]) => [n, s.json || `*${s.type}`]));
  assert.deepEqual(fields('apps.v1.DeploymentSpec'), {
    1: 'replicas', 2: 'selector', 3: 'template', 4: 'strategy', 5: 'minReadySeconds', 6: 'revisionHistoryLimit', 7: 'paused', 9: 'progressDeadlineSeconds',
  });
  assert.deepEqual(fields('meta.v1.ObjectMeta'), {
    1: 'name', 2: 'generateName', 3: 'namespace', 4: 'selfLink', 5: 'uid', 6: 'resourceVersion', 7: 'generation', 8: 'creationTimestamp',
    9: 'deletionTimestamp', 10: 'deletionGracePeriodSeconds', 11: 'labels', 12: 'annotations', 13: 'ownerReferences', 14: 'finalizers', 17: 'managedFields',
  });
  assert.deepEqual(fields('core.v1.ServicePort'), { 1: 'name', 2: 'protocol', 3: 'port', 4: 'targetPort', 5: 'nodePort', 6: 'appProtocol' });
  assert.deepEqual(fields('core.v1.Volume'), { 1: 'name', 2: '*core.v1.VolumeSource' });
  assert.equal(fields('core.v1.DaemonEndpoint')[1], 'Port'); // Kubernetes' one capitalised JSON name
});

test('every top-level kind maps to a defined message', () => {
  const kinds: Array<[string, string]> = [
    ['v1', 'Pod'], ['v1', 'PodTemplate'], ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'Service'], ['v1', 'ServiceAccount'], ['v1', 'Namespace'],
    ['v1', 'Endpoints'], ['v1', 'Event'], ['v1', 'Node'], ['v1', 'PersistentVolumeClaim'], ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'],
    ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'], ['policy/v1', 'Eviction'],
    ['policy/v1', 'PodDisruptionBudget'], ['networking.k8s.io/v1', 'Ingress'], ['coordination.k8s.io/v1', 'Lease'], ['autoscaling/v1', 'Scale'],
    ['autoscaling/v1', 'HorizontalPodAutoscaler'], ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['discovery.k8s.io/v1', 'EndpointSlice'],
    ['v1', 'DeleteOptions'], ['meta.k8s.io/v1', 'DeleteOptions'], ['policy/v1', 'DeleteOptions'],
  ];
  for (const [apiVersion, kind] of kinds) {
    const type = messageTypeFor(apiVersion, kind);
    assert.ok(type && messageSchema(type), `${apiVersion} ${kind}`);
  }
  assert.equal(messageTypeFor('v1', 'toString'), undefined);
  assert.equal(messageTypeFor('__proto__', 'Pod'), undefined);
  assert.equal(messageTypeFor('rbac.authorization.k8s.io/v1', 'Role'), undefined);
});
