import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/cluster/store/object.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { configmaps, deployments, namespaces, pods } from '../../src/kube/resources.ts';
import { isAlreadyExists, isConflict, isNotFound, isInvalid, KubeApiError } from '../../src/kube/rest-errors.ts';
import { retryOnConflict } from '../../src/kube/retry.ts';
import type { WatchEvent } from '../../src/kube/watch-stream.ts';
import { startLiveCluster, until, type LiveCluster } from './live-cluster.ts';

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

let cluster: LiveCluster;
let client: KubeClient;
const NS = 'kube-client';

before(async () => {
  cluster = await startLiveCluster();
  client = await cluster.client({ userAgent: 'vane-test/1.0' });
  await client.create(namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
});
after(() => cluster.dispose());

const cm = (name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});

test('create, get, update, 409 on a stale resourceVersion, 404, AlreadyExists', async () => {
  const created = await client.create<ConfigMap>(configmaps, NS, cm('crud', { a: '1' }));
  assert.equal(created.metadata.namespace, NS);
  assert.ok(created.metadata.resourceVersion);
  assert.ok(created.metadata.uid);

  const got = await client.get<ConfigMap>(configmaps, NS, 'crud');
  assert.deepEqual(got.data, { a: '1' });

  const updated = await client.update<ConfigMap>(configmaps, NS, { ...got, data: { a: '2' } });
  assert.equal(updated.data?.['a'], '2');
  assert.notEqual(updated.metadata.resourceVersion, got.metadata.resourceVersion);

  const stale = await client.update<ConfigMap>(configmaps, NS, { ...got, data: { a: '3' } }).catch((e: unknown) => e);
  assert.ok(stale instanceof KubeApiError, String(stale));
  assert.equal(stale.code, 409);
  assert.ok(isConflict(stale), stale.reason);

  const missing = await client.get(configmaps, NS, 'nope').catch((e: unknown) => e);
  assert.ok(isNotFound(missing));
  assert.match((missing as KubeApiError).message, /configmaps "nope" not found/);

  const dup = await client.create(configmaps, NS, cm('crud')).catch((e: unknown) => e);
  assert.ok(isAlreadyExists(dup) && !isConflict(dup));

  const invalid = await client.create(configmaps, NS, cm('Not_A_Valid_Name')).catch((e: unknown) => e);
  assert.ok(invalid instanceof KubeApiError && (isInvalid(invalid) || invalid.code === 422), String(invalid));
});

test('retryOnConflict re-reads and wins against a concurrent writer', async () => {
  await client.create(configmaps, NS, cm('counter', { n: '0' }));
  await Promise.all(
    Array.from({ length: 5 }, () =>
      retryOnConflict(async () => {
        const cur = await client.get<ConfigMap>(configmaps, NS, 'counter');
        const n = Number(cur.data?.['n'] ?? '0') + 1;
        await client.update(configmaps, NS, { ...cur, data: { n: String(n) } });
      }, { steps: 20, durationMs: 5, factor: 1, jitter: 1 }),
    ),
  );
  const final = await client.get<ConfigMap>(configmaps, NS, 'counter');
  assert.equal(final.data?.['n'], '5');
});

test('merge, json, strategic and apply patches', async () => {
  await client.create(configmaps, NS, cm('patched', { a: '1', b: '2' }));
  let p = await client.patch<ConfigMap>(configmaps, NS, 'patched', { data: { b: null, c: '3' } }, 'merge');
  assert.deepEqual(p.data, { a: '1', c: '3' });
  p = await client.patch<ConfigMap>(configmaps, NS, 'patched', [{ op: 'replace', path: '/data/a', value: 'x' }], 'json');
  assert.equal(p.data?.['a'], 'x');
  p = await client.patch<ConfigMap>(configmaps, NS, 'patched', { data: { d: '4' } }, 'strategic');
  assert.equal(p.data?.['d'], '4');
  p = await client.patch<ConfigMap>(configmaps, NS, 'patched', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'patched' }, data: { e: '5' } }, 'apply', {
    fieldManager: 'vane-test',
    force: true,
  });
  assert.equal(p.data?.['e'], '5');
  const bad = await client.patch(configmaps, NS, 'patched', [{ op: 'test', path: '/data/a', value: 'nope' }], 'json').catch((e: unknown) => e);
  assert.ok(bad instanceof KubeApiError && bad.code >= 400 && bad.code < 500, String(bad));
  const missing = await client.patch(configmaps, NS, 'ghost', { data: {} }, 'merge').catch((e: unknown) => e);
  assert.ok(isNotFound(missing));
});

test('status subresource: updateStatus and a status merge patch', async () => {
  const dep = await client.create(deployments, NS, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });
  const withStatus = await client.updateStatus(deployments, NS, { ...dep, status: { observedGeneration: 1, replicas: 0 } });
  assert.equal((withStatus['status'] as { observedGeneration?: number }).observedGeneration, 1);
  const patched = await client.patch(deployments, NS, 'web', { status: { observedGeneration: 7 } }, 'merge', { subresource: 'status' });
  assert.equal((patched['status'] as { observedGeneration?: number }).observedGeneration, 7);
  const scale = await client.get(deployments, NS, 'web', { subresource: 'scale' });
  assert.equal((scale['spec'] as { replicas?: number }).replicas, 1);
});

test('list with label selector, pagination and resourceVersion; list items carry apiVersion/kind', async () => {
  for (let i = 0; i < 7; i++) await client.create(configmaps, NS, cm(`page-${i}`, {}, { set: 'paging', parity: String(i % 2) }));
  const odd = await client.list<ConfigMap>(configmaps, NS, { labelSelector: 'set=paging,parity=1' });
  assert.deepEqual(odd.items.map((i) => i.metadata.name), ['page-1', 'page-3', 'page-5']);
  assert.ok(odd.metadata.resourceVersion);
  for (const item of odd.items) {
    assert.equal(item.apiVersion, 'v1');
    assert.equal(item.kind, 'ConfigMap');
  }
  const page1 = await client.list(configmaps, NS, { labelSelector: 'set=paging', limit: 3 });
  assert.equal(page1.items.length, 3);
  assert.ok(page1.metadata.continue);
  const page2 = await client.list(configmaps, NS, { labelSelector: 'set=paging', limit: 3, continue: page1.metadata.continue });
  assert.equal(page2.items.length, 3);
  const all = await client.listAll(configmaps, NS, { labelSelector: 'set=paging', limit: 2 });
  assert.equal(all.items.length, 7);
  assert.deepEqual(new Set(all.items.map((i) => i.metadata.name)).size, 7);
  const byName = await client.list(configmaps, NS, { fieldSelector: 'metadata.name=page-4' });
  assert.deepEqual(byName.items.map((i) => i.metadata.name), ['page-4']);
  const everywhere = await client.list(configmaps, undefined, { labelSelector: 'set=paging' });
  assert.equal(everywhere.items.length, 7, 'all-namespaces list');
});

test('delete with preconditions and propagation; deleteCollection by label', async () => {
  const obj = await client.create(configmaps, NS, cm('doomed'));
  const wrong = await client.delete(configmaps, NS, 'doomed', { preconditions: { uid: 'not-the-uid' } }).catch((e: unknown) => e);
  assert.ok(wrong instanceof KubeApiError && wrong.code === 409, String(wrong));
  await client.delete(configmaps, NS, 'doomed', { preconditions: { uid: obj.metadata.uid }, propagationPolicy: 'Background', gracePeriodSeconds: 0 });
  assert.ok(isNotFound(await client.get(configmaps, NS, 'doomed').catch((e: unknown) => e)));
  assert.ok(isNotFound(await client.delete(configmaps, NS, 'doomed').catch((e: unknown) => e)));

  for (let i = 0; i < 3; i++) await client.create(configmaps, NS, cm(`bulk-${i}`, {}, { bulk: 'yes' }));
  await client.create(configmaps, NS, cm('bulk-keep', {}, { bulk: 'no' }));
  await client.deleteCollection(configmaps, NS, { labelSelector: 'bulk=yes' });
  const left = await client.list(configmaps, NS, { labelSelector: 'bulk' });
  assert.deepEqual(left.items.map((i) => i.metadata.name), ['bulk-keep']);
});

test('watch streams ADDED/MODIFIED/DELETED from a resourceVersion, and ends cleanly on abort', async () => {
  const start = await client.list(configmaps, NS, { limit: 1 });
  const events: WatchEvent<ConfigMap>[] = [];
  const ac = new AbortController();
  const watching = client.watch<ConfigMap>(configmaps, NS, { resourceVersion: start.metadata.resourceVersion, labelSelector: 'w=1' }, (e) => events.push(e), ac.signal);
  const a = await client.create<ConfigMap>(configmaps, NS, cm('w-a', {}, { w: '1' }));
  await client.create<ConfigMap>(configmaps, NS, cm('w-ignored', {}, { w: '2' }));
  await client.patch(configmaps, NS, 'w-a', { data: { x: 'y' } }, 'merge');
  await client.delete(configmaps, NS, 'w-a');
  await until(() => events.length >= 3, 5000, 'three events');
  ac.abort();
  await watching; // resolves, does not reject
  assert.deepEqual(events.map((e) => e.type), ['ADDED', 'MODIFIED', 'DELETED']);
  assert.equal(events[0]?.object.metadata?.uid, a.metadata.uid);
  assert.ok(events.every((e) => e.type !== 'ERROR' && e.object.metadata?.name === 'w-a'));
});

test('watch ends when the server-side timeout expires', async () => {
  const t0 = Date.now();
  await client.watch(pods, NS, { timeoutSeconds: 1 }, () => {});
  assert.ok(Date.now() - t0 >= 900);
});

test('raw requests, request metrics and the user agent', async () => {
  const version = await client.request<{ gitVersion: string }>('GET', '/version');
  assert.match(version.gitVersion, /^v1\./);
  const text = await client.requestText('GET', '/healthz');
  assert.equal(text, 'ok');
  const err = await client.request('GET', '/apis/nope.example/v1').catch((e: unknown) => e);
  assert.ok(isNotFound(err));
  assert.ok(client.metrics.total({ kind: 'ConfigMap', verb: 'create', statusCode: 201 }) > 5);
  assert.ok(client.metrics.total({ kind: 'ConfigMap', verb: 'get', statusCode: 404 }) >= 1);
  assert.ok(client.metrics.total({ verb: 'watch', statusCode: 200 }) >= 1);
  assert.equal(client.userAgent, 'vane-test/1.0');
});

test('401 without credentials is a KubeApiError', async () => {
  const anon = await cluster.client();
  delete anon.connection.headers['Authorization'];
  const err = await anon.get(configmaps, NS, 'crud').catch((e: unknown) => e);
  assert.ok(err instanceof KubeApiError && err.code === 401, String(err));
});

test('a 401 refreshes rotating credentials once and retries', async () => {
  const base = await cluster.client();
  const good = base.connection.headers['Authorization'] ?? '';
  let refreshes = 0;
  const rotating = new KubeClient(
    {
      ...base.connection,
      headers: {},
      refreshHeaders: async (force) => {
        refreshes++;
        return { Authorization: force ? good : 'Bearer expired' };
      },
    },
    { qps: 0 },
  );
  const got = await rotating.get(namespaces, undefined, NS);
  assert.equal(got.metadata.name, NS);
  assert.equal(refreshes, 2, 'one normal read, one forced after the 401');
  assert.equal(rotating.metrics.total({ statusCode: 401 }), 1);
});

test('client-side rate limit: qps/burst spaces requests', async () => {
  const slow = await cluster.client({ qps: 20, burst: 2 });
  const t0 = Date.now();
  await Promise.all(Array.from({ length: 8 }, () => slow.request('GET', '/version')));
  const elapsed = Date.now() - t0;
  // 2 immediately, then 6 more at 20/s: at least ~300 ms.
  assert.ok(elapsed >= 280, `8 requests at 20 qps burst 2 took only ${elapsed}ms`);
});
