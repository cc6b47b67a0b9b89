import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSimCluster, type SimCluster } from '../../../helpers/sim-cluster.ts';
import { eventually } from '../../../helpers/local-cluster.ts';
import { getJson, names } from './live.ts';

let c: SimCluster;
before(async () => {
  c = await startSimCluster();
  await c.kubectlOk(['apply', '-f', '-'], readFileSync(new URL('../../../../manifests/crds/rollout-crd.yaml', import.meta.url), 'utf8'));
});
after(async () => {
  await c?.stop();
});

test('every namespace gets the default ServiceAccount', async () => {
  await c.kubectlOk(['create', 'namespace', 'sa-test']);
  await eventually(async () => (await c.kubectl(['get', 'serviceaccount', 'default', '-n', 'sa-test'])).code === 0);
  await eventually(async () => (await c.kubectl(['get', 'serviceaccount', 'default', '-n', 'default'])).code === 0);
  // Deleted, it comes back.
  await c.kubectlOk(['delete', 'serviceaccount', 'default', '-n', 'sa-test']);
  await eventually(async () => (await c.kubectl(['get', 'serviceaccount', 'default', '-n', 'sa-test'])).code === 0);
});

const content = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: doomed }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: main, image: nginx:1.27 }] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: doomed }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: doomed }
data: { a: "1" }
---
apiVersion: v1
kind: Secret
metadata: { name: creds, namespace: doomed }
stringData: { password: x }
---
apiVersion: batch/v1
kind: Job
metadata: { name: forever, namespace: doomed }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: main, image: busybox, command: [sleep, infinity] }]
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app, namespace: doomed }
spec:
  replicas: 1
  selector: { matchLabels: { app: app } }
  template:
    metadata: { labels: { app: app } }
    spec: { containers: [{ name: main, image: nginx:1.27 }] }
  strategy: { canary: {} }
`;

test('deleting a namespace deletes everything in it, then the namespace', async () => {
  await c.kubectlOk(['create', 'namespace', 'doomed']);
  await c.kubectlOk(['apply', '-f', '-'], content);
  await eventually(async () => (await names(c, ['pods', '-n', 'doomed'])).length === 4);
  // kubectl waits for the namespace to disappear.
  await c.kubectlOk(['delete', 'namespace', 'doomed', '--timeout=60s']);
  const ns = await c.kubectl(['get', 'namespace', 'doomed']);
  assert.notEqual(ns.code, 0);
  assert.match(ns.stderr, /NotFound|not found/);
  for (const kind of ['pods', 'deployments', 'replicasets', 'jobs', 'services', 'endpoints', 'configmaps', 'secrets', 'serviceaccounts', 'rollouts', 'events']) {
    assert.deepEqual(await names(c, [kind, '-n', 'doomed']), [], `${kind} left behind`);
  }
  // Nothing anywhere still points at the namespace's objects.
  const pods = await getJson(c, ['pods', '-A']);
  assert.equal(pods.items.filter((p) => p.metadata.namespace === 'doomed').length, 0);
});

test('a terminating namespace shows Terminating and refuses new content', async () => {
  await c.kubectlOk(['create', 'namespace', 'slow']);
  // A finalizer nobody removes keeps the namespace terminating.
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'slow', finalizers: ['example.com/hold'] } }));
  await c.kubectlOk(['delete', 'namespace', 'slow', '--wait=false']);
  await eventually(async () => (await getJson<{ status: { phase: string } }>(c, ['namespace', 'slow'])).status.phase === 'Terminating');
  const refused = await c.kubectl(['create', 'configmap', 'new', '-n', 'slow']);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /being terminated/);
  await eventually(async () => Boolean((await getJson<{ metadata: { deletionTimestamp?: string } }>(c, ['configmap', 'held', '-n', 'slow'])).metadata.deletionTimestamp));
  await c.kubectlOk(['patch', 'configmap', 'held', '-n', 'slow', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
  await eventually(async () => (await c.kubectl(['get', 'namespace', 'slow'])).code !== 0);
});
