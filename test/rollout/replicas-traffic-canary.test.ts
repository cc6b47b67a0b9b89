import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calculateReplicaCountsForTrafficRoutedCanary, trafficWeightToReplicas } from '../../src/rollout/replicas-traffic-canary.ts';
import { canaryRollout } from './fixtures.ts';

const TR = { smi: {} };

test('trafficWeightToReplicas rounds up', () => {
  const rows: Array<[number, number, number]> = [[10, 0, 0], [10, 20, 2], [10, 25, 3], [10, 33, 4], [10, 99, 10], [10, 100, 10]];
  for (const [r, w, want] of rows) assert.equal(trafficWeightToReplicas(r, w), want, `${r}@${w}`);
  assert.equal(trafficWeightToReplicas(10, 500, 1000), 5, 'relative to maxTrafficWeight');
});

interface Row {
  name: string;
  opts: Parameters<typeof canaryRollout>[0];
  weights?: { canary: number; stable: number };
  want: { canary: number; stable: number };
}

const rows: Row[] = [
  { name: 'stable stays fully scaled; canary from weight', opts: { replicas: 10, setWeight: 10, trafficRouting: TR }, want: { canary: 1, stable: 10 } },
  { name: 'setCanaryScale.replicas ignores setWeight', opts: { replicas: 1, setWeight: 100, setCanaryScale: { replicas: 9 }, trafficRouting: TR }, want: { canary: 9, stable: 1 } },
  { name: 'setCanaryScale.weight ignores setWeight', opts: { replicas: 4, setWeight: 100, setCanaryScale: { weight: 200 }, trafficRouting: TR }, want: { canary: 8, stable: 4 } },
  { name: 'matchTrafficWeight cancels setCanaryScale', opts: { replicas: 10, setWeight: 20, setCanaryScale: { replicas: 9, weight: 100, matchTrafficWeight: true }, trafficRouting: TR }, want: { canary: 2, stable: 10 } },
  { name: 'aborted with abortScaleDownDelaySeconds 0 keeps setCanaryScale', opts: { replicas: 1, setCanaryScale: { replicas: 1 }, trafficRouting: TR, abort: true, abortScaleDownDelaySeconds: 0 }, want: { canary: 1, stable: 1 } },
  { name: 'aborted with abortScaleDownDelaySeconds > 0 drops setCanaryScale', opts: { replicas: 1, setCanaryScale: { replicas: 1 }, trafficRouting: TR, abort: true, abortScaleDownDelaySeconds: 30 }, want: { canary: 0, stable: 1 } },
  { name: 'minPodsPerReplicaSet raises canary', opts: { replicas: 10, setWeight: 5, trafficRouting: TR, minPodsPerReplicaSet: 2 }, want: { canary: 2, stable: 10 } },
  { name: 'weight 0 → no canary even with minPodsPerReplicaSet', opts: { replicas: 10, setWeight: 0, trafficRouting: TR, minPodsPerReplicaSet: 2 }, want: { canary: 0, stable: 10 } },
  { name: 'dynamic: scale stable down as weight moves', opts: { replicas: 10, setWeight: 10, trafficRouting: TR, dynamicStableScale: true }, weights: { canary: 10, stable: 90 }, want: { canary: 1, stable: 9 } },
  { name: 'dynamic: desired canary (20) above actual (10)', opts: { replicas: 10, setWeight: 20, trafficRouting: TR, dynamicStableScale: true }, weights: { canary: 10, stable: 90 }, want: { canary: 2, stable: 9 } },
  { name: 'dynamic abort keeps canary while traffic still on it', opts: { replicas: 10, setWeight: 20, trafficRouting: TR, dynamicStableScale: true, abort: true }, weights: { canary: 20, stable: 80 }, want: { canary: 2, stable: 10 } },
  { name: 'dynamic abort reduces canary as traffic leaves', opts: { replicas: 10, setWeight: 20, trafficRouting: TR, dynamicStableScale: true, abort: true }, weights: { canary: 10, stable: 90 }, want: { canary: 1, stable: 10 } },
  { name: 'promote full → 100%', opts: { replicas: 5, setWeight: 20, trafficRouting: TR, promoteFull: true }, want: { canary: 5, stable: 5 } },
  { name: 'replicas 0', opts: { replicas: 0, setWeight: 50, trafficRouting: TR }, want: { canary: 0, stable: 0 } },
];

for (const r of rows) {
  test(`traffic-routed canary: ${r.name}`, () => {
    const weights = r.weights ? { canary: { weight: r.weights.canary }, stable: { weight: r.weights.stable } } : undefined;
    assert.deepEqual(calculateReplicaCountsForTrafficRoutedCanary(canaryRollout(r.opts), weights), r.want);
  });
}

test('property: traffic-routed counts cover the traffic they receive', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (replicas, w, actualCanary) => {
      const ro = canaryRollout({ replicas, setWeight: w, trafficRouting: TR, dynamicStableScale: true });
      const got = calculateReplicaCountsForTrafficRoutedCanary(ro, { canary: { weight: actualCanary }, stable: { weight: 100 - actualCanary } });
      assert.ok(got.canary * 100 >= w * replicas, 'canary serves its desired weight');
      assert.ok(got.stable * 100 >= (100 - w) * replicas, 'stable serves its desired weight');
      assert.ok(got.stable * 100 >= (100 - actualCanary) * replicas, 'stable serves its current weight');
      assert.ok(got.canary <= replicas && got.stable <= replicas);
    }),
  );
});
