import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ControllerExpectations } from '../../../../src/cluster/sim/util/expectations.ts';
import { slowStartBatch } from '../../../../src/cluster/sim/util/slow-start.ts';
import { adoptPatch, planClaims, releasePatch } from '../../../../src/cluster/sim/util/claim.ts';
import { isPodAvailable, podAvailableAt } from '../../../../src/cluster/sim/util/pod-readiness.ts';
import { PodIpAllocator } from '../../../../src/cluster/sim/kubelet/ip-allocator.ts';
import { setCondition } from '../../../../src/cluster/sim/util/conditions.ts';
import { FakeClock } from '../../../kube/fake-clock.ts';
import { pod, T0 } from '../fixtures.ts';

test('expectations: satisfied when fulfilled, expired, or never set', () => {
  const clock = new FakeClock(T0);
  const e = new ControllerExpectations(clock, 1000);
  assert.equal(e.satisfied('rs'), true);
  e.expectCreations('rs', 2);
  assert.equal(e.satisfied('rs'), false);
  e.creationObserved('rs');
  assert.equal(e.satisfied('rs'), false);
  e.creationObserved('rs');
  assert.equal(e.satisfied('rs'), true);
  e.expectDeletions('rs', ['ns/a', 'ns/b']);
  e.deletionObserved('rs', 'ns/a');
  e.deletionObserved('rs', 'ns/a');
  assert.equal(e.satisfied('rs'), false, 'one object counts once');
  clock.advance(1001);
  assert.equal(e.satisfied('rs'), true, 'expired');
});

test('slowStartBatch: batches of 1, 2, 4 … and stops after a failing batch', async () => {
  const batches: number[] = [];
  let inFlight = 0;
  let calls = 0;
  const ok = await slowStartBatch(10, 1, async () => {
    calls++;
    inFlight++;
    await Promise.resolve();
    batches.push(inFlight);
    inFlight = 0;
  });
  assert.deepEqual(ok, { successes: 10 });
  assert.equal(calls, 10);
  let n = 0;
  const failed = await slowStartBatch(10, 1, async () => {
    n++;
    if (n === 3) throw new Error('quota');
  });
  assert.equal(failed.successes, 2, 'batch 1 (1 ok) + batch 2 (1 ok, 1 failed)');
  assert.equal(n, 3);
  assert.equal((failed.error as Error).message, 'quota');
});

test('planClaims: keep owned matches, adopt matching orphans, release owned mismatches', () => {
  const owner = { metadata: { uid: 'rs-1', name: 'rs' } };
  const mine = { kind: 'ReplicaSet', name: 'rs', uid: 'rs-1' };
  const pods = [
    pod({ name: 'owned', labels: { app: 'a' }, owner: mine }),
    pod({ name: 'orphan', labels: { app: 'a' } }),
    pod({ name: 'stray', labels: { app: 'b' }, owner: mine }),
    pod({ name: 'foreign', labels: { app: 'a' }, owner: { kind: 'ReplicaSet', name: 'x', uid: 'other' } }),
    pod({ name: 'dying-orphan', labels: { app: 'a' }, deleting: true }),
  ];
  const plan = planClaims(owner, pods, (p) => p.metadata.labels?.['app'] === 'a');
  assert.deepEqual(plan.owned.map((p) => p.metadata.name), ['owned']);
  assert.deepEqual(plan.adopt.map((p) => p.metadata.name), ['orphan']);
  assert.deepEqual(plan.release.map((p) => p.metadata.name), ['stray']);
  const deleting = planClaims({ metadata: { uid: 'rs-1', deletionTimestamp: 'x' } }, pods, () => true);
  assert.deepEqual(deleting.adopt, [], 'an owner being deleted adopts nothing');
  assert.deepEqual(releasePatch(pods[2]!, 'rs-1'), { metadata: { ownerReferences: [{ $patch: 'delete', uid: 'rs-1' }], uid: 'uid-stray' } });
  assert.deepEqual(adoptPatch(pods[1]!, { uid: 'rs-1' }), { metadata: { ownerReferences: [{ uid: 'rs-1' }], uid: 'uid-orphan' } });
});

test('availability honours minReadySeconds and says when it arrives', () => {
  const p = pod({ node: 'n', ready: true, readySince: 0 });
  assert.equal(isPodAvailable(p, 0, T0), true);
  assert.equal(isPodAvailable(p, 10, T0 + 10_000), false, 'strictly after');
  assert.equal(isPodAvailable(p, 10, T0 + 10_001), true);
  assert.equal(podAvailableAt(p, 10, T0 + 5000), T0 + 10_001);
  assert.equal(podAvailableAt(p, 10, T0 + 20_000), undefined);
  assert.equal(isPodAvailable(pod({ node: 'n', ready: false }), 0, T0), false);
});

test('pod IPs: unique, skip .0 and .255, reuse as late as possible', () => {
  const a = new PodIpAllocator();
  a.reserve('10.244.0.2');
  const got = Array.from({ length: 300 }, () => a.allocate());
  assert.equal(got[0], '10.244.0.1');
  assert.equal(got[1], '10.244.0.3');
  assert.equal(new Set(got).size, 300);
  assert.ok(got.every((ip) => !ip.endsWith('.0') && !ip.endsWith('.255')));
  a.release('10.244.0.1');
  assert.notEqual(a.allocate(), '10.244.0.1');
});

test('setCondition keeps lastTransitionTime when only the reason changes', () => {
  const c1 = setCondition([], { type: 'X', status: 'True', reason: 'A', lastTransitionTime: 't1' });
  assert.deepEqual(setCondition(c1, { type: 'X', status: 'True', reason: 'A', lastTransitionTime: 't2' }), c1);
  assert.equal(setCondition(c1, { type: 'X', status: 'True', reason: 'B', lastTransitionTime: 't2' })[0]?.lastTransitionTime, 't1');
  assert.equal(setCondition(c1, { type: 'X', status: 'False', reason: 'B', lastTransitionTime: 't2' })[0]?.lastTransitionTime, 't2');
});
