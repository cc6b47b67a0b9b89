import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HorizontalPodAutoscalerBehavior } from 'kubernetes-types/autoscaling/v2.js';
import { emptyHistory, normalizeReplicas, recordScale, type HpaHistory, type NormalizeInput } from '../../../../../src/cluster/sim/lifecycle/hpa/normalize.ts';

const NOW = 1_700_000_000_000;
const WINDOW = 300_000;

function run(partial: Partial<NormalizeInput> & Pick<NormalizeInput, 'currentReplicas' | 'desired'>) {
  return normalizeReplicas({ behavior: undefined, minReplicas: 1, maxReplicas: 10, now: NOW, history: undefined, legacyDownscaleWindowMs: WINDOW, ...partial });
}

test('legacy: within range, nothing limited', () => {
  const r = run({ currentReplicas: 3, desired: 5 });
  assert.equal(r.replicas, 5);
  assert.deepEqual(r.ableToScale.reason, 'ReadyForNewScale');
  assert.deepEqual(r.limited, { status: false, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' });
});

test('legacy: scale-up limited to max(2 × current, 4)', () => {
  assert.equal(run({ currentReplicas: 1, desired: 9 }).replicas, 4);
  assert.equal(run({ currentReplicas: 3, desired: 9 }).replicas, 6);
  assert.equal(run({ currentReplicas: 3, desired: 9 }).limited.reason, 'ScaleUpLimit');
});

test('legacy: bounds', () => {
  const up = run({ currentReplicas: 6, desired: 30 });
  assert.equal(up.replicas, 10);
  assert.deepEqual(up.limited, { status: true, reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' });
  const down = run({ currentReplicas: 3, desired: 0, minReplicas: 2 });
  assert.equal(down.replicas, 2);
  assert.equal(down.limited.reason, 'TooFewReplicas');
});

test('legacy: a scale-down waits for the highest recommendation of the window', () => {
  const history: HpaHistory = { ...emptyHistory(), recommendations: [{ replicas: 6, at: NOW - 60_000 }] };
  const r = run({ currentReplicas: 6, desired: 2, history });
  assert.equal(r.replicas, 6);
  assert.equal(r.ableToScale.reason, 'ScaleDownStabilized');
  const later = run({ currentReplicas: 6, desired: 2, history, now: NOW + WINDOW });
  assert.equal(later.replicas, 2);
});

const defaults: HorizontalPodAutoscalerBehavior = {};

test('behavior defaults: scale-up by max(4 pods, 100 %) per 15 s', () => {
  assert.equal(run({ behavior: defaults, currentReplicas: 2, desired: 10, maxReplicas: 20 }).replicas, 6);
  assert.equal(run({ behavior: defaults, currentReplicas: 8, desired: 30, maxReplicas: 20 }).replicas, 16);
  const limited = run({ behavior: defaults, currentReplicas: 2, desired: 10, maxReplicas: 20 });
  assert.deepEqual(limited.limited, { status: true, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
});

test('behavior: recent scale-ups count against the rate', () => {
  const history = recordScale(emptyHistory(), 2, 6, NOW - 5000);
  assert.equal(run({ behavior: defaults, currentReplicas: 6, desired: 20, maxReplicas: 20, history }).replicas, 6);
  assert.equal(run({ behavior: defaults, currentReplicas: 6, desired: 20, maxReplicas: 20, history, now: NOW + 15_000 }).replicas, 12);
});

test('behavior: a fresh controller does not scale down before the default 300 s window', () => {
  const first = run({ behavior: defaults, currentReplicas: 5, desired: 1 });
  assert.equal(first.replicas, 5);
  assert.equal(first.ableToScale.reason, 'ScaleDownStabilized');
  const later = run({ behavior: defaults, currentReplicas: 5, desired: 1, history: first.history, now: NOW + 300_001 });
  assert.equal(later.replicas, 1);
});

test('behavior: scale-down policies and Disabled', () => {
  const behavior: HorizontalPodAutoscalerBehavior = { scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] } };
  const r = run({ behavior, currentReplicas: 10, desired: 2 });
  assert.equal(r.replicas, 5);
  assert.equal(r.limited.reason, 'ScaleDownLimit');
  const pods: HorizontalPodAutoscalerBehavior = { scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 60 }], selectPolicy: 'Min' } };
  assert.equal(run({ behavior: pods, currentReplicas: 10, desired: 2 }).replicas, 9);
  const disabled: HorizontalPodAutoscalerBehavior = { scaleDown: { selectPolicy: 'Disabled', stabilizationWindowSeconds: 0 } };
  assert.equal(run({ behavior: disabled, currentReplicas: 10, desired: 2 }).replicas, 10);
});

test('behavior: scale-up stabilization applies the lowest recent recommendation', () => {
  const behavior: HorizontalPodAutoscalerBehavior = { scaleUp: { stabilizationWindowSeconds: 60 } };
  const history: HpaHistory = { ...emptyHistory(), recommendations: [{ replicas: 3, at: NOW - 30_000 }] };
  const r = run({ behavior, currentReplicas: 2, desired: 8, history });
  assert.equal(r.replicas, 3);
  assert.equal(r.ableToScale.reason, 'ScaleUpStabilized');
});

test('property: the result stays within [min, max] once the current count is', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 100 }),
      fc.boolean(),
      (min, span, desired, withBehavior) => {
        const max = min + span;
        const current = min + Math.floor(span / 2);
        const r = run({ behavior: withBehavior ? defaults : undefined, currentReplicas: current, desired, minReplicas: min, maxReplicas: max });
        assert.ok(r.replicas >= min && r.replicas <= max, `${r.replicas} outside [${min}, ${max}]`);
        if (desired > current) assert.ok(r.replicas >= current);
      },
    ),
  );
});
