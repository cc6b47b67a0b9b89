import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../src/api/types/rollout.ts';
import {
  getAbortScaleDownDelaySecondsOrDefault,
  getAnalysisRunSuccessfulHistoryLimitOrDefault,
  getAnalysisRunUnsuccessfulHistoryLimitOrDefault,
  getAutoPromotionEnabledOrDefault,
  getMaxSurgeOrDefault,
  getMaxTrafficWeight,
  getMaxUnavailableOrDefault,
  getProgressDeadlineSecondsOrDefault,
  getReplicasOrDefault,
  getRevisionHistoryLimitOrDefault,
  getScaleDownDelaySecondsOrDefault,
  needsReplicasWriteBack,
} from '../../src/api/defaults.ts';

const canary = (c: Record<string, unknown> = {}): Rollout => ({ spec: { strategy: { canary: c } } });
const blueGreen = (b: Record<string, unknown> = {}): Rollout => ({ spec: { strategy: { blueGreen: { activeService: 'a', ...b } } } });

test('defaults of §1 are computed at read time', () => {
  const ro = canary();
  assert.equal(getReplicasOrDefault(ro.spec.replicas), 1);
  assert.equal(needsReplicasWriteBack(ro), true);
  assert.equal(getRevisionHistoryLimitOrDefault(ro), 10);
  assert.equal(getProgressDeadlineSecondsOrDefault(ro), 600);
  assert.equal(getMaxSurgeOrDefault(ro), '25');
  assert.equal(getMaxUnavailableOrDefault(ro), '25');
  assert.equal(getAnalysisRunSuccessfulHistoryLimitOrDefault(ro), 5);
  assert.equal(getAnalysisRunUnsuccessfulHistoryLimitOrDefault(ro), 5);
  assert.equal(getMaxTrafficWeight(ro), 100);
  assert.equal(ro.spec.replicas, undefined, 'nothing is written into the spec');
});

test('defaults: explicit values win', () => {
  const ro: Rollout = { spec: { replicas: 0, revisionHistoryLimit: 2, progressDeadlineSeconds: 60, strategy: { canary: { maxSurge: 0, maxUnavailable: '10%' } } } };
  assert.equal(getReplicasOrDefault(ro.spec.replicas), 0);
  assert.equal(needsReplicasWriteBack(ro), false);
  assert.equal(getRevisionHistoryLimitOrDefault(ro), 2);
  assert.equal(getProgressDeadlineSecondsOrDefault(ro), 60);
  assert.equal(getMaxSurgeOrDefault(ro), 0);
  assert.equal(getMaxUnavailableOrDefault(ro), '10%');
});

test('defaults: scale-down delays per strategy', () => {
  assert.equal(getScaleDownDelaySecondsOrDefault(blueGreen()), 30);
  assert.equal(getScaleDownDelaySecondsOrDefault(blueGreen({ scaleDownDelaySeconds: 0 })), 0);
  assert.equal(getScaleDownDelaySecondsOrDefault(canary()), 0, 'basic canary has no delay');
  assert.equal(getScaleDownDelaySecondsOrDefault(canary({ trafficRouting: {} })), 30);
  assert.equal(getScaleDownDelaySecondsOrDefault(canary({ trafficRouting: {}, scaleDownDelaySeconds: 5 })), 5);
});

test('defaults: abortScaleDownDelaySeconds 0 means never, unset means 30', () => {
  assert.deepEqual(getAbortScaleDownDelaySecondsOrDefault(blueGreen()), { seconds: 30, wasSet: false });
  assert.deepEqual(getAbortScaleDownDelaySecondsOrDefault(blueGreen({ abortScaleDownDelaySeconds: 0 })), { seconds: undefined, wasSet: true });
  assert.deepEqual(getAbortScaleDownDelaySecondsOrDefault(blueGreen({ abortScaleDownDelaySeconds: 9 })), { seconds: 9, wasSet: true });
  assert.deepEqual(getAbortScaleDownDelaySecondsOrDefault(canary()), { seconds: 0, wasSet: false });
  assert.deepEqual(getAbortScaleDownDelaySecondsOrDefault(canary({ trafficRouting: {} })), { seconds: 30, wasSet: false });
});

test('defaults: autoPromotionEnabled defaults to true', () => {
  assert.equal(getAutoPromotionEnabledOrDefault(blueGreen()), true);
  assert.equal(getAutoPromotionEnabledOrDefault(blueGreen({ autoPromotionEnabled: false })), false);
});
