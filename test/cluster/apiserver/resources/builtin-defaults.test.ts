import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/cluster/store/object.ts';
import { defaultPullPolicy } from '../../../../src/cluster/apiserver/resources/builtin/image.ts';
import { container, create, deployment, rt, update } from './helpers.ts';

const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], o);

test('Deployment defaults: replicas, RollingUpdate 25%/25%, history 10, deadline 600, pod template', () => {
  const { obj, causes } = create(rt('apps', 'deployments'), deployment());
  assert.deepEqual(causes, []);
  assert.equal(at(obj, 'spec', 'replicas'), 1);
  assert.deepEqual(at(obj, 'spec', 'strategy'), { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(at(obj, 'spec', 'revisionHistoryLimit'), 10);
  assert.equal(at(obj, 'spec', 'progressDeadlineSeconds'), 600);
  assert.deepEqual(at(obj, 'status'), {});
  const podSpec = at(obj, 'spec', 'template', 'spec');
  assert.deepEqual(podSpec, {
    containers: [
      { name: 'app', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  });
});

test('Deployment defaults keep what the user set; Recreate gets no rollingUpdate', () => {
  const { obj } = create(rt('apps', 'deployments'), deployment({ replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 }));
  assert.equal(at(obj, 'spec', 'replicas'), 0);
  assert.deepEqual(at(obj, 'spec', 'strategy'), { type: 'Recreate' });
  assert.equal(at(obj, 'spec', 'revisionHistoryLimit'), 0);
});

test('imagePullPolicy: Always for :latest or no tag, else IfNotPresent', () => {
  const cases: Array<[string, string]> = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['docker.io/library/nginx', 'Always'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v1', 'IfNotPresent'],
    ['nginx:1.27', 'IfNotPresent'],
    ['ghcr.io/org/app:sha-1234', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
    ['nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'Always'],
    ['', 'IfNotPresent'],
    ['Upper/Case', 'IfNotPresent'],
  ];
  for (const [image, policy] of cases) assert.equal(defaultPullPolicy(image), policy, image);
});

test('Pod defaults, admission extras and status on create', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: {
      containers: [
        container({
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: '500m', memory: '128Mi' } },
          readinessProbe: { httpGet: { port: 80 } },
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
        }),
      ],
      volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }],
    },
    status: { phase: 'Running' },
  };
  const { obj, causes } = create(rt('', 'pods'), pod);
  assert.deepEqual(causes, []);
  const spec = at(obj, 'spec') as Record<string, unknown>;
  assert.equal(spec['restartPolicy'], 'Always');
  assert.equal(spec['dnsPolicy'], 'ClusterFirst');
  assert.equal(spec['terminationGracePeriodSeconds'], 30);
  assert.equal(spec['schedulerName'], 'default-scheduler');
  assert.equal(spec['enableServiceLinks'], true);
  assert.equal(spec['serviceAccountName'], 'default');
  assert.equal(spec['serviceAccount'], 'default');
  assert.equal(spec['priority'], 0);
  assert.deepEqual(spec['tolerations'], [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ]);
  assert.deepEqual(at(spec, 'containers', 0, 'ports'), [{ containerPort: 80, protocol: 'TCP' }]);
  assert.deepEqual(at(spec, 'containers', 0, 'resources', 'requests'), { cpu: '500m', memory: '128Mi' });
  assert.deepEqual(at(spec, 'containers', 0, 'readinessProbe'), {
    httpGet: { port: 80, path: '/', scheme: 'HTTP' },
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  });
  assert.equal(at(spec, 'containers', 0, 'env', 0, 'valueFrom', 'fieldRef', 'apiVersion'), 'v1');
  assert.deepEqual(spec['volumes'], [
    { name: 'scratch', emptyDir: {} },
    { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
  ]);
  assert.deepEqual(at(obj, 'status'), { phase: 'Pending', qosClass: 'Guaranteed' });
});

test('Pod restartPolicy Never and OnFailure are kept', () => {
  for (const restartPolicy of ['Never', 'OnFailure']) {
    const { obj } = create(rt('', 'pods'), { metadata: { name: 'p' }, spec: { restartPolicy, containers: [container()] } });
    assert.equal(at(obj, 'spec', 'restartPolicy'), restartPolicy);
  }
});

test('Pod QoS class: BestEffort, Burstable, Guaranteed', () => {
  const cases: Array<[unknown, string]> = [
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } }, 'Guaranteed'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }, 'Burstable'],
    [{ limits: { cpu: '1' } }, 'Burstable'],
    [{ requests: { 'ephemeral-storage': '1Gi' } }, 'BestEffort'],
    [{ requests: { cpu: '0' } }, 'BestEffort'],
  ];
  for (const [resources, qos] of cases) {
    const { obj } = create(rt('', 'pods'), { metadata: { name: 'p' }, spec: { containers: [container({ resources })] } });
    assert.equal(at(obj, 'status', 'qosClass'), qos, JSON.stringify(resources));
  }
});

test('Pod with scheduling gates starts SchedulingGated', () => {
  const { obj } = create(rt('', 'pods'), { metadata: { name: 'p' }, spec: { schedulingGates: [{ name: 'g' }], containers: [container()] } });
  assert.deepEqual(at(obj, 'status', 'conditions'), [
    { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' },
  ]);
});

test('Service defaults: ClusterIP, None affinity, TCP, targetPort = port, traffic policies', () => {
  const svc: KubeObject = { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }, { name: 'named', port: 81, targetPort: 'http' }] } };
  const { obj, causes } = create(rt('', 'services'), svc);
  assert.deepEqual(causes, [{ reason: 'FieldValueRequired', field: 'spec.ports[0].name', message: 'Required value' }]);
  assert.deepEqual(at(obj, 'spec'), {
    selector: { app: 'web' },
    ports: [
      { port: 80, protocol: 'TCP', targetPort: 80 },
      { name: 'named', port: 81, targetPort: 'http', protocol: 'TCP' },
    ],
    sessionAffinity: 'None',
    type: 'ClusterIP',
    internalTrafficPolicy: 'Cluster',
  });
  assert.deepEqual(at(obj, 'status'), { loadBalancer: {} });
  const lb = create(rt('', 'services'), { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } }).obj;
  assert.equal(at(lb, 'spec', 'externalTrafficPolicy'), 'Cluster');
  assert.equal(at(lb, 'spec', 'allocateLoadBalancerNodePorts'), true);
});

test('Service update keeps allocated clusterIP and node ports the new body omits', () => {
  const old: KubeObject = {
    metadata: { name: 'web' },
    spec: { type: 'NodePort', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ name: 'http', port: 80, nodePort: 30080 }] },
  };
  const { obj, causes } = update(rt('', 'services'), { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ name: 'http', port: 80 }] } }, old);
  assert.deepEqual(causes, []);
  assert.equal(at(obj, 'spec', 'clusterIP'), '10.96.0.10');
  assert.deepEqual(at(obj, 'spec', 'clusterIPs'), ['10.96.0.10']);
  assert.equal(at(obj, 'spec', 'ports', 0, 'nodePort'), 30080);
  const toClusterIp = update(rt('', 'services'), { metadata: { name: 'web' }, spec: { type: 'ClusterIP', ports: [{ name: 'http', port: 80, nodePort: 30080 }] } }, old);
  assert.deepEqual(toClusterIp.causes, []);
  assert.equal(at(toClusterIp.obj, 'spec', 'ports', 0, 'nodePort'), undefined);
});

test('Job defaults and generated selector/labels from metadata.uid', () => {
  const job: KubeObject = {
    metadata: { name: 'pi', uid: 'abc-123' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [container()] } } },
  };
  const { obj, causes } = create(rt('batch', 'jobs'), job);
  assert.deepEqual(causes, []);
  const spec = at(obj, 'spec') as Record<string, unknown>;
  assert.equal(spec['backoffLimit'], 6);
  assert.equal(spec['completions'], 1);
  assert.equal(spec['parallelism'], 1);
  assert.equal(spec['completionMode'], 'NonIndexed');
  assert.equal(spec['suspend'], false);
  assert.equal(spec['manualSelector'], false);
  assert.equal(spec['podReplacementPolicy'], 'TerminatingOrFailed');
  const labels = {
    'batch.kubernetes.io/controller-uid': 'abc-123',
    'batch.kubernetes.io/job-name': 'pi',
    'controller-uid': 'abc-123',
    'job-name': 'pi',
  };
  assert.deepEqual(spec['selector'], { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc-123' } });
  assert.deepEqual(at(spec, 'template', 'metadata', 'labels'), labels);
  assert.deepEqual(obj.metadata.labels, labels);
  assert.deepEqual(at(obj, 'status'), {});
});

test('Job: only parallelism set leaves completions unset; manualSelector keeps the user selector', () => {
  const { obj } = create(rt('batch', 'jobs'), {
    metadata: { name: 'q', uid: 'u1', labels: { team: 'a' } },
    spec: {
      parallelism: 3,
      manualSelector: true,
      selector: { matchLabels: { app: 'q' } },
      template: { metadata: { labels: { app: 'q' } }, spec: { restartPolicy: 'OnFailure', containers: [container()] } },
    },
  });
  assert.equal(at(obj, 'spec', 'completions'), undefined);
  assert.equal(at(obj, 'spec', 'parallelism'), 3);
  assert.deepEqual(at(obj, 'spec', 'selector'), { matchLabels: { app: 'q' } });
  assert.deepEqual(at(obj, 'spec', 'template', 'metadata', 'labels'), { app: 'q' });
  assert.deepEqual(obj.metadata.labels, { team: 'a' });
});

test('Namespace: name label, Active phase, kubernetes finalizer on create only', () => {
  const ns = rt('', 'namespaces');
  const { obj } = create(ns, { metadata: { name: 'team-a' } });
  assert.deepEqual(obj.metadata.labels, { 'kubernetes.io/metadata.name': 'team-a' });
  assert.deepEqual(at(obj, 'spec'), { finalizers: ['kubernetes'] });
  assert.deepEqual(at(obj, 'status'), { phase: 'Active' });
  const finalized = update(ns, { ...obj, spec: { finalizers: [] }, status: { phase: 'Terminating' } }, obj).obj;
  assert.deepEqual(at(finalized, 'spec'), { finalizers: [] });
  assert.equal(at(finalized, 'status', 'phase'), 'Terminating');
});

test('ReplicaSet, Secret, CRD and HPA defaults', () => {
  const rs = create(rt('apps', 'replicasets'), { metadata: { name: 'rs' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [container()] } } } });
  assert.equal(at(rs.obj, 'spec', 'replicas'), 1);
  assert.deepEqual(at(rs.obj, 'status'), { replicas: 0 });

  const secret = create(rt('', 'secrets'), { metadata: { name: 's' }, stringData: { user: 'admin' }, data: { other: 'eA==' } }).obj;
  assert.equal(secret['type'], 'Opaque');
  assert.deepEqual(secret['data'], { other: 'eA==', user: 'YWRtaW4=' });
  assert.equal(secret['stringData'], undefined);

  const crd = create(rt('apiextensions.k8s.io', 'customresourcedefinitions'), {
    metadata: { name: 'widgets.example.com' },
    spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' }, versions: [{ name: 'v1', served: true, storage: true }] },
  });
  assert.deepEqual(crd.causes, []);
  assert.deepEqual(at(crd.obj, 'spec', 'names'), { plural: 'widgets', kind: 'Widget', singular: 'widget', listKind: 'WidgetList' });
  assert.deepEqual(at(crd.obj, 'spec', 'conversion'), { strategy: 'None' });
  assert.deepEqual(at(crd.obj, 'status'), { acceptedNames: { plural: '', kind: '' }, storedVersions: ['v1'] });

  const hpa = create(rt('autoscaling', 'horizontalpodautoscalers'), { metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5 } });
  assert.deepEqual(hpa.causes, []);
  assert.equal(at(hpa.obj, 'spec', 'minReplicas'), 1);
  assert.deepEqual(at(hpa.obj, 'spec', 'metrics'), [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
});

test('Node keeps the status it registers with and defaults allocatable to capacity', () => {
  const { obj } = create(rt('', 'nodes'), { metadata: { name: 'n1' }, status: { capacity: { cpu: '4', pods: '110' } } });
  assert.deepEqual(at(obj, 'status'), { capacity: { cpu: '4', pods: '110' }, allocatable: { cpu: '4', pods: '110' } });
});
