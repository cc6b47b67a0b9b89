import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planCleanupUnhealthyReplicas, planOldReplicaSetsScaleDownForBlueGreen, planOldReplicaSetsScaleDownForCanary } from '../../src/rollout/old-replicasets.ts';
import { scaleDownDelayForOldRS } from '../../src/rollout/scale-down-delay.ts';
import type { Rollout } from '../../src/api/types/rollout.ts';
import { canaryRollout, rs } from './fixtures.ts';

const T0 = Date.parse('2024-01-01T00:00:00Z');

test('basic canary drains older RSs within maxScaleDown, newest first', () => {
  const ro = canaryRollout({ replicas: 4, setWeight: 100, maxSurge: 1, maxUnavailable: 1 });
  const older = [rs('r1', 2, 2, { revision: 1 }), rs('r2', 2, 2, { revision: 2 })];
  const all = [...older, rs('canary', 2, 2), rs('stable', 0, 0)];
  // available 6, min available 3 → may remove 3 pods: r2 to 0, then r1 to 1.
  assert.deepEqual(planOldReplicaSetsScaleDownForCanary(ro, all, older, T0).actions, [
    { name: 'r2', from: 2, to: 0 },
    { name: 'r1', from: 2, to: 1 },
  ]);
});

test('canary never scales down an RS still referenced (stable, current, service selectors)', () => {
  const ro = canaryRollout({ replicas: 2, setWeight: 100, maxSurge: 1, maxUnavailable: 1 });
  const older = [rs('stable', 2, 2, { revision: 1 }), rs('svc', 1, 1, { revision: 2 })];
  const plan = planOldReplicaSetsScaleDownForCanary(ro, [...older, rs('canary', 2, 2)], older, T0, ['svc']);
  assert.deepEqual(plan.actions, []);
});

test('traffic-routed canary: old RS annotated with scale-down-deadline, then scaled at the deadline', () => {
  const ro = canaryRollout({ replicas: 2, setWeight: 100, trafficRouting: { smi: {} }, stableRS: 'new', currentPodHash: 'new' });
  const old = rs('old', 2, 2, { revision: 1 });
  const plan = planOldReplicaSetsScaleDownForCanary(ro, [old, rs('new', 2, 2)], [old], T0);
  assert.deepEqual(plan.actions, [{ name: 'old', from: 2, to: 2, addScaleDownDeadline: '2024-01-01T00:00:30Z' }]);
  assert.equal(plan.requeueAfterMs, 30_000);
  const annotated = rs('old', 2, 2, { revision: 1, annotations: { 'scale-down-deadline': '2024-01-01T00:00:30Z' } });
  assert.deepEqual(planOldReplicaSetsScaleDownForCanary(ro, [annotated, rs('new', 2, 2)], [annotated], T0 + 31_000).actions, [{ name: 'old', from: 2, to: 0 }]);
});

test('scaleDownDelayRevisionLimit: extra annotated RSs go to 0 immediately', () => {
  const ro: Rollout = { spec: { replicas: 3, strategy: { blueGreen: { activeService: 'a', scaleDownDelayRevisionLimit: 1 } } }, status: { stableRS: 'new', currentPodHash: 'new' } };
  const d = (name: string, rev: number) => rs(name, 3, 3, { revision: rev, annotations: { 'scale-down-deadline': '2024-01-01T00:01:00Z' } });
  const plan = planOldReplicaSetsScaleDownForBlueGreen(ro, [d('r1', 1), d('r2', 2)], T0);
  assert.deepEqual(plan.actions, [{ name: 'r1', from: 3, to: 0 }]);
  assert.equal(plan.requeueAfterMs, 60_000);
  assert.deepEqual(scaleDownDelayForOldRS(ro, rs('x', 0, 0), 0, 3, T0), { annotatedCount: 0, desiredReplicas: 0 });
});

test('blue-green waits for post-promotion analysis when no scaleDownDelaySeconds is set', () => {
  const ro: Rollout = { spec: { replicas: 3, strategy: { blueGreen: { activeService: 'a', postPromotionAnalysis: {} } } }, status: { stableRS: 'new', currentPodHash: 'new' } };
  const old = [rs('old', 3, 3, { revision: 1 })];
  assert.deepEqual(planOldReplicaSetsScaleDownForBlueGreen(ro, old, T0).actions, []);
  assert.equal(planOldReplicaSetsScaleDownForBlueGreen(ro, old, T0, { postPromotionAnalysisSuccessful: true }).actions.length, 1);
});

test('unhealthy replicas are removed first', () => {
  assert.deepEqual(planCleanupUnhealthyReplicas([rs('a', 3, 1), rs('b', 2, 2), rs('c', 0, 0)]), [{ name: 'a', from: 3, to: 1 }]);
});
