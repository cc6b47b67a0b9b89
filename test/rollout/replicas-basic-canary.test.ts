import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IntOrString } from '../../src/api/intstr.ts';
import {
  approximateWeightedCanaryStableReplicaCounts,
  calculateReplicaCountsForBasicCanary,
} from '../../src/rollout/replicas-basic-canary.ts';
import { canaryRollout, rs } from './fixtures.ts';

interface Row {
  name: string;
  replicas: number;
  weight: number;
  maxSurge: IntOrString;
  maxUnavailable: IntOrString;
  promoteFull?: boolean;
  stable: [spec: number, available: number];
  canary: [spec: number, available: number];
  older?: [spec: number, available: number];
  expStable: number;
  expCanary: number;
}

// Worked examples of reference §3.4 / Argo's TestCalculateReplicaCountsForCanary (basic canary rows).
const rows: Row[] = [
  { name: 'do not count surplus available pods above spec', replicas: 10, weight: 100, maxSurge: 3, maxUnavailable: 0, stable: [7, 8], canary: [6, 3], expStable: 7, expCanary: 6 },
  { name: 'max surge int scales canary up', replicas: 10, weight: 20, maxSurge: 2, maxUnavailable: 0, stable: [10, 10], canary: [0, 0], expStable: 10, expCanary: 2 },
  { name: 'max surge percentage scales canary up', replicas: 10, weight: 20, maxSurge: '20%', maxUnavailable: 0, stable: [10, 10], canary: [0, 0], expStable: 10, expCanary: 2 },
  { name: 'scale down extra stable replicas', replicas: 10, weight: 20, maxSurge: '20%', maxUnavailable: 0, stable: [10, 10], canary: [2, 2], expStable: 8, expCanary: 2 },
  { name: 'do not go past max surge', replicas: 10, weight: 30, maxSurge: 2, maxUnavailable: 0, stable: [10, 10], canary: [0, 0], expStable: 10, expCanary: 2 },
  { name: 'max unavailable int scales stable down', replicas: 10, weight: 20, maxSurge: 0, maxUnavailable: 2, stable: [10, 10], canary: [0, 0], expStable: 8, expCanary: 0 },
  { name: 'max unavailable percentage scales stable down', replicas: 10, weight: 20, maxSurge: 0, maxUnavailable: '20%', stable: [10, 10], canary: [0, 0], expStable: 8, expCanary: 0 },
  { name: 'do not go past max unavailable', replicas: 10, weight: 30, maxSurge: 0, maxUnavailable: 2, stable: [10, 10], canary: [0, 0], expStable: 8, expCanary: 0 },
  { name: 'max surge and max unavailable together', replicas: 10, weight: 50, maxSurge: 2, maxUnavailable: 1, stable: [10, 10], canary: [0, 0], expStable: 9, expCanary: 2 },
  { name: 'weight 0 scales canary to zero', replicas: 10, weight: 0, maxSurge: 1, maxUnavailable: 1, stable: [10, 10], canary: [1, 1], expStable: 10, expCanary: 0 },
  { name: 'weight 100 scales stable to zero', replicas: 10, weight: 100, maxSurge: 1, maxUnavailable: 1, stable: [1, 1], canary: [10, 10], expStable: 0, expCanary: 10 },
  { name: 'non-zero weight keeps at least one canary', replicas: 1, weight: 20, maxSurge: 1, maxUnavailable: 0, stable: [1, 1], canary: [0, 0], expStable: 1, expCanary: 1 },
  { name: 'non-100 weight keeps at least one stable', replicas: 1, weight: 90, maxSurge: 1, maxUnavailable: 0, stable: [1, 1], canary: [0, 0], expStable: 1, expCanary: 1 },
  { name: 'stable scales up before canary', replicas: 10, weight: 30, maxSurge: 1, maxUnavailable: 0, stable: [1, 1], canary: [0, 0], older: [3, 3], expStable: 7, expCanary: 1 },
  { name: 'scale down new and stable', replicas: 10, weight: 30, maxSurge: 0, maxUnavailable: 3, stable: [8, 5], canary: [4, 4], expStable: 7, expCanary: 3 },
  { name: 'scale down stable with canary available', replicas: 10, weight: 100, maxSurge: 1, maxUnavailable: 0, stable: [10, 2], canary: [10, 8], expStable: 2, expCanary: 9 },
  { name: 'older RS blocks scale down of new/stable', replicas: 10, weight: 30, maxSurge: 0, maxUnavailable: 1, stable: [8, 6], canary: [4, 2], older: [3, 3], expStable: 8, expCanary: 4 },
  { name: 'uneven weight does not round past maxSurge', replicas: 10, weight: 5, maxSurge: 0, maxUnavailable: 1, stable: [10, 10], canary: [0, 0], expStable: 9, expCanary: 0 },
  { name: 'uneven weight does not round past maxSurge (part 2)', replicas: 10, weight: 5, maxSurge: 0, maxUnavailable: 1, stable: [9, 9], canary: [0, 0], expStable: 9, expCanary: 1 },
  { name: '0% surge and 0% unavailable resolve to maxUnavailable 1', replicas: 10, weight: 10, maxSurge: '0%', maxUnavailable: '0%', stable: [10, 10], canary: [0, 0], expStable: 9, expCanary: 0 },
  { name: 'honor maxSurge when stable is unavailable', replicas: 4, weight: 100, maxSurge: 1, maxUnavailable: 0, stable: [4, 1], canary: [0, 0], expStable: 4, expCanary: 1 },
  { name: 'scale down to maxUnavailable without exceeding maxSurge', replicas: 3, weight: 99, maxSurge: 0, maxUnavailable: 2, stable: [3, 3], canary: [0, 0], expStable: 1, expCanary: 0 },
  { name: 'scale down to maxUnavailable without exceeding maxSurge (part 2)', replicas: 3, weight: 99, maxSurge: 0, maxUnavailable: 2, stable: [1, 1], canary: [0, 0], expStable: 1, expCanary: 2 },
  { name: 'honor maxUnavailable when stable unavailable', replicas: 4, weight: 100, maxSurge: 1, maxUnavailable: 0, stable: [4, 1], canary: [1, 1], expStable: 3, expCanary: 1 },
  { name: 'abort/reduce weight part 1: surge stable before draining canary', replicas: 4, weight: 0, maxSurge: 1, maxUnavailable: 0, stable: [0, 0], canary: [4, 4], expStable: 1, expCanary: 4 },
  { name: 'abort/reduce weight part 2: wait for stable availability', replicas: 4, weight: 0, maxSurge: 1, maxUnavailable: 0, stable: [1, 0], canary: [4, 4], expStable: 1, expCanary: 4 },
  { name: 'abort/reduce weight part 3: drain one canary', replicas: 4, weight: 0, maxSurge: 1, maxUnavailable: 0, stable: [1, 1], canary: [4, 4], expStable: 1, expCanary: 3 },
  { name: 'promote full ignores weight', promoteFull: true, replicas: 4, weight: 1, maxSurge: 4, maxUnavailable: 4, stable: [4, 4], canary: [0, 0], expStable: 0, expCanary: 4 },
  { name: 'promote full still honors surge/unavailability', promoteFull: true, replicas: 4, weight: 1, maxSurge: 3, maxUnavailable: 0, stable: [4, 4], canary: [0, 0], expStable: 4, expCanary: 3 },
  // Doc-comment examples of CalculateReplicaCountsForCanary.
  { name: 'R=10 w=10 unavailable 1 surge 1', replicas: 10, weight: 10, maxSurge: 1, maxUnavailable: 1, stable: [10, 10], canary: [0, 0], expStable: 9, expCanary: 1 },
  { name: 'R=10 w=30 unavailable 0 surge 3', replicas: 10, weight: 30, maxSurge: 3, maxUnavailable: 0, stable: [10, 10], canary: [0, 0], expStable: 10, expCanary: 3 },
  { name: 'R=10 w=30 unavailable 5 surge 0', replicas: 10, weight: 30, maxSurge: 0, maxUnavailable: 5, stable: [10, 10], canary: [0, 0], expStable: 7, expCanary: 0 },
  // ⚠ The reference (§3.4) and Argo's doc comment say "canary 1 / stable 9" here, but Argo's code
  // (approximateWeightedCanaryStableReplicaCounts) prefers 1 of 11 pods (9.1%) over 1 of 10 (10%)
  // when surge is allowed, so the stable keeps 10. Code wins; with surge 0 the split is 1 / 9 (below).
  { name: 'R=10 w=5 unavailable 1 surge 1 (reference example, code semantics)', replicas: 10, weight: 5, maxSurge: 1, maxUnavailable: 1, stable: [10, 10], canary: [0, 0], expStable: 10, expCanary: 1 },
  { name: 'R=10 w=5 surge 0 settles at canary 1 / stable 9', replicas: 10, weight: 5, maxSurge: 0, maxUnavailable: 1, stable: [9, 9], canary: [1, 1], expStable: 9, expCanary: 1 },
  { name: 'R=1 w=5 unavailable 0 surge 1', replicas: 1, weight: 5, maxSurge: 1, maxUnavailable: 0, stable: [1, 1], canary: [0, 0], expStable: 1, expCanary: 1 },
  { name: 'R=1 w=95 unavailable 0 surge 1', replicas: 1, weight: 95, maxSurge: 1, maxUnavailable: 0, stable: [1, 1], canary: [0, 0], expStable: 1, expCanary: 1 },
  // Edge cases.
  { name: 'replicas 0', replicas: 0, weight: 50, maxSurge: 1, maxUnavailable: 0, stable: [0, 0], canary: [0, 0], expStable: 0, expCanary: 0 },
  { name: '100% surge jumps canary to target at once', replicas: 4, weight: 50, maxSurge: '100%', maxUnavailable: 0, stable: [4, 4], canary: [0, 0], expStable: 4, expCanary: 2 },
];

for (const r of rows) {
  test(`basic canary: ${r.name}`, () => {
    const ro = canaryRollout({ replicas: r.replicas, setWeight: r.weight, maxSurge: r.maxSurge, maxUnavailable: r.maxUnavailable, promoteFull: r.promoteFull });
    const stable = rs('stable', ...r.stable);
    const canary = rs('canary', ...r.canary);
    const older = r.older ? [rs('older', ...r.older)] : [];
    const got = calculateReplicaCountsForBasicCanary(ro, canary, stable, older);
    assert.deepEqual(got, { canary: r.expCanary, stable: r.expStable });
  });
}

test('basic canary: no stable RS (or stable == new) drives new RS to 100%', () => {
  const ro = canaryRollout({ replicas: 10, setWeight: 10, maxSurge: 0, maxUnavailable: 1, currentPodHash: '', stableRS: '' });
  const newRS = rs('stable', 9, 9);
  assert.deepEqual(calculateReplicaCountsForBasicCanary(ro, newRS, undefined, []), { canary: 10, stable: 0 });
  assert.deepEqual(calculateReplicaCountsForBasicCanary(ro, newRS, newRS, []), { canary: 10, stable: 0 });
});

test('basic canary: new deployment where stable RS is the new RS', () => {
  const ro = canaryRollout({ replicas: 10, setWeight: 10, maxSurge: 0, maxUnavailable: 1 });
  const s = rs('stable', 10, 0);
  assert.deepEqual(calculateReplicaCountsForBasicCanary(ro, rs('stable', 10, 0), s, []), { canary: 10, stable: 0 });
});

// Argo's TestApproximateWeightedNewStableReplicaCounts.
const approx: Array<[replicas: number, weight: number, surge: number, canary: number, stable: number]> = [
  [0, 0, 0, 0, 0], [0, 50, 0, 0, 0], [0, 100, 0, 0, 0], [0, 0, 1, 0, 0], [0, 50, 1, 0, 0], [0, 100, 1, 0, 0],
  [1, 0, 0, 0, 1], [1, 1, 0, 0, 1], [1, 49, 0, 0, 1], [1, 50, 0, 1, 0], [1, 99, 0, 1, 0], [1, 100, 0, 1, 0],
  [1, 0, 1, 0, 1], [1, 1, 1, 1, 1], [1, 49, 1, 1, 1], [1, 50, 1, 1, 1], [1, 99, 1, 1, 1], [1, 100, 1, 1, 0],
  [2, 0, 0, 0, 2], [2, 1, 0, 1, 1], [2, 50, 0, 1, 1], [2, 99, 0, 1, 1], [2, 100, 0, 2, 0],
  [2, 0, 1, 0, 2], [2, 1, 1, 1, 2], [2, 50, 1, 1, 1], [2, 99, 1, 2, 1], [2, 100, 1, 2, 0],
  [3, 10, 0, 1, 2], [3, 25, 0, 1, 2], [3, 33, 0, 1, 2], [3, 34, 0, 1, 2], [3, 49, 0, 1, 2], [3, 50, 0, 2, 1],
  [3, 10, 1, 1, 3], [3, 25, 1, 1, 3], [3, 33, 1, 1, 2], [3, 34, 1, 1, 2], [3, 49, 1, 2, 2], [3, 50, 1, 2, 2],
  [10, 0, 1, 0, 10], [10, 1, 0, 1, 9], [10, 14, 0, 1, 9], [10, 15, 0, 2, 8], [10, 16, 0, 2, 8], [10, 99, 0, 9, 1], [10, 100, 1, 10, 0],
  [10, 1, 1, 1, 10], [10, 18, 1, 2, 9], [10, 19, 1, 2, 9], [10, 20, 1, 2, 8], [10, 23, 1, 2, 8], [10, 24, 1, 3, 8], [10, 25, 1, 3, 8], [10, 99, 1, 10, 1],
];

// Where Argo returns 0 canary pods ("should not get here": floor/ceiling tie, ceiling = every
// replica, no surge), Vane keeps the floor so that both sides stay non-zero.
approx.push([2, 75, 0, 1, 1], [50, 99, 0, 49, 1], [4, 88, 0, 3, 1]);

for (const [replicas, weight, surge, canary, stable] of approx) {
  test(`approximate weighted counts: replicas ${replicas} weight ${weight} surge ${surge}`, () => {
    assert.deepEqual(approximateWeightedCanaryStableReplicaCounts(replicas, weight, surge), { canary, stable });
  });
}
