import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import { intOrPercentValue } from '../../src/api/intstr.ts';
import { approximateWeightedCanaryStableReplicaCounts, calculateReplicaCountsForBasicCanary } from '../../src/rollout/replicas-basic-canary.ts';
import { maxSurgeOf, maxUnavailableOf } from '../../src/rollout/fenceposts.ts';
import { canaryRollout, rs } from './fixtures.ts';

const intOrPct = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`));

const scenario = fc
  .record({
    replicas: fc.integer({ min: 0, max: 30 }),
    weight: fc.integer({ min: 0, max: 100 }),
    maxSurge: intOrPct,
    maxUnavailable: intOrPct,
    stableSpec: fc.integer({ min: 0, max: 40 }),
    canarySpec: fc.integer({ min: 0, max: 40 }),
  })
  .filter((s) => !(intOrPercentValue(s.maxSurge) === 0 && intOrPercentValue(s.maxUnavailable) === 0));

type Scenario = { replicas: number; weight: number; maxSurge: number | string; maxUnavailable: number | string; stableSpec: number; canarySpec: number };

function rolloutOf(s: Scenario, extra: { promoteFull?: boolean } = {}) {
  return canaryRollout({ replicas: s.replicas, setWeight: s.weight, maxSurge: s.maxSurge, maxUnavailable: s.maxUnavailable, ...extra });
}

test('property: total never exceeds replicas + maxSurge (from a state within the budget)', () => {
  fc.assert(
    fc.property(scenario, fc.boolean(), (s, healthy) => {
      const ro = rolloutOf(s);
      const limit = s.replicas + maxSurgeOf(ro);
      fc.pre(s.stableSpec + s.canarySpec <= limit);
      const stable = rs('stable', s.stableSpec, healthy ? s.stableSpec : Math.floor(s.stableSpec / 2));
      const canary = rs('canary', s.canarySpec, healthy ? s.canarySpec : 0);
      const got = calculateReplicaCountsForBasicCanary(ro, canary, stable, []);
      assert.ok(got.canary >= 0 && got.stable >= 0, JSON.stringify(got));
      assert.ok(got.canary + got.stable <= limit, `${JSON.stringify(got)} > ${limit}`);
    }),
    { numRuns: 2000 },
  );
});

test('property: availability never drops below replicas − maxUnavailable when pods are healthy', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const ro = rolloutOf(s);
      const stable = rs('stable', s.stableSpec, s.stableSpec);
      const canary = rs('canary', s.canarySpec, s.canarySpec);
      const got = calculateReplicaCountsForBasicCanary(ro, canary, stable, []);
      const before = s.stableSpec + s.canarySpec;
      const after = Math.min(got.stable, s.stableSpec) + Math.min(got.canary, s.canarySpec);
      const minAvailable = s.replicas - maxUnavailableOf(ro);
      assert.ok(after >= Math.min(minAvailable, before), `after ${after} < min(${minAvailable}, ${before}) for ${JSON.stringify(got)}`);
    }),
    { numRuns: 2000 },
  );
});

/** Apply counts; new pods become available immediately. */
function simulate(s: Scenario, opts: { promoteFull?: boolean; steps?: number } = {}): { canary: number; stable: number; iterations: number } {
  const ro = rolloutOf(s, opts);
  let stable = s.stableSpec;
  let canary = s.canarySpec;
  const max = opts.steps ?? 4 * (s.replicas + 10);
  for (let i = 0; i < max; i++) {
    const got = calculateReplicaCountsForBasicCanary(ro, rs('canary', canary, canary), rs('stable', stable, stable), []);
    if (got.canary === canary && got.stable === stable) return { canary, stable, iterations: i };
    canary = got.canary;
    stable = got.stable;
  }
  return { canary, stable, iterations: max };
}

test('property: converges to all-new at weight 100 (rolling update / promote full)', () => {
  fc.assert(
    fc.property(scenario, fc.boolean(), (s0, promoteFull) => {
      const s = { ...s0, weight: promoteFull ? s0.weight : 100, stableSpec: s0.replicas, canarySpec: 0 };
      const end = simulate(s, { promoteFull });
      assert.deepEqual({ canary: end.canary, stable: end.stable }, { canary: s.replicas, stable: 0 });
    }),
    { numRuns: 1000 },
  );
});

test('property: converges to the approximated split for any weight', () => {
  fc.assert(
    fc.property(scenario, (s0) => {
      const s = { ...s0, stableSpec: s0.replicas, canarySpec: 0 };
      const ro = rolloutOf(s);
      const end = simulate(s);
      const want = approximateWeightedCanaryStableReplicaCounts(s.replicas, s.weight, maxSurgeOf(ro));
      assert.deepEqual({ canary: end.canary, stable: end.stable }, want);
    }),
    { numRuns: 1000 },
  );
});

test('property: approximation keeps both sides non-zero for 0 < weight < 100 (replicas ≥ 2)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 3 }), (r, w, surge) => {
      const got = approximateWeightedCanaryStableReplicaCounts(r, w, surge);
      assert.ok(got.canary >= 1 && got.stable >= 1, JSON.stringify(got));
      assert.ok(got.canary + got.stable <= r + (surge > 0 ? 1 : 0));
    }),
  );
});

test('edge: older ReplicaSets are drained before new/stable are scaled down', () => {
  const ro = canaryRollout({ replicas: 4, setWeight: 100, maxSurge: 1, maxUnavailable: 1 });
  const older: ReplicaSet[] = [rs('older', 2, 2)];
  const got = calculateReplicaCountsForBasicCanary(ro, rs('canary', 2, 2), rs('stable', 1, 1), older);
  assert.deepEqual(got, { canary: 2, stable: 1 });
});
