import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resourceReplicas, type ResourceTarget } from '../../../../../src/cluster/sim/lifecycle/hpa/replicas.ts';
import type { PodSample } from '../../../../../src/cluster/sim/lifecycle/hpa/samples.ts';
import { formatCpuMillis, parseCpuMillis } from '../../../../../src/cluster/sim/lifecycle/hpa/cpu.ts';

const util = (n: number): ResourceTarget => ({ type: 'Utilization', averageUtilization: n });
const ready = (name: string, percent: number, request = 100): PodSample => ({ name, state: 'ready', requestMillis: request, usageMillis: (percent * request) / 100 });
const missing = (name: string, request = 100): PodSample => ({ name, state: 'missing', requestMillis: request });
const unready = (name: string, request = 100): PodSample => ({ name, state: 'unready', requestMillis: request });

function replicas(current: number, samples: PodSample[], target: ResourceTarget): number {
  const r = resourceReplicas(current, samples, target);
  if (!r.ok) throw new Error(r.error);
  return r.value.replicas;
}

const rows: Array<{ name: string; current: number; samples: PodSample[]; target: ResourceTarget; want: number }> = [
  { name: 'at target', current: 3, samples: [ready('a', 50), ready('b', 50), ready('c', 50)], target: util(50), want: 3 },
  { name: 'within the 10% tolerance', current: 3, samples: [ready('a', 54), ready('b', 54), ready('c', 54)], target: util(50), want: 3 },
  { name: 'double the target doubles the pods', current: 3, samples: [ready('a', 100), ready('b', 100), ready('c', 100)], target: util(50), want: 6 },
  { name: 'rounds up', current: 2, samples: [ready('a', 90), ready('b', 90)], target: util(80), want: 3 },
  { name: 'scale down', current: 4, samples: [ready('a', 20), ready('b', 20), ready('c', 20), ready('d', 20)], target: util(80), want: 1 },
  { name: 'weighted by request', current: 2, samples: [ready('a', 100, 300), ready('b', 0, 100)], target: util(50), want: 3 },
  { name: 'missing metrics count as 100% on a scale-down', current: 3, samples: [ready('a', 0), ready('b', 0), missing('c')], target: util(50), want: 2 },
  { name: 'a scale-down that missing metrics would reverse does not happen', current: 4, samples: [ready('a', 10), ready('b', 10), missing('c'), missing('d')], target: util(50), want: 4 },
  { name: 'missing metrics count as 0% on a scale-up', current: 2, samples: [ready('a', 200), missing('b')], target: util(50), want: 4 },
  { name: 'unready pods count as 0% on a scale-up', current: 2, samples: [ready('a', 100), unready('b')], target: util(50), want: 2 },
  { name: 'unready pods ignored on a scale-down', current: 2, samples: [ready('a', 10), unready('b')], target: util(50), want: 1 },
  { name: 'ignored pods are left out', current: 1, samples: [ready('a', 100), { name: 'x', state: 'ignored', requestMillis: 100 }], target: util(50), want: 2 },
  { name: 'average value target', current: 2, samples: [ready('a', 100, 400), ready('b', 100, 400)], target: { type: 'AverageValue', averageMillis: 200 }, want: 4 },
];

for (const row of rows) {
  test(`resourceReplicas: ${row.name}`, () => assert.equal(replicas(row.current, row.samples, row.target), row.want));
}

test('resourceReplicas reports what the HPA reports', () => {
  const r = resourceReplicas(2, [ready('a', 90), ready('b', 71)], util(80));
  assert.deepEqual(r, { ok: true, value: { replicas: 2, utilization: 80, averageMillis: 80 } });
  assert.deepEqual(resourceReplicas(1, [], util(80)), { ok: false, error: 'no pods returned by selector while calculating replica count' });
  assert.deepEqual(resourceReplicas(1, [missing('a')], util(80)), { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' });
  assert.deepEqual(resourceReplicas(1, [{ name: 'a', state: 'ready', missingRequest: 'main' }], util(80)), { ok: false, error: 'missing request for cpu in container main of Pod a' });
});

test('property: all pods ready and measured → ceil(n × utilization / target) outside the tolerance, n inside', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 200 }), (n, u, t) => {
      const samples = Array.from({ length: n }, (_, i) => ready(`p${i}`, u));
      const got = replicas(n, samples, util(t));
      const ratio = u / t;
      assert.equal(got, Math.abs(1 - ratio) <= 0.1 ? n : Math.ceil(ratio * n));
    }),
  );
});

test('property: missing and unready pods never turn a scale-up into a scale-down or back', () => {
  const sample = fc.oneof(
    fc.record({ kind: fc.constant('ready' as const), percent: fc.integer({ min: 0, max: 400 }), request: fc.integer({ min: 1, max: 2000 }) }),
    fc.record({ kind: fc.constant('missing' as const), percent: fc.constant(0), request: fc.integer({ min: 1, max: 2000 }) }),
    fc.record({ kind: fc.constant('unready' as const), percent: fc.constant(0), request: fc.integer({ min: 1, max: 2000 }) }),
  );
  fc.assert(
    fc.property(fc.array(sample, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 200 }), (specs, target) => {
      const samples = specs.map((s, i) => (s.kind === 'ready' ? ready(`p${i}`, s.percent, s.request) : s.kind === 'missing' ? missing(`p${i}`, s.request) : unready(`p${i}`, s.request)));
      const readyOnes = samples.filter((s) => s.state === 'ready');
      fc.pre(readyOnes.length > 0);
      const r = resourceReplicas(samples.length, samples, util(target));
      assert.ok(r.ok);
      const current = samples.length;
      const ratio = (r.value.utilization ?? 0) / target;
      if (ratio > 1) assert.ok(r.value.replicas >= current, `ratio ${ratio} scaled down to ${r.value.replicas}`);
      if (ratio < 1) assert.ok(r.value.replicas <= current, `ratio ${ratio} scaled up to ${r.value.replicas}`);
      if (Math.abs(1 - ratio) <= 0.1) assert.equal(r.value.replicas, current);
    }),
  );
});

test('cpu quantities', () => {
  assert.equal(parseCpuMillis('250m'), 250);
  assert.equal(parseCpuMillis('0.5'), 500);
  assert.equal(parseCpuMillis('2'), 2000);
  assert.equal(parseCpuMillis(1), 1000);
  assert.equal(parseCpuMillis('1e3m'), 1000);
  assert.equal(parseCpuMillis('abc'), undefined);
  assert.equal(formatCpuMillis(1500), '1500m');
  assert.equal(formatCpuMillis(2000), '2');
  assert.equal(formatCpuMillis(0), '0');
  assert.equal(formatCpuMillis(80.2), '81m');
});
