import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../src/api/types/rollout.ts';
import type { RolloutStatus } from '../../src/api/types/rollout-status.ts';
import { newCondition, rolloutCompleted, rolloutHealthy, rolloutProgressing, rolloutTimedOut, setCondition } from '../../src/rollout/conditions.ts';
import { calculateRolloutConditions, pausedConditionUpdates } from '../../src/rollout/rollout-conditions.ts';

const T0 = Date.parse('2024-01-01T00:00:00Z');
const ro = (status: RolloutStatus = {}, spec: Partial<Rollout['spec']> = {}): Rollout => ({
  metadata: { name: 'ro', generation: 1 },
  spec: { replicas: 3, strategy: { canary: { steps: [{ setWeight: 50 }] } }, ...spec },
  status: { observedGeneration: '1', ...status },
});

test('setCondition keeps lastTransitionTime when only the reason changes and ignores no-ops', () => {
  const a = newCondition('Progressing', 'True', 'ReplicaSetUpdated', 'm', T0);
  const b = newCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'm2', T0 + 5000);
  const r1 = setCondition([a], b);
  assert.equal(r1.changed, true);
  assert.equal(r1.conditions[0]?.lastTransitionTime, '2024-01-01T00:00:00Z');
  assert.equal(r1.conditions[0]?.lastUpdateTime, '2024-01-01T00:00:05Z');
  assert.equal(setCondition(r1.conditions, { ...b, message: 'other' }).changed, false);
  const c = newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', 'x', T0 + 9000);
  assert.equal(setCondition(r1.conditions, c).conditions[0]?.lastTransitionTime, '2024-01-01T00:00:09Z');
});

test('progress, health, completion predicates', () => {
  const old = ro({ replicas: 3, updatedReplicas: 1, availableReplicas: 3 });
  assert.equal(rolloutProgressing(old, { replicas: 3, updatedReplicas: 2, availableReplicas: 3 }), true);
  assert.equal(rolloutProgressing(old, { replicas: 3, updatedReplicas: 1, availableReplicas: 3 }), false);
  assert.equal(rolloutProgressing(old, { replicas: 3, updatedReplicas: 1, availableReplicas: 3, stableRS: 'new' }), true);
  const done: RolloutStatus = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, stableRS: 'h', currentPodHash: 'h', currentStepIndex: 1 };
  assert.equal(rolloutHealthy(ro(), done), true);
  assert.equal(rolloutHealthy(ro(), { ...done, currentStepIndex: 0 }), false);
  assert.equal(rolloutHealthy(ro({ observedGeneration: '0' }), done), false);
  assert.equal(rolloutCompleted(done), true);
  assert.equal(rolloutCompleted({ stableRS: 'a', currentPodHash: 'b' }), false);
});

test('progress deadline: lastUpdateTime + progressDeadlineSeconds < now', () => {
  const status: RolloutStatus = { conditions: [newCondition('Progressing', 'True', 'ReplicaSetUpdated', 'm', T0)] };
  assert.equal(rolloutTimedOut(ro(), status, T0 + 600_000), false);
  assert.equal(rolloutTimedOut(ro(), status, T0 + 600_001), true);
  assert.equal(rolloutTimedOut(ro({}, { progressDeadlineSeconds: 10 }), status, T0 + 10_001), true);
  const aborted: RolloutStatus = { conditions: [newCondition('Progressing', 'False', 'RolloutAborted', 'm', T0)] };
  assert.equal(rolloutTimedOut(ro(), aborted, T0 + 10_000_000), false);
});

test('paused / resumed / retry condition updates', () => {
  const paused = pausedConditionUpdates(ro({}, { paused: true }), T0);
  assert.deepEqual(paused.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['Progressing', 'Unknown', 'RolloutPaused', 'Rollout is paused'],
    ['Paused', 'True', 'RolloutPaused', 'Rollout is paused'],
  ]);
  const resumed = pausedConditionUpdates(
    ro({ conditions: [newCondition('Progressing', 'Unknown', 'RolloutPaused', 'Rollout is paused', T0), newCondition('Paused', 'True', 'RolloutPaused', 'Rollout is paused', T0)] }),
    T0,
  );
  assert.deepEqual(resumed.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['Progressing', 'Unknown', 'RolloutResumed', 'Rollout is resumed'],
    ['Paused', 'False', 'RolloutPaused', 'Rollout is paused'],
  ]);
  const retry = pausedConditionUpdates(ro({ conditions: [newCondition('Progressing', 'False', 'RolloutAborted', 'x', T0)] }), T0);
  assert.deepEqual(retry.map((c) => [c.reason, c.message]), [['RolloutRetry', 'Retrying Rollout after abort']]);
});

test('calculateRolloutConditions: healthy rollout', () => {
  const status: RolloutStatus = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, stableRS: 'h', currentPodHash: 'h', currentStepIndex: 1 };
  const r = calculateRolloutConditions({ rollout: ro(), status, newRSName: 'ro-h', aborted: false, revision: 2, available: true, now: T0 });
  const byType = Object.fromEntries(r.conditions.map((c) => [c.type, [c.status, c.reason, c.message]]));
  assert.deepEqual(byType, {
    Healthy: ['True', 'RolloutHealthy', 'Rollout is healthy'],
    Progressing: ['True', 'NewReplicaSetAvailable', 'ReplicaSet "ro-h" has successfully progressed.'],
    Available: ['True', 'AvailableReason', 'Rollout has minimum availability'],
    Completed: ['True', 'RolloutCompleted', 'RolloutCompleted'],
  });
});

test('calculateRolloutConditions: abort and timeout', () => {
  const status: RolloutStatus = { replicas: 3, updatedReplicas: 1, availableReplicas: 3, stableRS: 's', currentPodHash: 'h' };
  const aborted = calculateRolloutConditions({ rollout: ro(), status, newRSName: 'ro-h', aborted: true, abortMessage: 'Metric "x" assessed Failed', revision: 3, available: true, now: T0 });
  const prog = aborted.conditions.find((c) => c.type === 'Progressing');
  assert.deepEqual([prog?.status, prog?.reason, prog?.message], ['False', 'RolloutAborted', 'Rollout aborted update to revision 3: Metric "x" assessed Failed']);

  const stuck = ro({ ...status, conditions: [newCondition('Progressing', 'True', 'ReplicaSetUpdated', 'ReplicaSet "ro-h" is progressing.', T0)] });
  const timed = calculateRolloutConditions({ rollout: stuck, status: { ...status, conditions: stuck.status?.conditions }, newRSName: 'ro-h', aborted: false, revision: 3, available: true, now: T0 + 601_000 });
  assert.equal(timed.timedOut, true);
  const p = timed.conditions.find((c) => c.type === 'Progressing');
  assert.deepEqual([p?.status, p?.reason, p?.message], ['False', 'ProgressDeadlineExceeded', 'ReplicaSet "ro-h" has timed out progressing.']);
});

test('calculateRolloutConditions: no progress deadline at an indefinite (pause/analysis/experiment) step', () => {
  const status: RolloutStatus = { replicas: 3, updatedReplicas: 1, availableReplicas: 3, stableRS: 's', currentPodHash: 'h' };
  const stuck = ro({ ...status, conditions: [newCondition('Progressing', 'True', 'ReplicaSetUpdated', 'ReplicaSet "ro-h" is progressing.', T0)] });
  const input = { rollout: stuck, status: { ...status, conditions: stuck.status?.conditions }, newRSName: 'ro-h', aborted: false, revision: 3, available: true, now: T0 + 601_000 };
  assert.equal(calculateRolloutConditions({ ...input, indefiniteStep: true }).timedOut, false);
  assert.equal(calculateRolloutConditions({ ...input, indefiniteStep: false }).timedOut, true);
});
