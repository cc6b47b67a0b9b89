import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { startTestCluster, waitForOutput, type TestCluster } from '../helpers/local-cluster.ts';

/** The real kubectl (v1.32) against the local cluster's API server. */
describe('local cluster API server driven by kubectl', () => {
  let c: TestCluster;
  before(async () => {
    c = await startTestCluster();
  });
  after(async () => {
    await c.stop();
  });

  const deployment = (replicas: number, env: Array<{ name: string; value: string }>): string => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.25
        env: ${JSON.stringify(env)}
        ports: [{containerPort: 80}]
`;

  test('api-resources lists built-in kinds with short names', async () => {
    const out = await c.kubectlOk(['api-resources']);
    assert.match(out, /^pods\s+po\s+v1\s+true\s+Pod$/m);
    assert.match(out, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    assert.match(out, /^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false\s+CustomResourceDefinition$/m);
    assert.match(out, /^leases\s+coordination\.k8s\.io\/v1\s+true\s+Lease$/m);
  });

  test('apply -f creates, and re-applying a changed manifest three-way merges', async () => {
    const created = await c.kubectlOk(['apply', '-f', '-'], deployment(2, [{ name: 'A', value: '1' }, { name: 'B', value: '2' }]));
    assert.match(created, /deployment.apps\/web created/);
    // A field set by someone else (not in the manifest) must survive the re-apply.
    await c.kubectlOk(['annotate', 'deployment', 'web', 'team=payments']);
    const configured = await c.kubectlOk(['apply', '-f', '-'], deployment(3, [{ name: 'A', value: '10' }]));
    assert.match(configured, /deployment.apps\/web configured/);
    const live = JSON.parse(await c.kubectlOk(['get', 'deployment', 'web', '-o', 'json'])) as {
      metadata: { annotations: Record<string, string>; generation: number };
      spec: { replicas: number; template: { spec: { containers: Array<{ env: unknown[] }> } } };
    };
    assert.equal(live.spec.replicas, 3);
    assert.deepEqual(live.spec.template.spec.containers[0]!.env, [{ name: 'A', value: '10' }]);
    assert.equal(live.metadata.annotations.team, 'payments');
    assert.equal(live.metadata.generation, 2);
    const unchanged = await c.kubectlOk(['apply', '-f', '-'], deployment(3, [{ name: 'A', value: '10' }]));
    assert.match(unchanged, /deployment.apps\/web unchanged/);
  });

  test('apply --server-side creates, updates and reports conflicts', async () => {
    const cm = (value: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {color: ${value}, size: big}\n`;
    assert.match(await c.kubectlOk(['apply', '--server-side', '-f', '-'], cm('blue')), /configmap\/ssa serverside-applied/);
    assert.match(await c.kubectlOk(['apply', '--server-side', '-f', '-'], cm('green')), /serverside-applied/);
    await c.kubectlOk(['patch', 'configmap', 'ssa', '--type', 'merge', '-p', '{"data":{"color":"red"}}', '--field-manager', 'someone-else']);
    const conflict = await c.kubectl(['apply', '--server-side', '-f', '-'], cm('green'));
    assert.notEqual(conflict.code, 0);
    assert.match(conflict.stderr, /conflict/i);
    assert.match(conflict.stderr, /someone-else/);
    await c.kubectlOk(['apply', '--server-side', '--force-conflicts', '-f', '-'], cm('green'));
    const data = JSON.parse(await c.kubectlOk(['get', 'cm', 'ssa', '-o', 'jsonpath={.data}'])) as Record<string, string>;
    assert.deepEqual(data, { color: 'green', size: 'big' });
  });

  test('get -o json, -o yaml and -o wide', async () => {
    await c.kubectlOk(['create', 'configmap', 'formats', '--from-literal=k=v']);
    const json = JSON.parse(await c.kubectlOk(['get', 'configmap', 'formats', '-o', 'json'])) as { kind: string; data: unknown };
    assert.equal(json.kind, 'ConfigMap');
    assert.deepEqual(json.data, { k: 'v' });
    const yaml = parseYaml(await c.kubectlOk(['get', 'configmap', 'formats', '-o', 'yaml'])) as { metadata: { name: string; uid: string } };
    assert.equal(yaml.metadata.name, 'formats');
    assert.match(yaml.metadata.uid, /^[0-9a-f-]{36}$/);
    const wide = await c.kubectlOk(['get', 'deployments', '-o', 'wide']);
    assert.match(wide, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/m);
    assert.match(wide, /^web\s+0\/3\s+0\s+0\s+\S+\s+app\s+nginx:1\.25\s+app=web$/m);
    const list = JSON.parse(await c.kubectlOk(['get', 'configmaps', '-o', 'json'])) as { items: unknown[] };
    assert.ok(list.items.length >= 2);
  });

  test('get -w sees an update', async () => {
    await c.kubectlOk(['create', 'configmap', 'watched', '--from-literal=n=1']);
    const watcher = c.spawnKubectl(['get', 'configmap', 'watched', '-w', '-o', 'jsonpath={.data.n}{"\\n"}']);
    try {
      await waitForOutput(watcher, (out) => out.includes('1\n'));
      await c.kubectlOk(['patch', 'configmap', 'watched', '--type', 'merge', '-p', '{"data":{"n":"2"}}']);
      const out = await waitForOutput(watcher, (o) => o.includes('2\n'));
      assert.deepEqual(out.trim().split('\n'), ['1', '2']);
    } finally {
      watcher.kill();
    }
  });

  test('patch with --type merge, json and strategic', async () => {
    await c.kubectlOk(['patch', 'deployment', 'web', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}']);
    await c.kubectlOk(['patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.26"}]']);
    await c.kubectlOk(['patch', 'deployment', 'web', '--type', 'strategic', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"envoy:1"}]}}}}']);
    const live = JSON.parse(await c.kubectlOk(['get', 'deployment', 'web', '-o', 'json'])) as {
      metadata: { labels: Record<string, string> };
      spec: { template: { spec: { containers: Array<{ name: string; image: string }> } } };
    };
    assert.equal(live.metadata.labels.tier, 'front');
    // As in Kubernetes, list items a strategic merge patch adds come before the existing ones.
    assert.deepEqual(
      live.spec.template.spec.containers.map((ct) => `${ct.name}=${ct.image}`),
      ['sidecar=envoy:1', 'app=nginx:1.26'],
    );
    const failed = await c.kubectl(['patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"test","path":"/spec/replicas","value":99}]']);
    assert.notEqual(failed.code, 0);
  });

  test('scale uses the scale subresource', async () => {
    assert.match(await c.kubectlOk(['scale', 'deployment', 'web', '--replicas=5']), /deployment.apps\/web scaled/);
    assert.equal(await c.kubectlOk(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']), '5');
    const wrong = await c.kubectl(['scale', 'deployment', 'web', '--replicas=6', '--current-replicas=2']);
    assert.notEqual(wrong.code, 0);
  });

  test('wait --for=condition sees a status change', async () => {
    await c.kubectlOk(['apply', '-f', '-'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: waiter}\nspec: {containers: [{name: c, image: busybox}]}\n');
    const waiting = c.kubectl(['wait', '--for=condition=Ready', 'pod/waiter', '--timeout=30s']);
    await new Promise((r) => setTimeout(r, 500));
    await c.kubectlOk(['patch', 'pod', 'waiter', '--subresource=status', '--type=merge', '-p', '{"status":{"conditions":[{"type":"Ready","status":"True"}]}}']);
    const r = await waiting;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /pod\/waiter condition met/);
  });

  test('a CRD is served at once, with printer columns in kubectl get', async () => {
    const crd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [all]}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Phase, type: string, jsonPath: .status.phase}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [size]
            properties:
              size: {type: integer, minimum: 1}
              color: {type: string, default: blue}
          status:
            type: object
            properties:
              phase: {type: string}
`;
    await c.kubectlOk(['apply', '-f', '-'], crd);
    await c.kubectlOk(['wait', '--for=condition=Established', 'crd/widgets.example.com', '--timeout=20s']);
    await c.kubectlOk(['apply', '-f', '-'], 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3}\n');
    await c.kubectlOk(['patch', 'widget', 'w1', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Ready"}}']);
    const table = await c.kubectlOk(['get', 'wd']);
    assert.match(table, /^NAME\s+SIZE\s+PHASE\s+AGE$/m);
    assert.match(table, /^w1\s+3\s+Ready\s+\d+s$/m);
    assert.equal(await c.kubectlOk(['get', 'widget', 'w1', '-o', 'jsonpath={.spec.color}']), 'blue');
    const bad = await c.kubectl(['apply', '-f', '-'], 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w2}\nspec: {size: "big"}\n');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /spec\.size/);
    const unknown = await c.kubectl(['apply', '-f', '-'], 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w3}\nspec: {size: 1, shape: round}\n');
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /unknown field "spec\.shape"/);
  });

  test('delete removes objects; errors are readable Status messages', async () => {
    assert.match(await c.kubectlOk(['delete', 'configmap', 'formats']), /configmap "formats" deleted/);
    const missing = await c.kubectl(['get', 'configmap', 'formats']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /configmaps "formats" not found/);
    const exists = await c.kubectl(['create', 'configmap', 'watched']);
    assert.match(exists.stderr, /configmaps "watched" already exists/);
    const noNs = await c.kubectl(['create', 'configmap', 'x', '-n', 'nope']);
    assert.match(noNs.stderr, /namespaces "nope" not found/);
  });
});
