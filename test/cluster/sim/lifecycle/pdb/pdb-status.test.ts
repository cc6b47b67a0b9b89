import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PdbObject, PodObject } from '../../../../../src/cluster/sim/lifecycle/common/types.ts';
import { expectation, needsControllerScale, pdbStatus, scaledValue } from '../../../../../src/cluster/sim/lifecycle/pdb/pdb-status.ts';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const STAMP = '2024-05-01T12:00:00Z';

function pdb(spec: NonNullable<PdbObject['spec']>, status?: PdbObject['status']): PdbObject {
  const p: PdbObject = { metadata: { name: 'web', namespace: 'default', generation: 3 }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
  if (status) p.status = status;
  return p;
}

function pod(name: string, ready: boolean, deleting = false): PodObject {
  const p: PodObject = { metadata: { name, namespace: 'default', labels: { app: 'web' } }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } };
  if (deleting) p.metadata.deletionTimestamp = STAMP;
  return p;
}

const three = [pod('a', true), pod('b', true), pod('c', false)];

test('minAvailable as a number counts the pods found', () => {
  const b = pdb({ minAvailable: 1 });
  assert.equal(needsControllerScale(b), false);
  const s = pdbStatus(b, three, expectation(b, three), NOW);
  assert.deepEqual(s, {
    currentHealthy: 2,
    desiredHealthy: 1,
    expectedPods: 3,
    disruptionsAllowed: 1,
    observedGeneration: 3,
    conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 3, lastTransitionTime: STAMP }],
  });
});

test('percentages and maxUnavailable use the controllers\' scale', () => {
  const pct = pdb({ minAvailable: '50%' });
  assert.equal(needsControllerScale(pct), true);
  assert.deepEqual(expectation(pct, three, 5), { ok: true, expectedCount: 5, desiredHealthy: 3 });
  const max = pdb({ maxUnavailable: 1 });
  assert.deepEqual(expectation(max, three, 4), { ok: true, expectedCount: 4, desiredHealthy: 3 });
  assert.deepEqual(expectation(pdb({ maxUnavailable: '30%' }), three, 4), { ok: true, expectedCount: 4, desiredHealthy: 2 });
  assert.deepEqual(expectation(pdb({ maxUnavailable: 10 }), three, 4), { ok: true, expectedCount: 4, desiredHealthy: 0 });
});

test('no disruption allowed when healthy pods do not exceed the desired count', () => {
  const b = pdb({ maxUnavailable: 1 });
  const s = pdbStatus(b, three, expectation(b, three, 3), NOW);
  assert.equal(s.disruptionsAllowed, 0);
  assert.deepEqual(s.conditions?.map((c) => `${c.status}:${c.reason}`), ['False:InsufficientPods']);
});

test('pods being deleted are not healthy; an empty budget allows nothing', () => {
  const b = pdb({ minAvailable: 0 });
  const pods = [pod('a', true, true)];
  assert.equal(pdbStatus(b, pods, expectation(b, pods), NOW).currentHealthy, 0);
  assert.equal(pdbStatus(b, [], expectation(b, []), NOW).disruptionsAllowed, 0);
});

test('a failure to find the controllers fails safe', () => {
  const b = pdb({ maxUnavailable: 1 }, { currentHealthy: 2, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 1 });
  const s = pdbStatus(b, three, expectation(b, three, { error: 'found no controllers for pod "a"' }), NOW);
  assert.equal(s.disruptionsAllowed, 0);
  assert.equal(s.currentHealthy, 2);
  assert.deepEqual(s.conditions?.map((c) => [c.reason, c.message]), [['SyncFailed', 'found no controllers for pod "a"']]);
});

test('intstr values: ints as they are, percentages rounded up, other strings are errors', () => {
  assert.equal(scaledValue(2, 10), 2);
  assert.equal(scaledValue('25%', 10), 3);
  assert.match(String(scaledValue('5', 10)), /not a percentage/);
  assert.deepEqual(expectation(pdb({ minAvailable: 'x' }), three, 3), { ok: false, error: 'invalid value for IntOrString: invalid type: string is not a percentage' });
});

test('the condition keeps its transition time while its status holds', () => {
  const b = pdb({ minAvailable: 1 });
  const first = pdbStatus(b, three, expectation(b, three), NOW);
  const again = pdbStatus(pdb({ minAvailable: 1 }, first), three, expectation(b, three), NOW + 60_000);
  assert.equal(again.conditions?.[0]?.lastTransitionTime, STAMP);
});
