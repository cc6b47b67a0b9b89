import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep } from '../../src/api/types/canary-steps.ts';
import { atDesiredReplicaCountsForCanary, completedCurrentCanaryStep, decideCanaryStep, shouldFullPromoteCanary } from '../../src/rollout/canary-progress.ts';
import { calculatePauseStatus, completedCanaryPauseStep, shouldAddCanaryPause } from '../../src/rollout/pause.ts';
import { canaryRollout, rs } from './fixtures.ts';

const T0 = Date.parse('2024-01-01T00:00:00Z');
const steps: CanaryStep[] = [{ setWeight: 20 }, { pause: { duration: '1m' } }, { analysis: { templates: [{ templateName: 'a' }] } }, { setWeight: 100 }];

test('at desired counts: basic canary needs new/stable at target and no older pods', () => {
  const ro = canaryRollout({ replicas: 5, steps, currentStepIndex: 0, maxSurge: 1, maxUnavailable: 0 });
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs('canary', 1, 1), rs('stable', 4, 4), [], undefined), true);
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs('canary', 1, 0), rs('stable', 4, 4), [], undefined), false);
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs('canary', 1, 1), rs('stable', 4, 4), [rs('older', 1, 1)], undefined), false);
});

test('replicaProgressThreshold lets a step complete early', () => {
  const ro = canaryRollout({ replicas: 10, steps: [{ setWeight: 50 }], trafficRouting: { smi: {} } });
  ro.spec.strategy.canary!.replicaProgressThreshold = { type: 'Percent', value: 60 };
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs('canary', 5, 3), rs('stable', 10, 10), [], undefined), true);
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs('canary', 5, 2), rs('stable', 10, 10), [], undefined), false);
});

test('step completion per kind', () => {
  const obs = (index: number, extra: object = {}) => ({
    rollout: canaryRollout({ replicas: 5, steps, currentStepIndex: index, maxSurge: 1, maxUnavailable: 0, ...extra }),
    newRS: rs('canary', 1, 1),
    stableRS: rs('stable', 4, 4),
    otherRSs: [],
    now: T0,
  });
  assert.equal(completedCurrentCanaryStep(obs(0)), true, 'setWeight reached');
  assert.equal(completedCurrentCanaryStep({ ...obs(0), weightVerified: false }), false, 'weight not verified');
  assert.equal(completedCurrentCanaryStep(obs(2)), false, 'analysis not done');
  assert.equal(completedCurrentCanaryStep({ ...obs(2), stepAnalysisPhase: 'Successful' }), true);
  assert.equal(completedCurrentCanaryStep({ ...obs(2), stepAnalysisPhase: 'Inconclusive' }), false);
  const paused = obs(0);
  paused.rollout.spec.paused = true;
  assert.equal(completedCurrentCanaryStep(paused), false, 'spec.paused halts steps');
});

test('pause step: timed, indefinite, and resumed by the user', () => {
  const ro = canaryRollout({ steps, currentStepIndex: 1 });
  assert.equal(shouldAddCanaryPause(ro, { duration: '1m' }, T0), true);
  const status = calculatePauseStatus(ro, { add: ['CanaryPauseStep'] }, T0);
  assert.deepEqual(status, { pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2024-01-01T00:00:00Z' }], controllerPause: true });
  ro.status = { ...ro.status, ...status };
  assert.equal(completedCanaryPauseStep(ro, { duration: '1m' }, T0 + 60_000), false);
  assert.equal(completedCanaryPauseStep(ro, { duration: '1m' }, T0 + 60_001), true);
  assert.equal(completedCanaryPauseStep(ro, {}, T0 + 10 ** 9), false, 'indefinite');
  ro.status.pauseConditions = [];
  assert.equal(completedCanaryPauseStep(ro, {}, T0), true, 'user cleared pauseConditions');
  assert.equal(shouldAddCanaryPause(ro, {}, T0), false, 'not re-added after resume');
});

test('pause status: abort wins and keeps abortedAt; clear removes everything', () => {
  const ro = canaryRollout({ steps });
  ro.status = { ...ro.status, abort: true, abortedAt: '2023-12-31T00:00:00Z', pauseConditions: [{ reason: 'CanaryPauseStep', startTime: 'x' }] };
  assert.deepEqual(calculatePauseStatus(ro, {}, T0), { abort: true, abortedAt: '2023-12-31T00:00:00Z' });
  assert.deepEqual(calculatePauseStatus(ro, { removeAbort: true, clear: true }, T0), {});
  assert.deepEqual(calculatePauseStatus(ro, { removeAbort: true, remove: ['CanaryPauseStep'] }, T0), {});
});

test('full promotion: initial deploy, all steps done, promoteFull; never while aborted', () => {
  const done = canaryRollout({ replicas: 3, steps, currentStepIndex: 4 });
  assert.equal(shouldFullPromoteCanary(done, rs('canary', 3, 3), undefined, false), 'Initial deploy');
  assert.equal(shouldFullPromoteCanary(done, rs('canary', 3, 3), rs('stable', 0, 0), false), 'Completed all 4 canary steps');
  assert.equal(shouldFullPromoteCanary(done, rs('canary', 3, 2), rs('stable', 0, 0), false), undefined);
  assert.equal(shouldFullPromoteCanary(done, rs('canary', 3, 3), rs('stable', 0, 0), true), undefined);
  assert.equal(shouldFullPromoteCanary(canaryRollout({ replicas: 3, steps, promoteFull: true }), rs('canary', 3, 3), rs('stable', 3, 3), false), 'Full promotion requested');
  assert.equal(shouldFullPromoteCanary(canaryRollout({ replicas: 3, steps: [] }), rs('canary', 3, 3), rs('stable', 0, 0), false), 'Completed all 0 canary steps');
});

test('step decision: advance, reset on change, rollback to stable, abort', () => {
  const ro = canaryRollout({ replicas: 5, steps, currentStepIndex: 0, maxSurge: 1, maxUnavailable: 0 });
  const base = { rollout: ro, newRS: rs('canary', 1, 1), stableRS: rs('stable', 4, 4), otherRSs: [], now: T0, currentPodHash: 'canary', templateOrStepsChanged: false, aborted: false };
  const adv = decideCanaryStep(base);
  assert.equal(adv.currentStepIndex, 1);
  assert.deepEqual(adv.events, [{ reason: 'RolloutStepCompleted', message: 'Rollout step 1/4 completed (setWeight: 20)' }]);
  assert.deepEqual(adv.removePauseReasons, ['CanaryPauseStep']);

  const reset = decideCanaryStep({ ...base, templateOrStepsChanged: true });
  assert.equal(reset.currentStepIndex, 0);
  assert.equal(reset.resetStatus, true);

  const back = decideCanaryStep({ ...base, templateOrStepsChanged: true, newRS: rs('stable', 4, 4), currentPodHash: 'stable' });
  assert.equal(back.currentStepIndex, 4);
  assert.deepEqual(back.events, [{ reason: 'SkipSteps', message: 'Rollback to stable ReplicaSets' }]);

  const aborted = decideCanaryStep({ ...base, aborted: true });
  assert.equal(aborted.currentStepIndex, 0);
  assert.equal(aborted.promoteStableTo, undefined);

  const initial = decideCanaryStep({ ...base, stableRS: undefined });
  assert.equal(initial.promoteStableTo, 'canary');
  assert.equal(initial.promotionReason, 'Initial deploy');
  assert.equal(initial.currentStepIndex, 4);

  const full = decideCanaryStep({ ...base, rollout: canaryRollout({ replicas: 5, steps, currentStepIndex: 1, promoteFull: true }), newRS: rs('canary', 5, 5) });
  assert.equal(full.promotionReason, 'Full promotion requested');
  assert.equal(full.currentStepIndex, 4);
});
