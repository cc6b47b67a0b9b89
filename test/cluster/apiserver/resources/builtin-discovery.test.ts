import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinResourceTypes } from '../../../../src/cluster/apiserver/resources/builtin/index.ts';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

// group, version, resource, kind, singular, namespaced, shortNames, categories, status, scale
const EXPECTED: Array<[string, string, string, string, string, boolean, string[], string[], boolean, boolean]> = [
  ['', 'v1', 'namespaces', 'Namespace', 'namespace', false, ['ns'], [], true, false],
  ['', 'v1', 'nodes', 'Node', 'node', false, ['no'], [], true, false],
  ['', 'v1', 'pods', 'Pod', 'pod', true, ['po'], ['all'], true, false],
  ['', 'v1', 'services', 'Service', 'service', true, ['svc'], ['all'], true, false],
  ['', 'v1', 'endpoints', 'Endpoints', 'endpoints', true, ['ep'], [], false, false],
  ['', 'v1', 'configmaps', 'ConfigMap', 'configmap', true, ['cm'], [], false, false],
  ['', 'v1', 'secrets', 'Secret', 'secret', true, [], [], false, false],
  ['', 'v1', 'serviceaccounts', 'ServiceAccount', 'serviceaccount', true, ['sa'], [], false, false],
  ['', 'v1', 'events', 'Event', 'event', true, ['ev'], [], false, false],
  ['apps', 'v1', 'deployments', 'Deployment', 'deployment', true, ['deploy'], ['all'], true, true],
  ['apps', 'v1', 'replicasets', 'ReplicaSet', 'replicaset', true, ['rs'], ['all'], true, true],
  ['apps', 'v1', 'daemonsets', 'DaemonSet', 'daemonset', true, ['ds'], ['all'], true, false],
  ['apps', 'v1', 'statefulsets', 'StatefulSet', 'statefulset', true, ['sts'], ['all'], true, true],
  ['batch', 'v1', 'jobs', 'Job', 'job', true, [], ['all'], true, false],
  ['networking.k8s.io', 'v1', 'ingresses', 'Ingress', 'ingress', true, ['ing'], [], true, false],
  ['coordination.k8s.io', 'v1', 'leases', 'Lease', 'lease', true, [], [], false, false],
  ['policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', 'poddisruptionbudget', true, ['pdb'], [], true, false],
  ['autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'horizontalpodautoscaler', true, ['hpa'], ['all'], true, false],
  ['events.k8s.io', 'v1', 'events', 'Event', 'event', true, ['ev'], [], false, false],
  ['discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', 'endpointslice', true, [], [], false, false],
  ['apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', 'customresourcedefinition', false, ['crd', 'crds'], ['api-extensions'], true, false],
];

test('built-in resources carry the discovery values of kube-apiserver', () => {
  const all = builtinResourceTypes();
  assert.equal(all.length, EXPECTED.length);
  for (const [group, version, resource, kind, singular, namespaced, shortNames, categories, status, scale] of EXPECTED) {
    const r = all.find((x) => x.group === group && x.resource === resource);
    assert.ok(r, `${group}/${resource}`);
    assert.equal(r.version, version, resource);
    assert.deepEqual(r.versions, [version], resource);
    assert.equal(r.kind, kind);
    assert.equal(r.listKind, `${kind}List`);
    assert.equal(r.singular, singular);
    assert.equal(r.namespaced, namespaced, resource);
    assert.deepEqual(r.shortNames, shortNames, resource);
    assert.deepEqual(r.categories, categories, resource);
    assert.equal(r.statusSubresource, status, resource);
    assert.equal(r.scale !== undefined, scale, resource);
    assert.deepEqual(r.verbs, resource === 'namespaces' ? ALL.filter((v) => v !== 'deletecollection') : ALL, resource);
  }
});

test('pods serve eviction; workloads scale through spec.replicas', () => {
  const all = builtinResourceTypes();
  const pods = all.find((r) => r.resource === 'pods')!;
  assert.deepEqual(pods.extraSubresources, ['eviction']);
  const deploy = all.find((r) => r.resource === 'deployments')!;
  assert.deepEqual(deploy.scale, { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' });
});

test('resource/group pairs are unique', () => {
  const keys = builtinResourceTypes().map((r) => `${r.group}/${r.resource}`);
  assert.equal(new Set(keys).size, keys.length);
});
