import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout, RolloutSpec } from '../../src/api/types/rollout.ts';
import type { RolloutStatus, RolloutCondition } from '../../src/api/types/rollout-status.ts';
import { calculateRolloutPhase, getRolloutPhase } from '../../src/rollout/phase.ts';

const cond = (type: string, reason: string, message: string, status: RolloutCondition['status'] = 'False'): RolloutCondition => ({
  type, status, reason, message, lastUpdateTime: '2024-01-01T00:00:00Z', lastTransitionTime: '2024-01-01T00:00:00Z',
});
const canarySpec = (extra: Partial<RolloutSpec> = {}): RolloutSpec => ({ replicas: 3, strategy: { canary: { steps: [{ setWeight: 50 }] } }, ...extra });
const bgSpec = (extra: Partial<RolloutSpec> = {}): RolloutSpec => ({ replicas: 3, strategy: { blueGreen: { activeService: 'a' } }, ...extra });
const healthy: RolloutStatus = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, stableRS: 'h', currentPodHash: 'h', blueGreen: { activeSelector: 'h' } };

const rows: Array<{ name: string; spec: RolloutSpec; status: RolloutStatus; phase: string; message: string }> = [
  { name: 'InvalidSpec', spec: canarySpec(), status: { ...healthy, conditions: [cond('InvalidSpec', 'InvalidSpec', 'bad', 'True')] }, phase: 'Degraded', message: 'InvalidSpec: bad' },
  { name: 'aborted', spec: canarySpec(), status: { ...healthy, conditions: [cond('Progressing', 'RolloutAborted', 'Rollout aborted update to revision 3')] }, phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 3' },
  { name: 'deadline exceeded', spec: canarySpec(), status: { ...healthy, conditions: [cond('Progressing', 'ProgressDeadlineExceeded', 'ReplicaSet "x" has timed out progressing.')] }, phase: 'Degraded', message: 'ProgressDeadlineExceeded: ReplicaSet "x" has timed out progressing.' },
  { name: 'manually paused', spec: canarySpec({ paused: true }), status: healthy, phase: 'Paused', message: 'manually paused' },
  { name: 'pause condition', spec: canarySpec(), status: { ...healthy, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2024-01-01T00:00:00Z' }] }, phase: 'Paused', message: 'CanaryPauseStep' },
  { name: 'restarting', spec: canarySpec({ restartAt: '2024-01-01T00:00:00Z' }), status: healthy, phase: 'Progressing', message: 'rollout is restarting' },
  { name: 'restart done', spec: canarySpec({ restartAt: '2024-01-01T00:00:00Z' }), status: { ...healthy, restartedAt: '2024-01-01T00:00:00Z' }, phase: 'Healthy', message: '' },
  { name: 'more replicas need update', spec: canarySpec(), status: { ...healthy, updatedReplicas: 1 }, phase: 'Progressing', message: 'more replicas need to be updated' },
  { name: 'becoming available', spec: canarySpec(), status: { ...healthy, availableReplicas: 2 }, phase: 'Progressing', message: 'updated replicas are still becoming available' },
  { name: 'BG cutover pending', spec: bgSpec(), status: { ...healthy, blueGreen: { activeSelector: 'old' } }, phase: 'Progressing', message: 'active service cutover pending' },
  { name: 'BG post-promotion analysis', spec: bgSpec({ strategy: { blueGreen: { activeService: 'a', postPromotionAnalysis: {} } } }), status: { ...healthy, stableRS: 'old' }, phase: 'Progressing', message: 'waiting for analysis to complete' },
  { name: 'BG post-promotion verification', spec: bgSpec(), status: { ...healthy, stableRS: 'old' }, phase: 'Progressing', message: 'waiting for post-promotion verification to complete' },
  { name: 'canary old replicas', spec: canarySpec(), status: { ...healthy, replicas: 4 }, phase: 'Progressing', message: 'old replicas are pending termination' },
  { name: 'canary waiting for steps', spec: canarySpec(), status: { ...healthy, stableRS: 'old' }, phase: 'Progressing', message: 'waiting for all steps to complete' },
  { name: 'traffic-routed canary ignores old replicas', spec: canarySpec({ strategy: { canary: { trafficRouting: { smi: {} } } } }), status: { ...healthy, replicas: 6 }, phase: 'Healthy', message: '' },
  { name: 'healthy canary', spec: canarySpec(), status: healthy, phase: 'Healthy', message: '' },
  { name: 'healthy blue-green', spec: bgSpec(), status: healthy, phase: 'Healthy', message: '' },
];

for (const r of rows) {
  test(`calculateRolloutPhase: ${r.name}`, () => {
    assert.deepEqual(calculateRolloutPhase(r.spec, r.status), { phase: r.phase, message: r.message });
  });
}

test('getRolloutPhase: client-side rules', () => {
  const ro = (status: RolloutStatus, generation = 2): Rollout => ({ metadata: { generation }, spec: canarySpec(), status });
  assert.deepEqual(getRolloutPhase(ro({ observedGeneration: '1', phase: 'Healthy' })), { phase: 'Progressing', message: 'waiting for rollout spec update to be observed' });
  assert.deepEqual(getRolloutPhase(ro({ observedGeneration: '2', controllerPause: true, phase: 'Paused', message: 'CanaryPauseStep' })), { phase: 'Progressing', message: 'waiting for rollout to unpause' });
  assert.deepEqual(getRolloutPhase(ro({ observedGeneration: '2', phase: 'Paused', message: 'CanaryPauseStep' })), { phase: 'Paused', message: 'CanaryPauseStep' });
  assert.deepEqual(getRolloutPhase(ro({ observedGeneration: '2', ...healthy })), { phase: 'Healthy', message: '' });
});
