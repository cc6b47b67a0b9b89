import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/cluster/store/object.ts';
import type { ResourceType } from '../../../../src/cluster/apiserver/resources/types.ts';
import { builtinResourceTypes } from '../../../../src/cluster/apiserver/resources/builtin/index.ts';
import { toTable } from '../../../../src/cluster/apiserver/table/index.ts';

const NOW = new Date('2024-05-01T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');
const rt = (group: string, resource: string): ResourceType => builtinResourceTypes().find((r) => r.group === group && r.resource === resource)!;

type Table = {
  kind: string;
  apiVersion: string;
  metadata: Record<string, unknown>;
  columnDefinitions: Array<{ name: string; type: string; format: string; description: string; priority: number }> | null;
  rows: Array<{ cells: unknown[]; object?: Record<string, unknown>; conditions?: unknown[] }>;
};
const table = (r: ResourceType, objs: KubeObject[], opts: Partial<Parameters<typeof toTable>[2]> = {}): Table =>
  toTable(r, objs, { now: NOW, includeObject: 'None', ...opts }) as unknown as Table;
const names = (t: Table) => t.columnDefinitions!.map((c) => c.name);

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(200), resourceVersion: '42' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'envoy:1' }] } },
  },
  status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
};

test('Table envelope, column definitions and includeObject', () => {
  const none = table(rt('apps', 'deployments'), [deployment], { resourceVersion: '99' });
  assert.equal(none.kind, 'Table');
  assert.equal(none.apiVersion, 'meta.k8s.io/v1');
  assert.deepEqual(none.metadata, { resourceVersion: '99' });
  assert.deepEqual(names(none), ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
  assert.deepEqual(
    none.columnDefinitions!.map((c) => [c.type, c.format, c.priority]),
    [['string', 'name', 0], ['string', '', 0], ['string', '', 0], ['string', '', 0], ['string', '', 0], ['string', '', 1], ['string', '', 1], ['string', '', 1]],
  );
  assert.ok(none.columnDefinitions!.every((c) => c.description.length > 0));
  assert.deepEqual(none.rows, [{ cells: ['web', '2/3', 3, 2, '3m20s', 'nginx,side', 'nginx:1.27,envoy:1', 'app=web'] }]);

  const full = table(rt('apps', 'deployments'), [deployment], { includeObject: 'Object' });
  assert.deepEqual(full.rows[0]!.object, deployment);
  const meta = table(rt('apps', 'deployments'), [deployment], { includeObject: 'Metadata' });
  assert.deepEqual(meta.rows[0]!.object, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: deployment.metadata });

  const narrow = table(rt('apps', 'deployments'), [deployment], { wide: false });
  assert.deepEqual(names(narrow), ['Name', 'Ready', 'Up-to-date', 'Available', 'Age']);
  assert.deepEqual(narrow.rows[0]!.cells, ['web', '2/3', 3, 2, '3m20s']);
  assert.equal(table(rt('apps', 'deployments'), [], { noHeaders: true }).columnDefinitions, null);
});

test('pods: columns, wide cells and the Completed row condition', () => {
  const t = table(rt('', 'pods'), [
    {
      metadata: { name: 'p1', creationTimestamp: ago(90) },
      spec: { nodeName: 'node-1', containers: [{ name: 'a', image: 'x' }], readinessGates: [{ conditionType: 'example.com/ready' }] },
      status: { phase: 'Succeeded', podIP: '10.244.0.5', conditions: [{ type: 'example.com/ready', status: 'True' }], containerStatuses: [] },
    },
  ]);
  assert.deepEqual(names(t), ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
  assert.deepEqual(t.rows[0]!.cells, ['p1', '0/1', 'Succeeded', '0', '90s', '10.244.0.5', 'node-1', '<none>', '1/1']);
  assert.deepEqual(t.rows[0]!.conditions, [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
});

test('services, endpoints, nodes, namespaces, configmaps, secrets, serviceaccounts', () => {
  const svc = table(rt('', 'services'), [
    { metadata: { name: 'web', creationTimestamp: ago(5) }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP' }] } },
    {
      metadata: { name: 'lb', creationTimestamp: ago(5) },
      spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.11'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }, { port: 53, nodePort: 30053, protocol: 'UDP' }] },
      status: { loadBalancer: {} },
    },
    { metadata: { name: 'ext', creationTimestamp: ago(5) }, spec: { type: 'ExternalName', externalName: 'example.com' } },
  ]);
  assert.deepEqual(names(svc), ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
  assert.deepEqual(svc.rows.map((r) => r.cells), [
    ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '5s', 'app=web'],
    ['lb', 'LoadBalancer', '10.96.0.11', '<pending>', '443:31443/TCP,53:30053/UDP', '5s', '<none>'],
    ['ext', 'ExternalName', '<none>', 'example.com', '<none>', '5s', '<none>'],
  ]);

  const ep = table(rt('', 'endpoints'), [
    {
      metadata: { name: 'web', creationTimestamp: ago(5) },
      subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4' }], ports: [{ port: 8080 }] }],
    },
    { metadata: { name: 'none', creationTimestamp: ago(5) } },
  ]);
  assert.deepEqual(ep.rows.map((r) => r.cells[1]), ['10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...', '<none>']);

  const node = table(rt('', 'nodes'), [
    {
      metadata: { name: 'n1', creationTimestamp: ago(3 * 86400), labels: { 'node-role.kubernetes.io/control-plane': '' } },
      spec: { unschedulable: true },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.0' }, addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] },
    },
  ]);
  assert.deepEqual(node.rows[0]!.cells, ['n1', 'Ready,SchedulingDisabled', 'control-plane', '3d', 'v1.32.0', '172.18.0.2', '<none>', '<unknown>', '<unknown>', '<unknown>']);

  assert.deepEqual(table(rt('', 'namespaces'), [{ metadata: { name: 'default', creationTimestamp: ago(60) }, status: { phase: 'Active' } }]).rows[0]!.cells, ['default', 'Active', '60s']);
  assert.deepEqual(table(rt('', 'configmaps'), [{ metadata: { name: 'c', creationTimestamp: ago(1) }, data: { a: '1' }, binaryData: { b: 'AA==' } }]).rows[0]!.cells, ['c', 2, '1s']);
  assert.deepEqual(table(rt('', 'secrets'), [{ metadata: { name: 's', creationTimestamp: ago(1) }, type: 'Opaque', data: { a: 'MQ==' } }]).rows[0]!.cells, ['s', 'Opaque', 1, '1s']);
  assert.deepEqual(table(rt('', 'serviceaccounts'), [{ metadata: { name: 'default', creationTimestamp: ago(1) } }]).rows[0]!.cells, ['default', 0, '1s']);
});

test('replicasets, jobs, events, leases, pdb, hpa, ingresses, endpointslices', () => {
  const rs = table(rt('apps', 'replicasets'), [{ metadata: { name: 'web-abc', creationTimestamp: ago(10) }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [] } } }, status: { replicas: 3, readyReplicas: 1 } }]);
  assert.deepEqual(names(rs).slice(0, 5), ['Name', 'Desired', 'Current', 'Ready', 'Age']);
  assert.deepEqual(rs.rows[0]!.cells.slice(0, 5), ['web-abc', 3, 3, 1, '10s']);

  const job = table(rt('batch', 'jobs'), [
    { metadata: { name: 'pi', creationTimestamp: ago(100) }, spec: { completions: 1, parallelism: 1, template: { spec: { containers: [] } } }, status: { succeeded: 1, startTime: ago(100), completionTime: ago(40), conditions: [{ type: 'Complete', status: 'True' }] } },
    { metadata: { name: 'q', creationTimestamp: ago(100) }, spec: { parallelism: 3, template: { spec: { containers: [] } } }, status: { startTime: ago(100) } },
  ]);
  assert.deepEqual(names(job).slice(0, 5), ['Name', 'Status', 'Completions', 'Duration', 'Age']);
  assert.deepEqual(job.rows.map((r) => r.cells.slice(0, 5)), [
    ['pi', 'Complete', '1/1', '60s', '100s'],
    ['q', 'Running', '0/1 of 3', '100s', '100s'],
  ]);

  const ev = table(rt('', 'events'), [
    {
      metadata: { name: 'web.17a', creationTimestamp: ago(30) },
      involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-abc to 3 \n',
      type: 'Normal',
      source: { component: 'deployment-controller' },
      firstTimestamp: ago(300),
      lastTimestamp: ago(30),
      count: 2,
    },
  ]);
  assert.deepEqual(names(ev), ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name']);
  assert.deepEqual(ev.rows[0]!.cells, ['30s', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller', 'Scaled up replica set web-abc to 3', '5m', 2, 'web.17a']);
  const ev1 = table(rt('events.k8s.io', 'events'), [
    { metadata: { name: 'x', creationTimestamp: ago(30) }, regarding: { kind: 'Pod', name: 'p' }, note: 'hi', reason: 'R', type: 'Warning', eventTime: '2024-05-01T11:59:00.000000Z', reportingController: 'vane', reportingInstance: 'vane-1' },
  ]);
  assert.deepEqual(ev1.rows[0]!.cells, ['60s', 'Warning', 'R', 'pod/p', '', 'vane, vane-1', 'hi', '60s', 1, 'x']);

  assert.deepEqual(table(rt('coordination.k8s.io', 'leases'), [{ metadata: { name: 'vane', creationTimestamp: ago(1) }, spec: { holderIdentity: 'pod-a' } }]).rows[0]!.cells, ['vane', 'pod-a', '1s']);
  assert.deepEqual(table(rt('policy', 'poddisruptionbudgets'), [{ metadata: { name: 'b', creationTimestamp: ago(1) }, spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } }]).rows[0]!.cells, ['b', '50%', 'N/A', 1, '1s']);
  assert.deepEqual(
    table(rt('autoscaling', 'horizontalpodautoscalers'), [
      {
        metadata: { name: 'h', creationTimestamp: ago(1) },
        spec: {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          minReplicas: 1,
          maxReplicas: 5,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
            { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
            { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
          ],
        },
        status: { currentReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 30 } } }] },
      },
    ]).rows[0]!.cells,
    ['h', 'Deployment/web', 'cpu: 30%/80%, memory: <unknown>/100Mi + 1 more...', '1', 5, 2, '1s'],
  );
  assert.deepEqual(
    table(rt('networking.k8s.io', 'ingresses'), [
      { metadata: { name: 'i', creationTimestamp: ago(1) }, spec: { rules: [{ host: 'a.example.com' }, {}], tls: [{}] }, status: { loadBalancer: { ingress: [{ ip: '10.0.0.9' }, { hostname: 'lb.example' }] } } },
    ]).rows[0]!.cells,
    ['i', '<none>', 'a.example.com', '10.0.0.9,lb.example', '80, 443', '1s'],
  );
  assert.deepEqual(
    table(rt('discovery.k8s.io', 'endpointslices'), [
      { metadata: { name: 'web-x', creationTimestamp: ago(1) }, addressType: 'IPv4', ports: [{ port: 8080 }, { name: 'metrics' }], endpoints: [{ addresses: ['10.0.0.1'] }] },
      { metadata: { name: 'empty', creationTimestamp: ago(1) }, addressType: 'IPv4' },
    ]).rows.map((r) => r.cells),
    [
      ['web-x', 'IPv4', '8080,metrics', '10.0.0.1', '1s'],
      ['empty', 'IPv4', '<unset>', '<unset>', '1s'],
    ],
  );
});

test('CRDs themselves use the default convertor: NAME, CREATED AT', () => {
  const t = table(rt('apiextensions.k8s.io', 'customresourcedefinitions'), [{ metadata: { name: 'rollouts.argoproj.io', creationTimestamp: '2024-04-30T10:20:30Z' } }]);
  assert.deepEqual(t.columnDefinitions!.map((c) => [c.name, c.type, c.format]), [['Name', 'string', 'name'], ['Created At', 'date', '']]);
  assert.deepEqual(t.rows[0]!.cells, ['rollouts.argoproj.io', '2024-04-30T10:20:30Z']);
});

const rolloutType = (printerColumns?: ResourceType['printerColumns']): ResourceType => ({
  group: 'argoproj.io',
  version: 'v1alpha1',
  versions: ['v1alpha1'],
  resource: 'rollouts',
  singular: 'rollout',
  kind: 'Rollout',
  listKind: 'RolloutList',
  namespaced: true,
  shortNames: ['ro'],
  categories: [],
  verbs: [],
  statusSubresource: true,
  crdName: 'rollouts.argoproj.io',
  ...(printerColumns ? { printerColumns } : {}),
});

test('custom resource Table: Name first, then the CRD printer columns (no Age appended)', () => {
  const t = table(
    rolloutType([
      { name: 'Desired', type: 'integer', description: 'Number of desired pods', jsonPath: '.spec.replicas' },
      { name: 'Current', type: 'integer', jsonPath: '.status.replicas' },
      { name: 'Ratio', type: 'number', jsonPath: '.status.ratio', priority: 1 },
      { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'Labels', type: 'string', jsonPath: '.metadata.labels' },
      { name: 'Hash', type: 'string', jsonPath: '.status.hash' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      { name: 'Started', type: 'date', jsonPath: '.status.startedAt' },
    ]),
    [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: { name: 'demo', creationTimestamp: ago(3 * 3600 + 120), labels: { app: 'demo' } },
        spec: { replicas: 5, paused: false },
        status: { replicas: 4.7, ratio: 0.5, phase: 'Progressing', hash: null, startedAt: 'not-a-date' },
      },
    ],
    { includeObject: 'Object' },
  );
  assert.deepEqual(
    t.columnDefinitions!.map((c) => [c.name, c.type, c.format, c.priority, c.description]),
    [
      ['Name', 'string', 'name', 0, t.columnDefinitions![0]!.description],
      ['Desired', 'integer', '', 0, 'Number of desired pods'],
      ['Current', 'integer', '', 0, 'Custom resource definition column (in JSONPath format): .status.replicas'],
      ['Ratio', 'number', '', 1, 'Custom resource definition column (in JSONPath format): .status.ratio'],
      ['Paused', 'boolean', '', 0, 'Custom resource definition column (in JSONPath format): .spec.paused'],
      ['Phase', 'string', '', 0, 'Custom resource definition column (in JSONPath format): .status.phase'],
      ['Labels', 'string', '', 0, 'Custom resource definition column (in JSONPath format): .metadata.labels'],
      ['Hash', 'string', '', 0, 'Custom resource definition column (in JSONPath format): .status.hash'],
      ['Age', 'date', '', 0, 'Custom resource definition column (in JSONPath format): .metadata.creationTimestamp'],
      ['Started', 'date', '', 0, 'Custom resource definition column (in JSONPath format): .status.startedAt'],
    ],
  );
  assert.deepEqual(t.rows[0]!.cells, ['demo', 5, 4, 0.5, false, 'Progressing', '{"app":"demo"}', '<no value>', '3h2m', '<invalid>']);
  assert.equal(t.rows[0]!.object?.['kind'], 'Rollout');

  const missing = table(rolloutType([{ name: 'Desired', type: 'integer', jsonPath: '.spec.replicas' }, { name: 'Status', type: 'string', jsonPath: '.status.phase' }]), [
    { metadata: { name: 'bare', creationTimestamp: ago(1) } },
  ]);
  assert.deepEqual(missing.rows[0]!.cells, ['bare', null, null]);
});

test('custom resource without printer columns shows Name and Age', () => {
  for (const r of [rolloutType(), rolloutType([])]) {
    const t = table(r, [{ metadata: { name: 'demo', creationTimestamp: ago(125) } }]);
    assert.deepEqual(t.columnDefinitions!.map((c) => [c.name, c.type]), [['Name', 'string'], ['Age', 'date']]);
    assert.deepEqual(t.rows[0]!.cells, ['demo', '2m5s']);
  }
});

test('unknown kinds fall back to NAME / CREATED AT', () => {
  const r: ResourceType = { ...rt('', 'configmaps'), group: 'example.com', resource: 'things', kind: 'Thing' };
  const t = table(r, [{ metadata: { name: 't' } }]);
  assert.deepEqual(names(t), ['Name', 'Created At']);
  assert.deepEqual(t.rows[0]!.cells, ['t', '0001-01-01T00:00:00Z']);
});
