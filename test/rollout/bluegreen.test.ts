import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../src/api/types/rollout.ts';
import type { BlueGreenStrategy } from '../../src/api/types/rollout-strategy.ts';
import type { RolloutStatus } from '../../src/api/types/rollout-status.ts';
import {
  abortedNewRSScaleDown,
  blueGreenNewRSReplicas,
  calculateScaleUpPreviewCheckPoint,
  completedBlueGreenPause,
  decideBlueGreenPause,
  desiredActiveSelector,
  desiredPreviewSelector,
  isSaturated,
  shouldDelayScaleDownOnAbort,
  shouldFullPromoteBlueGreen,
} from '../../src/rollout/bluegreen.ts';
import { rs } from './fixtures.ts';

const T0 = Date.parse('2024-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function bg(b: Partial<BlueGreenStrategy> = {}, status: RolloutStatus = {}, replicas = 3): Rollout {
  return {
    metadata: { name: 'ro' },
    spec: { replicas, strategy: { blueGreen: { activeService: 'active', previewService: 'preview', ...b } } },
    status: { currentPodHash: 'new', stableRS: 'old', blueGreen: { activeSelector: 'old' }, ...status },
  };
}
const saturated = (hash: string, n: number) => rs(hash, n, n, { annotations: { 'rollout.argoproj.io/desired-replicas': String(n) } });

test('new RS size: previewReplicaCount until promotion', () => {
  const all = [rs('old', 3, 3), rs('new', 1, 1)];
  assert.equal(blueGreenNewRSReplicas(bg(), rs('new', 0, 0), all), 3, 'no previewReplicaCount → full');
  assert.equal(blueGreenNewRSReplicas(bg({ previewReplicaCount: 1 }), rs('new', 0, 0), all), 1);
  assert.equal(blueGreenNewRSReplicas(bg({ previewReplicaCount: 1 }, { promoteFull: true }), rs('new', 0, 0), all), 3);
  assert.equal(
    blueGreenNewRSReplicas(bg({ previewReplicaCount: 1 }, { blueGreen: { activeSelector: 'old', scaleUpPreviewCheckPoint: true } }), rs('new', 1, 1), all),
    3,
    'resumed past the checkpoint → scale up before the switch',
  );
  assert.equal(blueGreenNewRSReplicas(bg({ previewReplicaCount: 1 }, { blueGreen: { activeSelector: 'new' } }), rs('new', 1, 1), [rs('new', 1, 1)]), 3, 'already active');
});

test('saturation needs the desired-replicas annotation', () => {
  const r = bg();
  assert.equal(isSaturated(r, saturated('new', 3)), true);
  assert.equal(isSaturated(r, rs('new', 3, 3)), false);
  assert.equal(isSaturated(r, saturated('new', 2)), false);
});

test('pause lifecycle: autoPromotionEnabled=false waits for a human', () => {
  const base = { newRS: saturated('new', 3), allRSs: [saturated('old', 3), saturated('new', 3)], activeSelectorHash: 'old', halted: false, prePromotionAnalysisSuccessful: true, now: T0 };
  const manual = bg({ autoPromotionEnabled: false });
  assert.deepEqual(decideBlueGreenPause({ ...base, rollout: manual }), { addPause: true, removePause: false });
  const paused = bg({ autoPromotionEnabled: false }, { controllerPause: true, pauseConditions: [{ reason: 'BlueGreenPause', startTime: iso(T0) }] });
  assert.deepEqual(decideBlueGreenPause({ ...base, rollout: paused, now: T0 + 3_600_000 }), { addPause: false, removePause: false });
  assert.equal(completedBlueGreenPause(paused, T0 + 3_600_000), false);
  const promoted = bg({ autoPromotionEnabled: false }, { controllerPause: true });
  assert.equal(completedBlueGreenPause(promoted, T0), true, 'user cleared the pause condition');
  assert.deepEqual(decideBlueGreenPause({ ...base, rollout: promoted }), { addPause: false, removePause: false });
});

test('pause lifecycle: autoPromotionSeconds promotes after the delay', () => {
  const base = { newRS: saturated('new', 3), allRSs: [saturated('old', 3), saturated('new', 3)], activeSelectorHash: 'old', halted: false, prePromotionAnalysisSuccessful: true };
  const auto = bg({ autoPromotionSeconds: 30 }, { controllerPause: true, pauseConditions: [{ reason: 'BlueGreenPause', startTime: iso(T0) }] });
  assert.deepEqual(decideBlueGreenPause({ ...base, rollout: auto, now: T0 + 10_000 }), { addPause: false, removePause: false, requeueAfterMs: 20_000 });
  assert.deepEqual(decideBlueGreenPause({ ...base, rollout: auto, now: T0 + 30_001 }), { addPause: false, removePause: true });
  assert.equal(completedBlueGreenPause(bg(), T0), true, 'default auto-promotion has no pause');
});

test('pause skipped when fast-tracked (initial deploy, already active, promoteFull, scale-down deadline)', () => {
  const base = { newRS: saturated('new', 3), allRSs: [saturated('new', 3)], halted: false, prePromotionAnalysisSuccessful: true, now: T0 };
  const manual = bg({ autoPromotionEnabled: false });
  assert.deepEqual(decideBlueGreenPause({ ...base, rollout: manual, activeSelectorHash: '' }), { addPause: false, removePause: true });
  assert.deepEqual(decideBlueGreenPause({ ...base, rollout: manual, activeSelectorHash: 'new' }), { addPause: false, removePause: true });
  const deadline = rs('new', 3, 3, { annotations: { 'scale-down-deadline': iso(T0 + 10_000), 'rollout.argoproj.io/desired-replicas': '3' } });
  assert.deepEqual(decideBlueGreenPause({ ...base, newRS: deadline, rollout: manual, activeSelectorHash: 'old' }), { addPause: false, removePause: true });
});

test('active selector switches only when saturated, unpaused and pre-promotion passed; reverts on abort', () => {
  const allRSs = [saturated('old', 3), saturated('new', 3)];
  const base = { newRS: saturated('new', 3), allRSs, activeSelectorHash: 'old', halted: false, prePromotionAnalysisSuccessful: true, now: T0, justAddedPause: false };
  assert.equal(desiredActiveSelector({ ...base, rollout: bg() }), 'new');
  assert.equal(desiredActiveSelector({ ...base, rollout: bg(), prePromotionAnalysisSuccessful: false }), 'old');
  assert.equal(desiredActiveSelector({ ...base, rollout: bg(), newRS: rs('new', 3, 2) }), undefined, 'not ready');
  assert.equal(desiredActiveSelector({ ...base, rollout: bg({ autoPromotionEnabled: false }), justAddedPause: true }), 'old');
  assert.equal(desiredActiveSelector({ ...base, rollout: bg({}, { abort: true }) }), 'old');
  assert.equal(desiredActiveSelector({ ...base, rollout: bg(), activeSelectorHash: '' }), 'new', 'initial deploy');
});

test('preview selector follows the new RS unless halted', () => {
  assert.equal(desiredPreviewSelector(bg(), rs('new', 0, 0), false), 'new');
  assert.equal(desiredPreviewSelector(bg(), rs('new', 0, 0), true), undefined);
  assert.equal(desiredPreviewSelector(bg({ previewService: '' }), rs('new', 0, 0), false), undefined);
});

test('full promotion of blue-green', () => {
  const base = { newRS: rs('new', 3, 3), currentPodHash: 'new', aborted: false, targetsVerified: true, postPromotionAnalysisSuccessful: false };
  assert.equal(shouldFullPromoteBlueGreen({ ...base, rollout: bg({}, { stableRS: '' }), activeSelector: '' }), 'Initial deploy');
  assert.equal(shouldFullPromoteBlueGreen({ ...base, rollout: bg(), activeSelector: 'old' }), undefined);
  assert.equal(shouldFullPromoteBlueGreen({ ...base, rollout: bg(), activeSelector: 'new' }), 'Completed blue-green update');
  assert.equal(shouldFullPromoteBlueGreen({ ...base, rollout: bg({ postPromotionAnalysis: {} }), activeSelector: 'new' }), undefined);
  assert.equal(shouldFullPromoteBlueGreen({ ...base, rollout: bg({ postPromotionAnalysis: {} }), activeSelector: 'new', postPromotionAnalysisSuccessful: true }), 'Completed blue-green update');
  assert.equal(shouldFullPromoteBlueGreen({ ...base, rollout: bg({}, { promoteFull: true }), activeSelector: 'new', aborted: true }), 'Full promotion requested');
  assert.equal(shouldFullPromoteBlueGreen({ ...base, rollout: bg(), activeSelector: 'new', targetsVerified: false }), undefined);
});

test('scaleUpPreviewCheckPoint is a one-way trip-wire', () => {
  const r = bg({ previewReplicaCount: 1 });
  assert.equal(calculateScaleUpPreviewCheckPoint(r, rs('new', 1, 1), true, true), true);
  assert.equal(calculateScaleUpPreviewCheckPoint(r, rs('new', 1, 1), false, true), false);
  assert.equal(calculateScaleUpPreviewCheckPoint(r, rs('new', 1, 0), true, true), false);
  assert.equal(calculateScaleUpPreviewCheckPoint(bg({ previewReplicaCount: 1 }, { blueGreen: { scaleUpPreviewCheckPoint: true } }), rs('new', 3, 0), false, false), true);
  assert.equal(calculateScaleUpPreviewCheckPoint(bg(), rs('new', 1, 1), true, true), false);
});

test('abort: preview is annotated once stable is fully available, then scaled to 0 at the deadline; 0 = never', () => {
  const aborted = bg({}, { abort: true });
  assert.equal(shouldDelayScaleDownOnAbort(aborted, true, rs('old', 3, 3)), true);
  assert.equal(shouldDelayScaleDownOnAbort(bg({ abortScaleDownDelaySeconds: 0 }), true, rs('old', 3, 3)), false);
  assert.equal(shouldDelayScaleDownOnAbort(aborted, true, undefined), false);
  assert.deepEqual(abortedNewRSScaleDown(aborted, rs('new', 3, 3), rs('old', 3, 2), 3, T0), {});
  assert.deepEqual(abortedNewRSScaleDown(aborted, rs('new', 3, 3), rs('old', 3, 3), 3, T0), { addScaleDownDeadline: '2024-01-01T00:00:30Z', requeueAfterMs: 30_000 });
  const annotated = rs('new', 3, 3, { annotations: { 'scale-down-deadline': '2024-01-01T00:00:30Z' } });
  assert.deepEqual(abortedNewRSScaleDown(aborted, annotated, rs('old', 3, 3), 3, T0 + 10_000), { requeueAfterMs: 20_000 });
  assert.deepEqual(abortedNewRSScaleDown(aborted, annotated, rs('old', 3, 3), 3, T0 + 31_000), { replicas: 0 });
});
