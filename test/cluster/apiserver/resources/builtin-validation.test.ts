import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/cluster/store/object.ts';
import { invalid } from '../../../../src/cluster/apiserver/errors.ts';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../../../../src/cluster/apiserver/resources/builtin/names.ts';
import { container, create, deployment, messages, rt, update } from './helpers.ts';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const pod = (spec: Record<string, unknown>, name = 'p'): KubeObject => ({ metadata: { name }, spec });

const CASES: Array<{ name: string; group: string; resource: string; obj: KubeObject; expect: string[] }> = [
  { name: 'valid deployment', group: 'apps', resource: 'deployments', obj: deployment(), expect: [] },
  {
    name: 'deployment selector does not match template labels',
    group: 'apps',
    resource: 'deployments',
    obj: deployment({ selector: { matchLabels: { app: 'api' } } }),
    expect: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
  },
  {
    name: 'deployment without selector',
    group: 'apps',
    resource: 'deployments',
    obj: deployment({ selector: undefined }),
    expect: ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
  },
  {
    name: 'deployment with empty selector',
    group: 'apps',
    resource: 'deployments',
    obj: deployment({ selector: {} }),
    expect: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
  },
  {
    name: 'negative replicas, maxSurge and maxUnavailable both 0',
    group: 'apps',
    resource: 'deployments',
    obj: deployment({ replicas: -1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
    expect: [
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
  },
  {
    name: 'deployment template may only restart Always',
    group: 'apps',
    resource: 'deployments',
    obj: deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [container()] } } }),
    expect: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
  },
  {
    // The object service's generic metadata check reports non-subdomain names for every built-in kind.
    name: 'a name that is not a DNS subdomain is left to the generic metadata check',
    group: 'apps',
    resource: 'deployments',
    obj: deployment({}, 'Web_App'),
    expect: [],
  },
  {
    name: 'replicaset reuses the deployment wording for an empty selector',
    group: 'apps',
    resource: 'replicasets',
    obj: { metadata: { name: 'rs' }, spec: { selector: { matchLabels: {} }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [container()] } } } },
    expect: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
  },
  { name: 'pod without containers', group: '', resource: 'pods', obj: pod({}), expect: ['spec.containers: Required value'] },
  {
    name: 'container name and image required',
    group: '',
    resource: 'pods',
    obj: pod({ containers: [{}] }),
    expect: ['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value'],
  },
  {
    name: 'container name is a DNS label; names are unique',
    group: '',
    resource: 'pods',
    obj: pod({ containers: [container({ name: 'My_App' }), container({ name: 'web' }), container({ name: 'web' })] }),
    expect: [`spec.containers[0].name: Invalid value: "My_App": ${LABEL_MSG}`, 'spec.containers[2].name: Duplicate value: "web"'],
  },
  {
    name: 'pod restart policy and container port',
    group: '',
    resource: 'pods',
    obj: pod({ restartPolicy: 'Sometimes', containers: [container({ ports: [{ containerPort: 70000, protocol: 'HTTP' }] })] }),
    expect: [
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
  },
  {
    name: 'job template must not restart Always',
    group: 'batch',
    resource: 'jobs',
    obj: { metadata: { name: 'pi', uid: 'u' }, spec: { template: { spec: { containers: [container()] } } } },
    expect: ['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'],
  },
  {
    name: 'job with a manual selector that does not match',
    group: 'batch',
    resource: 'jobs',
    obj: {
      metadata: { name: 'pi', uid: 'u' },
      spec: { manualSelector: true, selector: { matchLabels: { a: 'x' } }, template: { metadata: { labels: { a: 'y' } }, spec: { restartPolicy: 'Never', containers: [container()] } } },
    },
    expect: ['spec.template.metadata.labels: Invalid value: map[string]string{"a":"y"}: `selector` does not match template `labels`'],
  },
  {
    name: 'service port out of range, name a DNS-1035 label',
    group: '',
    resource: 'services',
    obj: { metadata: { name: '1web' }, spec: { ports: [{ port: 0 }] } },
    expect: [
      `metadata.name: Invalid value: "1web": ${DNS1035_MSG}`,
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
  },
  {
    name: 'service ports required unless headless; nodePort forbidden for ClusterIP',
    group: '',
    resource: 'services',
    obj: { metadata: { name: 'a' }, spec: { type: 'Bogus' } },
    expect: ['spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"', 'spec.ports: Required value'],
  },
  {
    name: 'nodePort on a ClusterIP service',
    group: '',
    resource: 'services',
    obj: { metadata: { name: 'a' }, spec: { ports: [{ port: 80, nodePort: 30001 }] } },
    expect: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  },
  { name: 'headless service needs no ports', group: '', resource: 'services', obj: { metadata: { name: 'h' }, spec: { clusterIP: 'None' } }, expect: [] },
  {
    name: 'namespace names are DNS labels',
    group: '',
    resource: 'namespaces',
    obj: { metadata: { name: 'team.a' } },
    expect: ['metadata.name: Invalid value: "team.a": must not contain dots'],
  },
  { name: 'name or generateName required', group: '', resource: 'configmaps', obj: { metadata: {} }, expect: ['metadata.name: Required value: name or generateName is required'] },
  {
    name: 'CRD name must be plural.group',
    group: 'apiextensions.k8s.io',
    resource: 'customresourcedefinitions',
    obj: { metadata: { name: 'widget' }, spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' }, versions: [{ name: 'v1', storage: true }] } },
    expect: ['metadata.name: Invalid value: "widget": must be spec.names.plural+"."+spec.group'],
  },
  {
    name: 'HPA replicas bounds',
    group: 'autoscaling',
    resource: 'horizontalpodautoscalers',
    obj: { metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 3, maxReplicas: 2 } },
    expect: ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`'],
  },
];

for (const c of CASES) {
  test(`validation: ${c.name}`, () => {
    assert.deepEqual(messages(create(rt(c.group, c.resource), c.obj).causes), c.expect);
  });
}

test('apimachinery name messages', () => {
  assert.deepEqual(isDns1123Subdomain('Web_App'), [
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ]);
  assert.deepEqual(isDns1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
  assert.deepEqual(isDns1123Label('my-name'), []);
  assert.deepEqual(isDns1035Label('web'), []);
});

test('the 422 message reads like kube-apiserver', () => {
  const { causes } = create(rt('apps', 'deployments'), deployment({ selector: { matchLabels: { app: 'api' } } }));
  assert.equal(
    invalid('Deployment', 'apps', 'web', causes).message,
    'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
  );
});

test('deployment selector is immutable', () => {
  const d = rt('apps', 'deployments');
  const old = create(d, deployment()).obj;
  const changed = deployment({ selector: { matchLabels: { app: 'web', tier: 'fe' } }, template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [container()] } } });
  assert.deepEqual(messages(update(d, changed, old).causes), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  ]);
  assert.deepEqual(update(d, deployment({ replicas: 3 }), old).causes, []);
});

test('pod spec is immutable except images and a few fields', () => {
  const p = rt('', 'pods');
  const old = create(p, pod({ containers: [container()] })).obj;
  const newImage = JSON.parse(JSON.stringify(old)) as KubeObject;
  (newImage['spec'] as { containers: Array<{ image: string }> }).containers[0]!.image = 'nginx:1.28';
  assert.deepEqual(update(p, newImage, old).causes, []);
  const newEnv = JSON.parse(JSON.stringify(old)) as KubeObject;
  (newEnv['spec'] as { containers: Array<Record<string, unknown>> }).containers[0]!['env'] = [{ name: 'A', value: 'b' }];
  const causes = update(p, newEnv, old).causes;
  assert.equal(causes.length, 1);
  assert.equal(causes[0]!.field, 'spec');
  assert.match(causes[0]!.message, /^Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
});

test('an unscheduled pod may be bound by setting spec.nodeName (no pods/binding here); a bound one may not move', () => {
  const p = rt('', 'pods');
  const old = create(p, pod({ containers: [container()] })).obj;
  const bound = JSON.parse(JSON.stringify(old)) as KubeObject;
  (bound['spec'] as Record<string, unknown>)['nodeName'] = 'node-1';
  assert.deepEqual(update(p, bound, old).causes, []);
  const moved = JSON.parse(JSON.stringify(bound)) as KubeObject;
  (moved['spec'] as Record<string, unknown>)['nodeName'] = 'node-2';
  assert.equal(update(p, moved, bound).causes.length, 1);
});

test('service clusterIP may not change once set', () => {
  const s = rt('', 'services');
  const old: KubeObject = { metadata: { name: 'a' }, spec: { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ports: [{ port: 80 }] } };
  const changed: KubeObject = { metadata: { name: 'a' }, spec: { clusterIP: '10.96.0.6', clusterIPs: ['10.96.0.6'], ports: [{ port: 80 }] } };
  assert.deepEqual(messages(update(s, changed, old).causes), ['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.6"}: may not change once set']);
});
