import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep } from '../../src/api/types/canary-steps.ts';
import { beforeStartingStep, canaryStepString, getCanaryReplicasOrWeight, getCurrentCanaryStep, getCurrentSetWeight, getPreviousSetWeight, useSetCanaryScale } from '../../src/rollout/steps.ts';
import { canaryRollout } from './fixtures.ts';

const steps: CanaryStep[] = [{ setWeight: 10 }, { pause: {} }, { setWeight: 40 }, { analysis: { templates: [{ templateName: 'a' }] } }, { setWeight: 80 }];

test('current step and index', () => {
  assert.deepEqual(getCurrentCanaryStep(canaryRollout({ steps, currentStepIndex: 2 })), { step: { setWeight: 40 }, index: 2 });
  assert.deepEqual(getCurrentCanaryStep(canaryRollout({ steps })), { step: { setWeight: 10 }, index: 0 });
  assert.deepEqual(getCurrentCanaryStep(canaryRollout({ steps, currentStepIndex: 5 })), { index: 5 });
  assert.deepEqual(getCurrentCanaryStep(canaryRollout({ steps: [] })), {});
});

const weightRows: Array<[index: number | undefined, abort: boolean, want: number]> = [
  [0, false, 10],
  [1, false, 10],
  [2, false, 40],
  [3, false, 40],
  [4, false, 80],
  [5, false, 100],
  [3, true, 0],
];
for (const [index, abort, want] of weightRows) {
  test(`getCurrentSetWeight at step ${index}${abort ? ' (aborted)' : ''} = ${want}`, () => {
    assert.equal(getCurrentSetWeight(canaryRollout({ steps, currentStepIndex: index, abort })), want);
  });
}

test('no setWeight before current step → 0; no steps → 100', () => {
  assert.equal(getCurrentSetWeight(canaryRollout({ steps: [{ pause: {} }, { setWeight: 50 }], currentStepIndex: 0 })), 0);
  assert.equal(getCurrentSetWeight(canaryRollout({ steps: [] })), 100);
});

test('previous setWeight (used while the new RS is not at its count)', () => {
  assert.equal(getPreviousSetWeight(canaryRollout({ steps, currentStepIndex: 2 })), 10);
  assert.equal(getPreviousSetWeight(canaryRollout({ steps, currentStepIndex: 0 })), 0);
  assert.equal(getPreviousSetWeight(canaryRollout({ steps, currentStepIndex: 5 })), 80);
});

test('weight is full on initial deploy, when stable == current, and on promoteFull', () => {
  assert.deepEqual(getCanaryReplicasOrWeight(canaryRollout({ steps, stableRS: '' })), { weight: 100 });
  assert.deepEqual(getCanaryReplicasOrWeight(canaryRollout({ steps, stableRS: 'x', currentPodHash: 'x' })), { weight: 100 });
  assert.deepEqual(getCanaryReplicasOrWeight(canaryRollout({ steps, promoteFull: true })), { weight: 100 });
  assert.deepEqual(getCanaryReplicasOrWeight(canaryRollout({ steps, currentStepIndex: 2 })), { weight: 40 });
});

test('setCanaryScale is sticky and needs trafficRouting', () => {
  const s: CanaryStep[] = [{ setCanaryScale: { replicas: 3 } }, { setWeight: 20 }, { pause: {} }, { setCanaryScale: { matchTrafficWeight: true } }];
  assert.deepEqual(useSetCanaryScale(canaryRollout({ steps: s, currentStepIndex: 2, trafficRouting: { smi: {} } })), { replicas: 3 });
  assert.equal(useSetCanaryScale(canaryRollout({ steps: s, currentStepIndex: 3, trafficRouting: { smi: {} } })), undefined);
  assert.equal(useSetCanaryScale(canaryRollout({ steps: s, currentStepIndex: 2 })), undefined);
});

test('background analysis waits for startingStep', () => {
  const ro = canaryRollout({ steps, currentStepIndex: 1 });
  ro.spec.strategy.canary!.analysis = { templates: [{ templateName: 'bg' }], startingStep: 2 };
  assert.equal(beforeStartingStep(ro), true);
  ro.status!.currentStepIndex = 2;
  assert.equal(beforeStartingStep(ro), false);
});

test('step strings used in RolloutStepCompleted events', () => {
  assert.equal(canaryStepString({ setWeight: 20 }), 'setWeight: 20');
  assert.equal(canaryStepString({ pause: {} }), 'pause');
  assert.equal(canaryStepString({ pause: { duration: '1h' } }), 'pause: 1h');
  assert.equal(canaryStepString({ pause: { duration: 30 } }), 'pause: 30');
  assert.equal(canaryStepString({ analysis: {} }), 'analysis');
  assert.equal(canaryStepString({ setCanaryScale: { replicas: 2 } }), 'setCanaryScale{replicas: 2}');
  assert.equal(canaryStepString({ setCanaryScale: { matchTrafficWeight: true } }), 'setCanaryScale{matchTrafficWeight: true}');
});
