/**
 * Composes the pure pieces the way a reconcile loop would (classify → size RSs → drain others →
 * pause bookkeeping → step decision) over simulated time, with pods becoming available at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Rollout } from '../../src/api/types/rollout.ts';
import { calculateReplicaCountsForBasicCanary } from '../../src/rollout/replicas-basic-canary.ts';
import { classifyReplicaSets } from '../../src/rollout/canary-replicas.ts';
import { planOldReplicaSetsScaleDownForCanary } from '../../src/rollout/old-replicasets.ts';
import { calculatePauseStatus, shouldAddCanaryPause } from '../../src/rollout/pause.ts';
import { decideCanaryStep } from '../../src/rollout/canary-progress.ts';
import { getCurrentCanaryStep } from '../../src/rollout/steps.ts';
import { calculateRolloutPhase } from '../../src/rollout/phase.ts';
import { calculateStatusCounts } from '../../src/rollout/status-counts.ts';
import { canaryRollout, rs } from './fixtures.ts';

function run(ro: Rollout, rsList: ReplicaSet[], start: number, maxTicks = 200) {
  let now = start;
  const trace: string[] = [];
  const events: string[] = [];
  for (let tick = 0; tick < maxTicks; tick++) {
    const newRS = rsList.find((r) => r.metadata?.name === 'new');
    const c = classifyReplicaSets(ro, rsList, newRS);
    // 1. scale new/stable (other RSs first)
    const plan = planOldReplicaSetsScaleDownForCanary(ro, rsList, c.otherRSs, now);
    for (const a of plan.actions) {
      const r = rsList.find((x) => x.metadata?.name === a.name)!;
      r.spec!.replicas = a.to;
      Object.assign(r, { status: { replicas: a.to, availableReplicas: a.to, readyReplicas: a.to } });
    }
    const counts = calculateReplicaCountsForBasicCanary(ro, c.newRS, c.stableRS, c.otherRSs);
    for (const [r, n] of [[c.newRS, counts.canary], [c.stableRS !== c.newRS ? c.stableRS : undefined, counts.stable]] as const) {
      if (!r) continue;
      r.spec!.replicas = n;
      Object.assign(r, { status: { replicas: n, availableReplicas: n, readyReplicas: n } });
    }
    // 2. pause step
    const { step } = getCurrentCanaryStep(ro);
    const add = step?.pause && shouldAddCanaryPause(ro, step.pause, now) ? ['CanaryPauseStep'] : [];
    ro.status = { ...ro.status, ...calculatePauseStatus(ro, { add }, now) };
    // 3. step decision
    const d = decideCanaryStep({ rollout: ro, ...c, otherRSs: c.otherRSs, now, currentPodHash: 'new', templateOrStepsChanged: false, aborted: false });
    const pause = calculatePauseStatus(ro, { remove: d.removePauseReasons, clear: d.clearPauseConditions }, now);
    const { pauseConditions: _p, controllerPause: _c, ...rest } = ro.status;
    void _p;
    void _c;
    ro.status = { ...rest, ...pause, currentStepIndex: d.currentStepIndex, stableRS: d.promoteStableTo ?? ro.status.stableRS };
    Object.assign(ro.status, calculateStatusCounts(ro, rsList, newRS));
    events.push(...d.events.map((e) => e.message));
    trace.push(`${ro.status.currentStepIndex}:${rsList.map((r) => `${r.metadata?.name}=${r.spec?.replicas}`).join(',')}`);
    const settled = ro.status.stableRS === 'new' && rsList.every((r) => r.metadata?.name === 'new' || r.spec?.replicas === 0);
    if (settled) return { now, trace, events, ticks: tick };
    now += 10_000;
  }
  throw new Error(`did not converge: ${trace.slice(-5).join(' | ')}`);
}

test('simulation: basic canary with steps walks the steps and completes', () => {
  const T0 = Date.parse('2024-01-01T00:00:00Z');
  const ro = canaryRollout({ replicas: 4, steps: [{ setWeight: 25 }, { pause: { duration: '1m' } }, { setWeight: 75 }], maxSurge: 1, maxUnavailable: 0, currentPodHash: 'new', stableRS: 'old', currentStepIndex: 0 });
  const result = run(ro, [rs('old', 4, 4, { revision: 1 }), rs('new', 0, 0, { revision: 2 })], T0);
  assert.deepEqual(result.events, [
    'Rollout step 1/3 completed (setWeight: 25)',
    'Rollout step 2/3 completed (pause: 1m)',
    'Rollout step 3/3 completed (setWeight: 75)',
  ]);
  assert.equal(ro.status?.currentStepIndex, 3);
  assert.ok(result.now - T0 >= 60_000, 'waited for the pause');
  assert.deepEqual(calculateRolloutPhase(ro.spec, ro.status), { phase: 'Healthy', message: '' });
});

test('simulation: no steps behaves like a rolling update', () => {
  const ro = canaryRollout({ replicas: 10, steps: [], maxSurge: '25%', maxUnavailable: '25%', currentPodHash: 'new', stableRS: 'old' });
  const result = run(ro, [rs('old', 10, 10, { revision: 1 }), rs('new', 0, 0, { revision: 2 })], 0);
  for (const line of result.trace) {
    const total = [...line.matchAll(/=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    assert.ok(total <= 13, `surge exceeded: ${line}`);
  }
  assert.ok(result.ticks <= 10, `took ${result.ticks} ticks`);
});
