import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep } from '../../src/api/types/canary-steps.ts';
import { calculateWeightStatus, desiredTrafficWeight, trafficWeightUpdatedMessage } from '../../src/rollout/traffic-weight.ts';
import { canaryRollout, rs } from './fixtures.ts';

const steps: CanaryStep[] = [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }];
const TR = { smi: {} };

test('router weight follows setWeight once the canary is at its count', () => {
  const ro = canaryRollout({ replicas: 5, steps, currentStepIndex: 1, trafficRouting: TR });
  const w = desiredTrafficWeight({ rollout: ro, newRS: rs('canary', 1, 1), stableRS: rs('stable', 5, 5), otherRSs: [], aborted: false });
  assert.equal(w.weight, 20);
  assert.equal(w.canaryHash, 'canary');
  assert.equal(w.stableHash, 'stable');
});

test('router weight keeps the previous step weight while the canary scales', () => {
  const ro = canaryRollout({ replicas: 5, steps, currentStepIndex: 2, trafficRouting: TR });
  const w = desiredTrafficWeight({ rollout: ro, newRS: rs('canary', 3, 1), stableRS: rs('stable', 5, 5), otherRSs: [], aborted: false });
  assert.equal(w.weight, 20);
});

test('router weight: 0 without available canary, 0 on abort, max at the end, 0 when promoted', () => {
  const mk = (idx: number) => canaryRollout({ replicas: 5, steps, currentStepIndex: idx, trafficRouting: TR });
  const input = { newRS: rs('canary', 5, 5), stableRS: rs('stable', 5, 5), otherRSs: [], aborted: false };
  assert.equal(desiredTrafficWeight({ ...input, rollout: mk(2), newRS: rs('canary', 3, 0) }).weight, 0);
  assert.equal(desiredTrafficWeight({ ...input, rollout: mk(2), aborted: true }).weight, 0);
  assert.equal(desiredTrafficWeight({ ...input, rollout: mk(3) }).weight, 100);
  const promoted = canaryRollout({ replicas: 5, steps, currentStepIndex: 3, trafficRouting: TR, stableRS: 'canary', currentPodHash: 'canary' });
  assert.deepEqual(desiredTrafficWeight({ ...input, rollout: promoted }).weight, 0);
});

test('dynamicStableScale abort: canary weight shrinks with stable availability, never increases', () => {
  const ro = canaryRollout({ replicas: 10, steps, currentStepIndex: 2, trafficRouting: TR, dynamicStableScale: true, abort: true });
  ro.status!.canary = { weights: { canary: { weight: 60 }, stable: { weight: 40 } } };
  assert.equal(desiredTrafficWeight({ rollout: ro, newRS: rs('canary', 6, 6), stableRS: rs('stable', 7, 7), otherRSs: [], aborted: true }).weight, 30);
  assert.equal(desiredTrafficWeight({ rollout: ro, newRS: rs('canary', 6, 6), stableRS: rs('stable', 1, 1), otherRSs: [], aborted: true }).weight, 60);
});

test('weights status and event message', () => {
  const ro = canaryRollout({ steps, trafficRouting: TR });
  ro.spec.strategy.canary!.canaryService = 'svc-canary';
  ro.spec.strategy.canary!.stableService = 'svc-stable';
  const r = calculateWeightStatus(ro, 'c', 's', 20, [{ weight: 10, serviceName: 'exp', podTemplateHash: 'e' }]);
  assert.equal(r.modified, true);
  assert.deepEqual(r.weights, {
    canary: { weight: 20, podTemplateHash: 'c', serviceName: 'svc-canary' },
    stable: { weight: 70, podTemplateHash: 's', serviceName: 'svc-stable' },
    additional: [{ weight: 10, serviceName: 'exp', podTemplateHash: 'e' }],
  });
  ro.status!.canary = { weights: r.weights };
  assert.equal(calculateWeightStatus(ro, 'c', 's', 20, [{ weight: 10, serviceName: 'exp', podTemplateHash: 'e' }]).modified, false);
  assert.equal(trafficWeightUpdatedMessage(undefined, r.weights), 'Traffic weight updated to 20');
  assert.equal(trafficWeightUpdatedMessage(r.weights, { ...r.weights, canary: { weight: 40 } }), 'Traffic weight updated from 20 to 40');
});
