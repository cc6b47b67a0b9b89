import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runController, type RunningController } from '../../src/controller/manager.ts';
import { crdManifests } from '../../src/cluster/lab/lab.ts';
import { applyObjects, parseManifests } from '../../src/kube/apply.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { explicitConnection } from '../../src/kube/connection.ts';
import { leases } from '../../src/kube/resources.ts';
import { silentLogger } from '../../src/kube/log.ts';
import { eventually, startTestCluster, type TestCluster } from '../helpers/local-cluster.ts';

let c: TestCluster;
let controller: RunningController;
let client: KubeClient;

before(async () => {
  c = await startTestCluster();
  const connect = () => explicitConnection({ server: c.url, token: c.token, tls: { ca: Buffer.from(c.caCert) } });
  client = new KubeClient(connect(), { qps: 0 });
  await applyObjects(client, parseManifests(crdManifests()), { fieldManager: 'test' });
  controller = await runController({
    connection: connect(),
    leaderElect: true,
    leaseNamespace: 'kube-system',
    leaseDurationMs: 3000,
    renewDeadlineMs: 2000,
    retryPeriodMs: 500,
    rolloutThreads: 2,
    qps: 0,
    burst: 1,
    metricsPort: 0,
    healthzPort: 0,
    bindAddress: '127.0.0.1',
    version: 'v0.0.0-test',
    logger: silentLogger,
  });
  await controller.leading;
});

after(async () => {
  await controller?.stop();
  client?.close();
  await c?.stop();
});

test('the controller holds the Argo leader-election Lease', async () => {
  const lease = await client.get<{ metadata: { name?: string }; spec?: { holderIdentity?: string } }>(leases, 'kube-system', 'argo-rollouts-controller-lock');
  assert.match(lease.spec?.holderIdentity ?? '', /_[0-9a-f-]{36}$/);
});

test('/healthz answers ok and /metrics exports Argo metric names', async () => {
  const health = await fetch(`http://127.0.0.1:${controller.healthzPort}/healthz`);
  assert.equal(health.status, 200);
  assert.equal(await health.text(), 'ok\n');
  await client.create({ group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', namespaced: true }, 'default', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'metered' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'metered' } },
      template: { metadata: { labels: { app: 'metered' } }, spec: { containers: [{ name: 'app', image: 'nginx:1' }] } },
      strategy: { canary: {} },
    },
  });
  const metrics = await eventually(async () => {
    const text = await (await fetch(`http://127.0.0.1:${controller.metricsPort}/metrics`)).text();
    // The gauges are set by the first reconcile, the request counter once its ReplicaSet create returns.
    const seen = /rollout_info\{[^}]*name="metered"[^}]*\} 1/.test(text) && /controller_clientset_k8s_request_total\{kind="ReplicaSet"[^}]*verb="create"/.test(text);
    return seen ? text : undefined;
  });
  assert.match(metrics, /^argo_rollouts_controller_info\{version="v0\.0\.0-test"\} 1$/m);
  assert.match(metrics, /^rollout_info\{namespace="default",name="metered",strategy="canary",traffic_router="",phase="[A-Za-z]+"\} 1$/m);
  assert.match(metrics, /^rollout_info_replicas_desired\{namespace="default",name="metered"\} 1$/m);
  assert.match(metrics, /^rollout_reconcile_bucket\{le="0.01",namespace="default",name="metered"\} \d+$/m);
  assert.match(metrics, /^controller_clientset_k8s_request_total\{kind="ReplicaSet",namespace="default",name="[^"]*",verb="create",status_code="201"\} 1$/m);
  const notFound = await fetch(`http://127.0.0.1:${controller.metricsPort}/nope`);
  assert.equal(notFound.status, 404);
});
