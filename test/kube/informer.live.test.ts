import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/cluster/store/object.ts';
import type { KubeClient } from '../../src/kube/client.ts';
import { SharedInformer } from '../../src/kube/informer.ts';
import { SharedInformerFactory } from '../../src/kube/informer-factory.ts';
import { configmaps, namespaces, secrets } from '../../src/kube/resources.ts';
import { OWNER_UID_INDEX, ownerUidIndexFunc } from '../../src/kube/cache.ts';
import { startLiveCluster, until, type LiveCluster } from './live-cluster.ts';

const clusters: LiveCluster[] = [];
after(() => Promise.all(clusters.map((c) => c.dispose())));

async function setup(opts: Parameters<typeof startLiveCluster>[0] = {}): Promise<{ cluster: LiveCluster; client: KubeClient }> {
  const cluster = await startLiveCluster(opts);
  clusters.push(cluster);
  const client = await cluster.client();
  await client.create(namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'inf' } });
  return { cluster, client };
}

const cm = (name: string, labels: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels } });

interface Recorder {
  log: string[];
  handler: {
    onAdd(o: KubeObject, initial: boolean): void;
    onUpdate(a: KubeObject, b: KubeObject): void;
    onDelete(o: KubeObject): void;
  };
}

function recorder(): Recorder {
  const log: string[] = [];
  return {
    log,
    handler: {
      onAdd: (o, initial) => log.push(`add ${o.metadata.name}${initial ? ' (initial)' : ''}`),
      onUpdate: (a, b) => log.push(`update ${b.metadata.name} ${a.metadata.resourceVersion}->${b.metadata.resourceVersion}`),
      onDelete: (o) => log.push(`delete ${o.metadata.name}`),
    },
  };
}

test('lists, syncs, then delivers adds, updates and deletes; the cache and indexes follow', async () => {
  const { client } = await setup();
  await client.create(configmaps, 'inf', cm('before', { app: 'a' }));
  const informer = new SharedInformer(client, configmaps, { namespace: 'inf', indexers: { [OWNER_UID_INDEX]: ownerUidIndexFunc } });
  const r = recorder();
  informer.addEventHandler(r.handler);
  assert.equal(informer.hasSynced(), false);
  informer.start();
  assert.equal(await informer.waitForSync(), true);
  assert.deepEqual(r.log, ['add before (initial)']);
  assert.equal(informer.cache.get('inf', 'before')?.kind, 'ConfigMap', 'list items get their kind');

  await client.create(configmaps, 'inf', cm('after', { app: 'a' }));
  await client.patch(configmaps, 'inf', 'before', { data: { k: 'v' } }, 'merge');
  await client.delete(configmaps, 'inf', 'after');
  await until(() => r.log.length >= 4, 5000, 'events');
  assert.equal(r.log[1], 'add after');
  assert.match(r.log[2] ?? '', /^update before \d+->\d+$/);
  assert.equal(r.log[3], 'delete after');
  assert.deepEqual(informer.cache.byLabels({ app: 'a' }).map((o) => o.metadata.name), ['before']);

  // A handler registered late sees the current objects as initial adds.
  const late = recorder();
  informer.addEventHandler(late.handler);
  assert.deepEqual(late.log, ['add before (initial)']);

  // A throwing handler does not break delivery to others.
  informer.addEventHandler({ onAdd: () => { throw new Error('handler bug'); } });
  await client.create(configmaps, 'inf', cm('third'));
  await until(() => late.log.includes('add third'), 5000, 'delivery after a throwing handler');
  await informer.stop();
  assert.equal(informer.stats.lists, 1);
});

test('bookmarks advance the resume point of a quiet watch', async () => {
  const { client } = await setup({ bookmarkIntervalMs: 100 });
  const informer = new SharedInformer(client, configmaps, { namespace: 'inf' });
  informer.start();
  await informer.waitForSync();
  const rv0 = Number(informer.lastSyncResourceVersion);
  // Writes to another resource move the global resourceVersion; bookmarks carry it to this watch.
  for (let i = 0; i < 3; i++) await client.create(secrets, 'inf', { apiVersion: 'v1', kind: 'Secret', metadata: { name: `s${i}` } });
  await until(() => Number(informer.lastSyncResourceVersion) > rv0, 5000, 'bookmark');
  await informer.stop();
});

test('reconnects after the API server restarts and resumes from the last resourceVersion (no relist)', async () => {
  const { cluster, client } = await setup({ persistent: true, bookmarkIntervalMs: 100 });
  const informer = new SharedInformer(client, configmaps, { namespace: 'inf', backoff: { initialMs: 100, maxMs: 500 } });
  const r = recorder();
  informer.addEventHandler(r.handler);
  informer.start();
  await informer.waitForSync();
  await client.create(configmaps, 'inf', cm('one'));
  await until(() => r.log.includes('add one'), 5000, 'add one');
  // Let a bookmark carry the watch to the store's current resourceVersion (the namespace write came later).
  const storeRv = String(cluster.server.store.resourceVersion);
  await until(() => informer.lastSyncResourceVersion === storeRv, 5000, 'watch caught up');

  await cluster.restart();
  await client.create(configmaps, 'inf', cm('two'));
  await until(() => r.log.includes('add two'), 10_000, 'event after restart');
  assert.equal(informer.stats.lists, 1, 'resumed without relisting');
  assert.equal(informer.stats.relistsAfterGone, 0);
  assert.ok(informer.stats.watches >= 2);
  await informer.stop();
});

test('relists after 410 Gone and emits deletes for objects that vanished while disconnected', async () => {
  const { cluster, client } = await setup({ persistent: true });
  for (const name of ['keep', 'drop', 'change']) await client.create(configmaps, 'inf', cm(name));
  const informer = new SharedInformer(client, configmaps, { namespace: 'inf', backoff: { initialMs: 200, maxMs: 400, jitter: 0 } });
  const r = recorder();
  informer.addEventHandler(r.handler);
  informer.start();
  await informer.waitForSync();
  const rvBefore = informer.lastSyncResourceVersion;

  // While the informer is disconnected, another instance on the same data changes the world; its
  // restart leaves no watch history, so the informer's resourceVersion is too old to resume from.
  await cluster.stop();
  const other = await cluster.startSibling();
  const writer = await other.client();
  await writer.delete(configmaps, 'inf', 'drop');
  await writer.patch(configmaps, 'inf', 'change', { data: { v: '2' } }, 'merge');
  await writer.create(configmaps, 'inf', cm('new'));
  await other.stop();
  await cluster.restart();

  await until(() => informer.stats.relistsAfterGone >= 1 && r.log.includes('delete drop'), 15_000, 'relist after 410');
  await until(() => r.log.includes('add new'), 5000, 'add new');
  assert.ok(r.log.some((l) => l.startsWith('update change')), r.log.join('\n'));
  assert.ok(!r.log.some((l) => l.includes('keep') && !l.includes('initial')), 'unchanged objects are not re-delivered');
  assert.deepEqual(informer.cache.list('inf').map((o) => o.metadata.name).sort(), ['change', 'keep', 'new']);
  assert.notEqual(informer.lastSyncResourceVersion, rvBefore);
  assert.equal(informer.stats.lists, 2);
  await informer.stop();
});

test('the watchdog restarts a watch that stays silent', async () => {
  const { client } = await setup();
  const informer = new SharedInformer(client, configmaps, { namespace: 'inf', watchdogMs: 300 });
  const r = recorder();
  informer.addEventHandler(r.handler);
  informer.start();
  await informer.waitForSync();
  await until(() => informer.stats.watchdogRestarts >= 2, 5000, 'watchdog restarts');
  await client.create(configmaps, 'inf', cm('still-delivered'));
  await until(() => r.log.includes('add still-delivered'), 5000, 'delivery after watchdog restarts');
  assert.equal(informer.stats.lists, 1, 'a watchdog restart resumes; it does not relist');
  await informer.stop();
});

test('keeps retrying with backoff while the server is down, and waitForSync honours abort', async () => {
  const { cluster, client } = await setup({ persistent: true });
  await cluster.stop();
  const informer = new SharedInformer(client, configmaps, { namespace: 'inf', backoff: { initialMs: 50, maxMs: 200 } });
  informer.start();
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 500);
  assert.equal(await informer.waitForSync(ac.signal), false);
  assert.ok(informer.stats.failures >= 2, `failures: ${informer.stats.failures}`);
  await cluster.restart();
  assert.equal(await informer.waitForSync(), true);
  await informer.stop();
});

test('resync re-delivers every cached object as an update with old === new', async () => {
  const { client } = await setup();
  await client.create(configmaps, 'inf', cm('r1'));
  const informer = new SharedInformer(client, configmaps, { namespace: 'inf', resyncMs: 100 });
  let resyncs = 0;
  informer.addEventHandler({ onUpdate: (a, b) => void (a === b && resyncs++) });
  informer.start();
  await informer.waitForSync();
  await until(() => resyncs >= 2, 5000, 'resyncs');
  await informer.stop();
});

test('the factory shares one informer per resource and namespace', async () => {
  const { client } = await setup();
  await client.create(configmaps, 'inf', cm('shared'));
  const factory = new SharedInformerFactory(client);
  const a = factory.forResource(configmaps, { namespace: 'inf' });
  const b = factory.forResource(configmaps, { namespace: 'inf' });
  const c = factory.forResource(configmaps);
  assert.equal(a, b);
  assert.notEqual(a, c);
  factory.start();
  const late = factory.forResource(secrets, { namespace: 'inf' });
  assert.equal(await factory.waitForCacheSync(), true);
  assert.ok(late.hasSynced(), 'informers created after start() start too');
  assert.equal(a.stats.lists, 1);
  assert.ok(c.cache.get('inf', 'shared'));
  await factory.shutdown();
  assert.equal(a.isRunning, false);
});
