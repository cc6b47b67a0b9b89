import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1.js';
import { crdToResourceTypes } from '../../../../src/cluster/apiserver/crd/index.ts';
import { buildOpenApiV3Document, buildOpenApiV3Index, PATCH_CONTENT_TYPES, type OpenApiDocument } from '../../../../src/cluster/apiserver/openapi/index.ts';
import type { ResourceType } from '../../../../src/cluster/apiserver/resources/types.ts';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function builtin(group: string, version: string, resource: string, kind: string, namespaced: boolean, extra: Partial<ResourceType> = {}): ResourceType {
  return { group, version, versions: [version], resource, singular: kind.toLowerCase(), kind, listKind: `${kind}List`, namespaced, shortNames: [], categories: [], verbs: VERBS, statusSubresource: false, ...extra };
}

const rolloutSchema = {
  type: 'object',
  properties: { spec: { type: 'object', properties: { replicas: { type: 'integer', minimum: 0 } } }, status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
};

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'rollouts.argoproj.io' },
  spec: {
    group: 'argoproj.io',
    scope: 'Namespaced',
    names: { plural: 'rollouts', kind: 'Rollout' },
    versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: rolloutSchema }, subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } } }],
  },
} as unknown as CustomResourceDefinition;

const types: ResourceType[] = [
  builtin('', 'v1', 'namespaces', 'Namespace', false, { statusSubresource: true }),
  builtin('', 'v1', 'services', 'Service', true, { statusSubresource: true }),
  builtin('apps', 'v1', 'deployments', 'Deployment', true, { statusSubresource: true, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } }),
  builtin('events.k8s.io', 'v1', 'events', 'Event', true, { verbs: ['create', 'get', 'list', 'watch'] }),
  ...crdToResourceTypes(crd),
];

function doc(path: string): OpenApiDocument {
  const d = buildOpenApiV3Document(path, types);
  assert.ok(d, `document for ${path}`);
  return d;
}

/** What kubectl's query-param verifier does: find the PATCH op for the GVK and its query params. */
function patchParams(d: OpenApiDocument, group: string, version: string, kind: string): string[] | undefined {
  for (const item of Object.values(d.paths)) {
    const gvk = item.patch?.['x-kubernetes-group-version-kind'];
    if (gvk && gvk.group === group && gvk.version === version && gvk.kind === kind) {
      return (item.patch?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    }
  }
  return undefined;
}

test('index lists every served group-version with a hashed URL', () => {
  const index = buildOpenApiV3Index(types);
  assert.deepEqual(Object.keys(index.paths), ['api/v1', 'apis/apps/v1', 'apis/argoproj.io/v1alpha1', 'apis/events.k8s.io/v1']);
  for (const [path, entry] of Object.entries(index.paths)) assert.match(entry.serverRelativeURL, new RegExp(`^/openapi/v3/${path}\\?hash=[0-9A-F]{128}$`));
});

test('the hash changes when a document changes', () => {
  const before = buildOpenApiV3Index(types).paths['apis/argoproj.io/v1alpha1']?.serverRelativeURL;
  const changed = types.map((t) => (t.kind === 'Rollout' ? { ...t, schema: { type: 'object' } } : t));
  const after = buildOpenApiV3Index(changed).paths['apis/argoproj.io/v1alpha1']?.serverRelativeURL;
  assert.ok(before && after && before !== after);
  assert.equal(buildOpenApiV3Index(types).paths['apis/apps/v1']?.serverRelativeURL, buildOpenApiV3Index(changed).paths['apis/apps/v1']?.serverRelativeURL);
});

test('CRD document contains the schema as given, tagged with its GVK, and PATCH declares fieldValidation', () => {
  const d = doc('apis/argoproj.io/v1alpha1');
  assert.equal(d.openapi, '3.0.0');
  const schema = d.components.schemas['io.argoproj.v1alpha1.Rollout'] as Record<string, unknown>;
  assert.deepEqual(schema['x-kubernetes-group-version-kind'], [{ group: 'argoproj.io', version: 'v1alpha1', kind: 'Rollout' }]);
  const props = schema.properties as Record<string, unknown>;
  assert.deepEqual(props.spec, rolloutSchema.properties.spec);
  assert.deepEqual(props.status, rolloutSchema.properties.status);
  assert.deepEqual(Object.keys(props).sort(), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  assert.deepEqual(patchParams(d, 'argoproj.io', 'v1alpha1', 'Rollout'), ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  const list = d.components.schemas['io.argoproj.v1alpha1.RolloutList'] as Record<string, unknown>;
  assert.deepEqual(list['x-kubernetes-group-version-kind'], [{ group: 'argoproj.io', version: 'v1alpha1', kind: 'RolloutList' }]);
});

test('namespaced resources get collection, item, all-namespaces, status and scale paths', () => {
  const d = doc('apis/argoproj.io/v1alpha1');
  assert.deepEqual(Object.keys(d.paths).sort(), [
    '/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts',
    '/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}',
    '/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}/scale',
    '/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}/status',
    '/apis/argoproj.io/v1alpha1/rollouts',
  ]);
  const item = d.paths['/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}'];
  assert.equal(item?.patch?.operationId, 'patchArgoprojIoV1alpha1NamespacedRollout');
  assert.equal(item?.patch?.['x-kubernetes-action'], 'patch');
  assert.deepEqual(Object.keys(item?.patch?.requestBody?.content ?? {}), PATCH_CONTENT_TYPES);
  assert.deepEqual(item?.parameters?.map((p) => p.name), ['name', 'namespace', 'pretty']);
  const collection = d.paths['/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts'];
  assert.deepEqual(collection?.post?.parameters?.map((p) => p.name), ['dryRun', 'fieldManager', 'fieldValidation']);
  assert.equal(collection?.get?.['x-kubernetes-action'], 'list');
  assert.equal(collection?.delete?.['x-kubernetes-action'], 'deletecollection');
  const scale = d.paths['/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}/scale'];
  assert.deepEqual(scale?.patch?.['x-kubernetes-group-version-kind'], { group: 'autoscaling', version: 'v1', kind: 'Scale' });
});

test('built-in kinds get permissive schemas and PATCH without strategic merge patch', () => {
  const d = doc('apis/apps/v1');
  const schema = d.components.schemas['io.k8s.api.apps.v1.Deployment'] as Record<string, unknown>;
  assert.equal(schema['x-kubernetes-preserve-unknown-fields'], true);
  assert.deepEqual(schema['x-kubernetes-group-version-kind'], [{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
  assert.deepEqual(patchParams(d, 'apps', 'v1', 'Deployment'), ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  const patch = d.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.patch;
  assert.equal(patch?.operationId, 'patchAppsV1NamespacedDeployment');
  assert.ok(!('application/strategic-merge-patch+json' in (patch?.requestBody?.content ?? {})));
});

test('api/v1 publishes Namespace PATCH with fieldValidation (kubectl falls back to it for CRDs) and cluster-scoped paths', () => {
  const d = doc('api/v1');
  assert.deepEqual(patchParams(d, '', 'v1', 'Namespace'), ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  assert.ok(d.paths['/api/v1/namespaces/{name}']?.patch);
  assert.equal(d.paths['/api/v1/namespaces/{name}']?.patch?.operationId, 'patchCoreV1Namespace');
  assert.ok(d.paths['/api/v1/namespaces/{namespace}/services/{name}']?.patch);
  assert.ok(d.components.schemas['io.k8s.api.core.v1.Service']);
});

test('operations exist only for supported verbs', () => {
  const d = doc('apis/events.k8s.io/v1');
  const item = d.paths['/apis/events.k8s.io/v1/namespaces/{namespace}/events/{name}'];
  assert.ok(item?.get);
  assert.equal(item?.patch, undefined);
  assert.equal(item?.delete, undefined);
  assert.equal(patchParams(d, 'events.k8s.io', 'v1', 'Event'), undefined);
});

test('unknown group-versions have no document', () => {
  assert.equal(buildOpenApiV3Document('apis/nope.example.com/v1', types), undefined);
  assert.equal(buildOpenApiV3Document('apis/apps/v2', types), undefined);
  assert.equal(buildOpenApiV3Document('nonsense', types), undefined);
});
