import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyStrategicMergePatch, patchMetaFor, PatchError } from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonObject } from '../../../../src/util/json.ts';

interface Case {
  name: string;
  kind?: [group: string, kind: string];
  original: JsonObject;
  patch: JsonObject;
  expected?: JsonObject;
  error?: { message: string | RegExp; code: number };
}

const podTemplate = (spec: JsonObject): JsonObject => ({ spec: { template: { spec } } });

// The Deployment from the Kubernetes docs task "Update API Objects in Place Using kubectl patch".
const patchDemo = (): JsonObject =>
  podTemplate({
    containers: [{ name: 'patch-demo-ctr', image: 'nginx' }],
    tolerations: [{ effect: 'NoSchedule', key: 'dedicated', value: 'test-team' }],
  });

const cases: Case[] = [
  {
    name: 'docs: adding a container merges by name (new items lead, as kubectl shows)',
    original: patchDemo(),
    patch: podTemplate({ containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }] }),
    expected: podTemplate({
      containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }, { name: 'patch-demo-ctr', image: 'nginx' }],
      tolerations: [{ effect: 'NoSchedule', key: 'dedicated', value: 'test-team' }],
    }),
  },
  {
    name: 'docs: tolerations have no patch strategy, so the list is replaced',
    original: patchDemo(),
    patch: podTemplate({ tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }] }),
    expected: podTemplate({
      containers: [{ name: 'patch-demo-ctr', image: 'nginx' }],
      tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }],
    }),
  },
  {
    name: 'docs: $retainKeys on the retainKeys strategy drops rollingUpdate',
    original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    expected: { spec: { strategy: { type: 'Recreate' } } },
  },
  {
    name: 'without $retainKeys the strategy map merges',
    original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    patch: { spec: { strategy: { type: 'Recreate' } } },
    expected: { spec: { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } } },
  },
  {
    name: 'updating one container by name keeps its other fields and the other containers',
    original: podTemplate({ containers: [{ name: 'a', image: 'a:1', args: ['x'] }, { name: 'b', image: 'b:1' }] }),
    patch: podTemplate({ containers: [{ name: 'b', image: 'b:2' }] }),
    expected: podTemplate({ containers: [{ name: 'a', image: 'a:1', args: ['x'] }, { name: 'b', image: 'b:2' }] }),
  },
  {
    name: 'env merges by name inside a container: change one, add one, delete one with null field',
    original: podTemplate({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2', valueFrom: null }] }] }),
    patch: podTemplate({ containers: [{ name: 'app', env: [{ name: 'B', value: '20' }, { name: 'C', value: '3' }] }] }),
    expected: podTemplate({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: '20', valueFrom: null }, { name: 'C', value: '3' }] }] }),
  },
  {
    name: 'container args (no strategy) are replaced',
    original: podTemplate({ containers: [{ name: 'app', args: ['a', 'b'] }] }),
    patch: podTemplate({ containers: [{ name: 'app', args: ['c'] }] }),
    expected: podTemplate({ containers: [{ name: 'app', args: ['c'] }] }),
  },
  {
    name: '$patch: delete removes the list element with that merge key',
    original: podTemplate({ containers: [{ name: 'a' }, { name: 'b' }] }),
    patch: podTemplate({ containers: [{ name: 'a', $patch: 'delete' }] }),
    expected: podTemplate({ containers: [{ name: 'b' }] }),
  },
  {
    name: '$patch: delete of an env var inside a container',
    original: podTemplate({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }] }),
    patch: podTemplate({ containers: [{ name: 'app', env: [{ name: 'A', $patch: 'delete' }] }] }),
    expected: podTemplate({ containers: [{ name: 'app', env: [{ name: 'B', value: '2' }] }] }),
  },
  {
    name: '$patch: replace on a list replaces it with the other elements',
    original: podTemplate({ containers: [{ name: 'a', image: 'a' }, { name: 'b' }] }),
    patch: podTemplate({ containers: [{ name: 'c', image: 'c' }, { $patch: 'replace' }] }),
    expected: podTemplate({ containers: [{ name: 'c', image: 'c' }] }),
  },
  {
    name: '$patch: replace on a map replaces the map',
    original: { metadata: { labels: { a: '1', b: '2' } } },
    patch: { metadata: { labels: { $patch: 'replace', c: '3' } } },
    expected: { metadata: { labels: { c: '3' } } },
  },
  {
    name: '$patch: delete on a map empties it',
    original: { spec: { selector: { matchLabels: { app: 'x' } }, replicas: 1 } },
    patch: { spec: { selector: { $patch: 'delete' } } },
    expected: { spec: { selector: {}, replicas: 1 } },
  },
  {
    name: '$patch: merge is the explicit default',
    original: { metadata: { labels: { a: '1' } } },
    patch: { metadata: { labels: { $patch: 'merge', b: '2' } } },
    expected: { metadata: { labels: { a: '1', b: '2' } } },
  },
  {
    name: '$patch: replace at the root replaces the whole object',
    original: { a: 1, b: { c: 2 } },
    patch: { $patch: 'replace', d: 4 },
    expected: { d: 4 },
  },
  {
    name: 'null deletes a field; null for a missing field is ignored',
    original: { spec: { replicas: 3, paused: true } },
    patch: { spec: { paused: null, minReadySeconds: null } },
    expected: { spec: { replicas: 3 } },
  },
  {
    name: 'finalizers merge as a set: union without duplicates',
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['b', 'c'] } },
    expected: { metadata: { finalizers: ['a', 'b', 'c'] } },
  },
  {
    name: '$deleteFromPrimitiveList removes values from a primitive set list',
    original: { metadata: { finalizers: ['a', 'b', 'c'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'zzz'] } },
    expected: { metadata: { finalizers: ['a', 'c'] } },
  },
  {
    name: '$deleteFromPrimitiveList together with additions',
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] } },
    expected: { metadata: { finalizers: ['c', 'b'] } },
  },
  {
    name: '$setElementOrder reorders a merge list without changing its items',
    original: podTemplate({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }),
    patch: podTemplate({ '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'b' }] }),
    expected: podTemplate({ containers: [{ name: 'c' }, { name: 'a' }, { name: 'b' }] }),
  },
  {
    name: '$setElementOrder places a new env var where the order says (kubectl apply sends this)',
    original: podTemplate({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }] }),
    patch: podTemplate({
      '$setElementOrder/containers': [{ name: 'app' }],
      containers: [{ name: 'app', '$setElementOrder/env': [{ name: 'A' }, { name: 'NEW' }, { name: 'B' }], env: [{ name: 'NEW', value: 'n' }] }],
    }),
    expected: podTemplate({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'NEW', value: 'n' }, { name: 'B', value: '2' }] }] }),
  },
  {
    name: '$setElementOrder on a primitive set list',
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'], finalizers: ['c'] } },
    expected: { metadata: { finalizers: ['b', 'c', 'a'] } },
  },
  {
    // Kubernetes' mergeSortedSlice: a server-only item goes before a patch item found later in the live list.
    name: '$setElementOrder interleaves server-only items by their live position',
    original: podTemplate({ containers: [{ name: 'a' }, { name: 'server' }, { name: 'b' }] }),
    patch: podTemplate({ '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] }),
    expected: podTemplate({ containers: [{ name: 'server' }, { name: 'b' }, { name: 'a' }] }),
  },
  {
    name: '$setElementOrder for a list the original lacks creates it from the patch',
    original: podTemplate({}),
    patch: podTemplate({ '$setElementOrder/initContainers': [{ name: 'y' }, { name: 'x' }], initContainers: [{ name: 'y', image: '2' }, { name: 'x', image: '1' }] }),
    expected: podTemplate({ initContainers: [{ name: 'y', image: '2' }, { name: 'x', image: '1' }] }),
  },
  {
    name: '$setElementOrder on an atomic list is ignored; the patch list replaces',
    original: podTemplate({ tolerations: [{ key: 'a' }] }),
    patch: podTemplate({ '$setElementOrder/tolerations': [{ key: 'b' }], tolerations: [{ key: 'b' }] }),
    expected: podTemplate({ tolerations: [{ key: 'b' }] }),
  },
  {
    name: '$retainKeys on a volume (volumes merge by name with retainKeys)',
    original: podTemplate({ volumes: [{ name: 'v', emptyDir: {} }, { name: 'w', secret: { secretName: 's' } }] }),
    patch: podTemplate({ volumes: [{ name: 'v', $retainKeys: ['name', 'configMap'], configMap: { name: 'cm' } }] }),
    expected: podTemplate({ volumes: [{ name: 'v', configMap: { name: 'cm' } }, { name: 'w', secret: { secretName: 's' } }] }),
  },
  {
    name: 'a patch value for a field the original lacks is cleaned of directives and nulls',
    original: podTemplate({}),
    patch: podTemplate({ volumes: [{ name: 'gone', $patch: 'delete' }, { name: 'v', $retainKeys: ['name', 'emptyDir'], emptyDir: { medium: null } }] }),
    expected: podTemplate({ volumes: [{ name: 'v', emptyDir: {} }] }),
  },
  {
    name: 'imagePullSecrets, hostAliases, topologySpreadConstraints and schedulingGates merge by key',
    original: podTemplate({
      imagePullSecrets: [{ name: 'a' }],
      hostAliases: [{ ip: '10.0.0.1', hostnames: ['a'] }],
      topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 1 }],
      schedulingGates: [{ name: 'g1' }],
    }),
    patch: podTemplate({
      imagePullSecrets: [{ name: 'b' }],
      hostAliases: [{ ip: '10.0.0.1', hostnames: ['b'] }],
      topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 2 }],
      schedulingGates: [{ name: 'g1', $patch: 'delete' }],
    }),
    expected: podTemplate({
      imagePullSecrets: [{ name: 'b' }, { name: 'a' }],
      hostAliases: [{ ip: '10.0.0.1', hostnames: ['b'] }],
      topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 2 }],
      schedulingGates: [],
    }),
  },
  {
    name: 'container ports merge by containerPort, volumeMounts by mountPath, volumeDevices by devicePath',
    original: podTemplate({ initContainers: [{ name: 'i', ports: [{ containerPort: 80, name: 'http' }], volumeMounts: [{ mountPath: '/a', name: 'a' }], volumeDevices: [{ devicePath: '/dev/x', name: 'x' }] }] }),
    patch: podTemplate({ initContainers: [{ name: 'i', ports: [{ containerPort: 80, protocol: 'TCP' }], volumeMounts: [{ mountPath: '/a', readOnly: true }], volumeDevices: [{ devicePath: '/dev/y', name: 'y' }] }] }),
    expected: podTemplate({ initContainers: [{ name: 'i', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }], volumeMounts: [{ mountPath: '/a', name: 'a', readOnly: true }], volumeDevices: [{ devicePath: '/dev/y', name: 'y' }, { devicePath: '/dev/x', name: 'x' }] }] }),
  },
  {
    name: 'ownerReferences merge by uid',
    original: { metadata: { ownerReferences: [{ uid: '1', name: 'a', controller: true }] } },
    patch: { metadata: { ownerReferences: [{ uid: '1', controller: false }, { uid: '2', name: 'b' }] } },
    expected: { metadata: { ownerReferences: [{ uid: '1', name: 'a', controller: false }, { uid: '2', name: 'b' }] } },
  },
  {
    name: 'Pod: spec.containers and status.conditions merge by key',
    kind: ['', 'Pod'],
    original: { spec: { containers: [{ name: 'c', image: 'x' }] }, status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }] } },
    patch: { spec: { containers: [{ name: 'c', image: 'y' }] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    expected: { spec: { containers: [{ name: 'c', image: 'y' }] }, status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }] } },
  },
  {
    name: 'Service: spec.ports merge by port',
    kind: ['', 'Service'],
    original: { spec: { ports: [{ port: 80, targetPort: 8080, name: 'http' }, { port: 443, name: 'https' }] } },
    patch: { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
    expected: { spec: { ports: [{ port: 80, targetPort: 9090, name: 'http' }, { port: 443, name: 'https' }] } },
  },
  {
    name: 'Node: status.addresses merge by type',
    kind: ['', 'Node'],
    original: { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'n1' }] } },
    patch: { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.2' }] } },
    expected: { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.2' }, { type: 'Hostname', address: 'n1' }] } },
  },
  {
    name: 'Endpoints: subsets are atomic',
    kind: ['', 'Endpoints'],
    original: { subsets: [{ addresses: [{ ip: '10.0.0.1' }] }] },
    patch: { subsets: [{ addresses: [{ ip: '10.0.0.2' }] }] },
    expected: { subsets: [{ addresses: [{ ip: '10.0.0.2' }] }] },
  },
  {
    name: 'CronJob: containers under spec.jobTemplate.spec.template.spec merge by name',
    kind: ['batch', 'CronJob'],
    original: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b' }] } } } } } },
    patch: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: '2' }] } } } } } },
    expected: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: '2' }, { name: 'b' }] } } } } } },
  },
  {
    name: 'Job: status.conditions merge by type',
    kind: ['batch', 'Job'],
    original: { status: { conditions: [{ type: 'Complete', status: 'False' }] } },
    patch: { status: { conditions: [{ type: 'Failed', status: 'True' }] } },
    expected: { status: { conditions: [{ type: 'Failed', status: 'True' }, { type: 'Complete', status: 'False' }] } },
  },
  {
    name: 'unknown kinds (CRDs) treat every list as atomic',
    kind: ['argoproj.io', 'Rollout'],
    original: podTemplate({ containers: [{ name: 'a', image: '1' }, { name: 'b' }] }),
    patch: podTemplate({ containers: [{ name: 'a', image: '2' }] }),
    expected: podTemplate({ containers: [{ name: 'a', image: '2' }] }),
  },
  {
    name: 'a type change replaces the value',
    original: { spec: { x: { a: 1 }, y: [1], z: 'str' } },
    patch: { spec: { x: 'now a string', y: { a: 1 }, z: [1, 2] } },
    expected: { spec: { x: 'now a string', y: { a: 1 }, z: [1, 2] } },
  },
  {
    name: 'keys starting with $ that are not directives are ordinary fields',
    original: { spec: { schema: { $ref: '#/a' } } },
    patch: { spec: { schema: { $schema: 'x', $ref: '#/b' } } },
    expected: { spec: { schema: { $ref: '#/b', $schema: 'x' } } },
  },
  {
    name: 'an empty patch is the identity',
    original: patchDemo(),
    patch: {},
    expected: patchDemo(),
  },
  // Invalid directives.
  {
    name: 'unknown $patch value in a map',
    original: { metadata: { labels: { a: '1' } } },
    patch: { metadata: { labels: { $patch: 'frob' } } },
    error: { message: 'unknown patch type: frob in map: map[$patch:frob]', code: 422 },
  },
  {
    name: 'unknown $patch value in a list element',
    original: podTemplate({ containers: [{ name: 'a' }] }),
    patch: podTemplate({ containers: [{ name: 'a', $patch: 'frob' }] }),
    error: { message: 'unknown patch type: frob in map: map[$patch:frob name:a]', code: 422 },
  },
  {
    name: 'list element without the merge key',
    original: podTemplate({ containers: [{ name: 'a' }] }),
    patch: podTemplate({ containers: [{ image: 'nginx' }] }),
    error: { message: 'map: map[image:nginx] does not contain declared merge key: name', code: 422 },
  },
  {
    name: '$patch: delete without the merge key',
    original: podTemplate({ containers: [{ name: 'a' }] }),
    patch: podTemplate({ containers: [{ $patch: 'delete' }] }),
    error: { message: 'map: map[$patch:delete] does not contain declared merge key: name', code: 422 },
  },
  {
    name: '$patch: delete in an atomic list',
    original: podTemplate({ tolerations: [{ key: 'a' }] }),
    patch: podTemplate({ tolerations: [{ key: 'a', $patch: 'delete' }] }),
    error: { message: /can only be used in a list that merges by key/, code: 422 },
  },
  {
    name: '$retainKeys that is not a list',
    original: { spec: { strategy: {} } },
    patch: { spec: { strategy: { $retainKeys: 'type' } } },
    error: { message: 'invalid patch format of retainKeys', code: 400 },
  },
  {
    name: 'patch content outside $retainKeys',
    original: { spec: { strategy: {} } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: {} } } },
    error: { message: "patch content doesn't match retainKeys list", code: 422 },
  },
  {
    name: '$deleteFromPrimitiveList that is not a list',
    original: { metadata: { finalizers: ['a'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } },
    error: { message: 'invalid patch format of primitive list', code: 400 },
  },
  {
    name: '$deleteFromPrimitiveList without a field name',
    original: {},
    patch: { $deleteFromPrimitiveList: ['a'] },
    error: { message: 'invalid patch format of primitive list', code: 400 },
  },
  {
    name: '$setElementOrder that is not a list',
    original: {},
    patch: { '$setElementOrder/containers': { name: 'a' } },
    error: { message: 'invalid patch format of setElementOrder list', code: 400 },
  },
  {
    name: '$setElementOrder with an empty field name',
    original: {},
    patch: { '$setElementOrder/': [] },
    error: { message: 'invalid patch format of setElementOrder list', code: 400 },
  },
  {
    name: '$setElementOrder that contradicts the patch list',
    original: podTemplate({ containers: [{ name: 'a' }, { name: 'b' }] }),
    patch: podTemplate({ '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'b' }, { name: 'a' }] }),
    error: { message: /^The order in patch list:\n\[map\[name:b\] map\[name:a\]\]\n doesn't match \$setElementOrder list:/, code: 400 },
  },
  {
    name: '$setElementOrder items without the merge key',
    original: podTemplate({ containers: [{ name: 'a' }] }),
    patch: podTemplate({ '$setElementOrder/containers': [{ image: 'a' }] }),
    error: { message: 'map: map[image:a] does not contain declared merge key: name', code: 422 },
  },
  {
    name: 'lists of lists in a merging list',
    original: { metadata: { finalizers: ['a'] } },
    patch: { metadata: { finalizers: [['b']] } },
    error: { message: 'lists of lists are not supported', code: 422 },
  },
  {
    name: 'mixed element types in a merging list',
    original: { metadata: { finalizers: ['a'] } },
    patch: { metadata: { finalizers: [1] } },
    error: { message: 'list element types are not identical: [[a] [1]]', code: 422 },
  },
];

for (const c of cases) {
  test(`SMP: ${c.name}`, () => {
    const meta = patchMetaFor(...(c.kind ?? ['apps', 'Deployment']));
    if (c.error) {
      const { message, code } = c.error;
      assert.throws(
        () => applyStrategicMergePatch(c.original, c.patch, meta),
        (err: unknown) => {
          assert.ok(err instanceof PatchError, `expected PatchError, got ${String(err)}`);
          if (typeof message === 'string') assert.equal(err.message, message);
          else assert.match(err.message, message);
          assert.equal(err.code, code);
          return true;
        },
      );
    } else {
      assert.deepEqual(applyStrategicMergePatch(c.original, c.patch, meta), c.expected);
    }
  });
}

test('SMP: prototype-polluting keys are rejected', () => {
  const meta = patchMetaFor('apps', 'Deployment');
  assert.throws(() => applyStrategicMergePatch({}, JSON.parse('{"spec": {"__proto__": {"polluted": 1}}}'), meta), PatchError);
  assert.throws(() => applyStrategicMergePatch({}, JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'), meta), PatchError);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('SMP: the result shares nothing with the inputs', () => {
  const meta = patchMetaFor('apps', 'Deployment');
  const original = patchDemo();
  const patch = podTemplate({ containers: [{ name: 'new', env: [{ name: 'A', value: '1' }] }] });
  const out = applyStrategicMergePatch(original, patch, meta) as any;
  out.spec.template.spec.containers[0].env[0].value = 'changed';
  out.spec.template.spec.containers[1].image = 'changed';
  out.spec.template.spec.tolerations[0].key = 'changed';
  assert.deepEqual(original, patchDemo());
  assert.equal((patch as any).spec.template.spec.containers[0].env[0].value, '1');
});
