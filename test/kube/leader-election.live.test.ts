import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeClient } from '../../src/kube/client.ts';
import { LeaderElector, type LeaseObject } from '../../src/kube/leader-election.ts';
import { leases } from '../../src/kube/resources.ts';
import { startLiveCluster, until, type LiveCluster } from './live-cluster.ts';

let cluster: LiveCluster;
let client: KubeClient;
before(async () => {
  cluster = await startLiveCluster();
  client = await cluster.client();
});
after(() => cluster.dispose());

const fast = { leaseDurationMs: 1500, renewDeadlineMs: 1000, retryPeriodMs: 150 };

function elector(name: string, identity: string, log: string[]): LeaderElector {
  return new LeaderElector(client, {
    namespace: 'kube-system',
    name,
    identity,
    ...fast,
    onStartedLeading: (signal) => {
      log.push(`${identity} started`);
      signal.addEventListener('abort', () => log.push(`${identity} signal aborted`));
    },
    onStoppedLeading: () => log.push(`${identity} stopped`),
  });
}

test('one leader at a time; the lease changes hands on release', async () => {
  const log: string[] = [];
  const a = elector('lock-1', 'host-a_1', log);
  const b = elector('lock-1', 'host-b_2', log);
  const runA = a.run();
  await until(() => a.isLeader(), 5000, 'a leads');
  const runB = b.run();
  // b keeps campaigning while a renews.
  await new Promise((r) => setTimeout(r, 2 * fast.leaseDurationMs));
  assert.equal(b.isLeader(), false);
  assert.equal(b.getLeader(), 'host-a_1');
  let lease = await client.get<LeaseObject>(leases, 'kube-system', 'lock-1');
  assert.equal(lease.spec?.holderIdentity, 'host-a_1');
  assert.equal(lease.spec?.leaseDurationSeconds, 2);
  assert.match(lease.spec?.renewTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/, 'MicroTime');

  await a.stop(); // releases
  await runA;
  assert.deepEqual(log.slice(0, 3), ['host-a_1 started', 'host-a_1 signal aborted', 'host-a_1 stopped']);
  await until(() => b.isLeader(), 2000, 'b takes over soon after the release');
  lease = await client.get<LeaseObject>(leases, 'kube-system', 'lock-1');
  assert.equal(lease.spec?.holderIdentity, 'host-b_2');
  assert.equal(lease.spec?.leaseTransitions, 1);
  await b.stop();
  await runB;
  lease = await client.get<LeaseObject>(leases, 'kube-system', 'lock-1');
  assert.equal(lease.spec?.holderIdentity, '', 'released on stop');
});

test('a leader that cannot renew steps down; another takes over after the lease expires', async () => {
  const log: string[] = [];
  const a = elector('lock-2', 'host-a', log);
  const runA = a.run();
  await until(() => a.isLeader(), 5000, 'a leads');
  // Someone else grabs the lease behind a's back (as a partitioned leader would experience).
  const lease = await client.get<LeaseObject>(leases, 'kube-system', 'lock-2');
  await client.update<LeaseObject>(leases, 'kube-system', { ...lease, spec: { ...lease.spec, holderIdentity: 'intruder', renewTime: new Date().toISOString().replace('Z', '000Z') } });
  await runA; // run() returns when leadership is lost
  assert.equal(a.isLeader(), false);
  assert.deepEqual(log, ['host-a started', 'host-a signal aborted', 'host-a stopped']);
  const after = await client.get<LeaseObject>(leases, 'kube-system', 'lock-2');
  assert.equal(after.spec?.holderIdentity, 'intruder', 'a lost leader does not release what it no longer holds');

  // The intruder never renews: after the lease duration, a new candidate acquires it.
  const c = elector('lock-2', 'host-c', log);
  const t0 = Date.now();
  const runC = c.run();
  await until(() => c.isLeader(), 5000, 'c leads after expiry');
  assert.ok(Date.now() - t0 >= fast.leaseDurationMs, 'waited out the observed lease duration');
  await c.stop();
  await runC;
});

test('validates the timing relationship', () => {
  assert.throws(
    () => new LeaderElector(client, { namespace: 'x', leaseDurationMs: 1000, renewDeadlineMs: 2000, retryPeriodMs: 100, onStartedLeading: () => {} }),
    /leaseDuration > renewDeadline > retryPeriod/,
  );
  const e = new LeaderElector(client, { namespace: 'x', onStartedLeading: () => {} });
  assert.match(e.identity, /^.+_[0-9a-f-]{36}$/, '<hostname>_<uuid>');
  assert.equal(e.name, 'argo-rollouts-controller-lock');
});
