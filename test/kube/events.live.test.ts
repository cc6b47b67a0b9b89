import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeClient } from '../../src/kube/client.ts';
import { EventRecorder, type EventObject } from '../../src/kube/events.ts';
import { events, namespaces } from '../../src/kube/resources.ts';
import type { KubeObject } from '../../src/cluster/store/object.ts';
import { startLiveCluster, type LiveCluster } from './live-cluster.ts';
import { FakeClock } from './fake-clock.ts';

let cluster: LiveCluster;
let client: KubeClient;
before(async () => {
  cluster = await startLiveCluster();
  client = await cluster.client();
  await client.create(namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ev' } });
});
after(() => cluster.dispose());

const rollout: KubeObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'guestbook', namespace: 'ev', uid: '11111111-2222-3333-4444-555555555555', resourceVersion: '42' },
};

async function eventsFor(name: string): Promise<EventObject[]> {
  const list = await client.list<EventObject>(events, 'ev');
  return list.items.filter((e) => e.involvedObject.name === name);
}

test('creates a core/v1 Event and bumps count for repeats within the window', async () => {
  const clock = new FakeClock(Date.parse('2026-01-02T03:04:05Z'));
  const rec = new EventRecorder(client, { clock, host: 'node-1' });
  rec.event(rollout, 'Normal', 'RolloutUpdated', 'Rollout updated to revision 2');
  await rec.flush();
  let evs = await eventsFor('guestbook');
  assert.equal(evs.length, 1);
  const ev = evs[0] as EventObject;
  assert.equal(ev.type, 'Normal');
  assert.equal(ev.reason, 'RolloutUpdated');
  assert.equal(ev.message, 'Rollout updated to revision 2');
  assert.deepEqual(ev.involvedObject, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    name: 'guestbook',
    namespace: 'ev',
    uid: '11111111-2222-3333-4444-555555555555',
    resourceVersion: '42',
  });
  assert.deepEqual(ev.source, { component: 'rollouts-controller', host: 'node-1' });
  assert.equal(ev.reportingComponent, 'rollouts-controller');
  assert.equal(ev.count, 1);
  assert.equal(ev.firstTimestamp, '2026-01-02T03:04:05Z');
  assert.match(ev.metadata.name ?? '', /^guestbook\.[0-9a-f]+$/);

  clock.advance(30_000);
  rec.event(rollout, 'Normal', 'RolloutUpdated', 'Rollout updated to revision 2');
  rec.event(rollout, 'Normal', 'RolloutUpdated', 'Rollout updated to revision 2');
  await rec.flush();
  evs = await eventsFor('guestbook');
  assert.equal(evs.length, 1, 'repeats are correlated into one Event');
  assert.equal(evs[0]?.count, 3);
  assert.equal(evs[0]?.firstTimestamp, '2026-01-02T03:04:05Z');
  assert.equal(evs[0]?.lastTimestamp, '2026-01-02T03:04:35Z');

  rec.event(rollout, 'Warning', 'RolloutAborted', 'Rollout aborted update to revision 2');
  clock.advance(11 * 60_000);
  rec.event(rollout, 'Normal', 'RolloutUpdated', 'Rollout updated to revision 2');
  await rec.flush();
  evs = await eventsFor('guestbook');
  assert.equal(evs.length, 3, 'a different reason, and a repeat after the window, are new Events');
  assert.equal(rec.stats.created, 3);
  assert.equal(rec.stats.patched, 2);
});

test('a deleted Event is recreated on the next repeat', async () => {
  const rec = new EventRecorder(client);
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'ev', uid: 'u-p1' } };
  rec.event(obj, 'Warning', 'BackOff', 'crash');
  await rec.flush();
  const [first] = await eventsFor('p1');
  await client.delete(events, 'ev', first?.metadata.name ?? '');
  rec.event(obj, 'Warning', 'BackOff', 'crash');
  await rec.flush();
  const evs = await eventsFor('p1');
  assert.equal(evs.length, 1);
  assert.equal(evs[0]?.count, 1);
});

test('never throws into the caller: failures are logged and dropped', async () => {
  const warnings: string[] = [];
  const logger = { debug() {}, info() {}, error() {}, warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') };
  const rec = new EventRecorder(client, { logger });
  const ghost: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'no-such-namespace' } };
  assert.doesNotThrow(() => rec.event(ghost, 'Normal', 'Test', 'into a missing namespace'));
  assert.doesNotThrow(() => rec.event({ metadata: {} }, 'Normal', 'Test', 'no name'));
  await rec.flush();
  assert.equal(rec.stats.dropped, 2);
  assert.equal(warnings.length, 2);
});

test('the spam filter limits events per object', async () => {
  const clock = new FakeClock();
  const rec = new EventRecorder(client, { clock, spamBurst: 3 });
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'noisy', namespace: 'ev', uid: 'u-noisy' } };
  for (let i = 0; i < 10; i++) rec.event(obj, 'Normal', 'Tick', `message ${i}`);
  await rec.flush();
  assert.equal((await eventsFor('noisy')).length, 3);
  assert.equal(rec.stats.filtered, 7);
});
