import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { isRollback, isRollbackWithinWindow, isScalingEvent, podTemplateChanged, stepsChanged } from '../../src/rollout/change-detection.ts';
import { computeStepHash } from '../../src/rollout/hash.ts';
import { calculateStatusCounts } from '../../src/rollout/status-counts.ts';
import { classifyReplicaSets, newRSNewReplicas } from '../../src/rollout/canary-replicas.ts';
import { canaryRollout, rs } from './fixtures.ts';

const at = (r: ReplicaSet, t: string): ReplicaSet => ({ ...r, metadata: { ...r.metadata, creationTimestamp: t } });

test('steps/template change detection', () => {
  const ro = canaryRollout({ steps: [{ setWeight: 10 }] });
  assert.equal(stepsChanged(ro), true, 'no recorded hash');
  ro.status!.currentStepHash = computeStepHash(ro);
  assert.equal(stepsChanged(ro), false);
  assert.equal(podTemplateChanged(ro, rs('canary', 1, 1)), false);
  assert.equal(podTemplateChanged(ro, rs('other', 1, 1)), true);
});

test('scaling event = desired-replicas annotation mismatch on new or stable RS', () => {
  const ro = canaryRollout({ replicas: 5 });
  const ann = (n: string) => ({ annotations: { 'rollout.argoproj.io/desired-replicas': n } });
  assert.equal(isScalingEvent(ro, rs('canary', 1, 1, ann('5')), rs('stable', 4, 4, ann('5'))), false);
  assert.equal(isScalingEvent(ro, rs('canary', 1, 1, ann('5')), rs('stable', 4, 4, ann('3'))), true);
});

test('rollback detection and rollbackWindow', () => {
  const r1 = at(rs('r1', 0, 0), '2024-01-01T00:00:00Z');
  const r2 = at(rs('r2', 0, 0), '2024-01-02T00:00:00Z');
  const r3 = at(rs('r3', 3, 3), '2024-01-03T00:00:00Z');
  assert.equal(isRollback(r1, r3), true);
  assert.equal(isRollback(r3, r1), false);
  const ro = canaryRollout({});
  assert.equal(isRollbackWithinWindow(ro, r1, r3, [r1, r2, r3]), false, 'no window');
  ro.spec.rollbackWindow = { revisions: 2 };
  assert.equal(isRollbackWithinWindow(ro, r1, r3, [r1, r2, r3]), true);
  assert.equal(isRollbackWithinWindow(ro, r2, r3, [r1, r2, r3]), true);
  ro.spec.rollbackWindow = { revisions: 1 };
  assert.equal(isRollbackWithinWindow(ro, r1, r3, [r1, r2, r3]), false);
});

test('status counts: canary sums all RSs; blue-green reads the active RS', () => {
  const ro = canaryRollout({ replicas: 4 });
  const all = [rs('stable', 3, 3), rs('canary', 1, 0)];
  assert.deepEqual(calculateStatusCounts(ro, all, all[1]), {
    replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, HPAReplicas: 4, selector: 'app=demo',
  });
  const bg = { ...ro, spec: { ...ro.spec, strategy: { blueGreen: { activeService: 'a' } } } };
  assert.deepEqual(calculateStatusCounts(bg, all, all[1], 'stable'), {
    replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, HPAReplicas: 3, selector: 'rollouts-pod-template-hash=stable',
  });
});

test('classify and size the new RS', () => {
  const ro = canaryRollout({ replicas: 10, setWeight: 10, maxSurge: 1, maxUnavailable: 1 });
  const all = [rs('stable', 10, 10), rs('canary', 0, 0), rs('old', 0, 0)];
  const c = classifyReplicaSets(ro, all, all[1]);
  assert.equal(c.stableRS?.metadata?.name, 'stable');
  assert.deepEqual(c.otherRSs.map((r) => r.metadata?.name), ['old']);
  assert.equal(newRSNewReplicas(ro, all, all[1]!), 1);
});
