import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HpaObject, PodObject } from '../../../../../src/cluster/sim/lifecycle/common/types.ts';
import { afterRescale, planHpa, type HpaPlanInput } from '../../../../../src/cluster/sim/lifecycle/hpa/plan.ts';
import { podSamples, CPU_UTILIZATION_ANNOTATION } from '../../../../../src/cluster/sim/lifecycle/hpa/samples.ts';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const STAMP = '2024-05-01T12:00:00Z';

function hpa(spec: Partial<NonNullable<HpaObject['spec']>> = {}): HpaObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default', generation: 2, uid: 'h' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      ...spec,
    },
    status: { desiredReplicas: 0 },
  };
}

function pod(name: string, cpu?: string, opts: { ready?: boolean; request?: string } = {}): PodObject {
  const p: PodObject = {
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'main', resources: opts.request === '' ? {} : { requests: { cpu: opts.request ?? '100m' } } }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
  if (cpu !== undefined) p.metadata.annotations = { [CPU_UTILIZATION_ANNOTATION]: cpu };
  return p;
}

function plan(h: HpaObject, replicas: number, pods: PodObject[], targetAnnotation?: string): ReturnType<typeof planHpa> {
  const annotations: Record<string, string> = targetAnnotation ? { [CPU_UTILIZATION_ANNOTATION]: targetAnnotation } : {};
  const target = { metadata: { name: 'web', annotations } };
  const input: HpaPlanInput = { hpa: h, scale: { replicas, selector: 'app=web' }, samples: podSamples(pods, target), now: NOW, history: undefined, legacyDownscaleWindowMs: 300_000 };
  return planHpa(input);
}

const conds = (p: ReturnType<typeof planHpa>): string[] => (p.status.conditions ?? []).map((c) => `${c.type}=${c.status}:${c.reason}`);

test('cpu above target scales up, with the status kubectl shows', () => {
  const p = plan(hpa(), 2, [pod('a', '100'), pod('b', '100')]);
  assert.equal(p.rescaleTo, 4);
  assert.equal(p.rescaleReason, 'cpu resource utilization (percentage of request) above target');
  assert.deepEqual(p.status.currentMetrics, [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '100m' } } }]);
  assert.equal(p.status.currentReplicas, 2);
  assert.equal(p.status.desiredReplicas, 4);
  assert.equal(p.status.observedGeneration, 2);
  assert.deepEqual(conds(p), ['AbleToScale=True:ReadyForNewScale', 'ScalingActive=True:ValidMetricFound', 'ScalingLimited=False:DesiredWithinRange']);
  const after = afterRescale(p.status, 4, undefined, NOW);
  assert.equal(after.lastScaleTime, STAMP);
  assert.equal(after.conditions?.[0]?.reason, 'SucceededRescale');
  assert.equal(after.conditions?.[0]?.message, 'the HPA controller was able to update the target scale to 4');
});

test("the target's annotation stands in for pods without one", () => {
  assert.equal(plan(hpa(), 2, [pod('a'), pod('b')], '75').rescaleTo, 3);
  assert.equal(plan(hpa(), 2, [pod('a', '50'), pod('b')], '100').rescaleTo, 3);
  const limited = plan(hpa(), 2, [pod('a'), pod('b')], '150');
  assert.equal(limited.rescaleTo, 4, 'at most max(2 × current, 4) at a time without behavior');
  assert.equal(conds(limited).at(-1), 'ScalingLimited=True:ScaleUpLimit');
});

test('no metric anywhere: ScalingActive False, nothing scaled', () => {
  const p = plan(hpa(), 2, [pod('a'), pod('b')]);
  assert.equal(p.rescaleTo, undefined);
  assert.deepEqual(conds(p), ['AbleToScale=True:SucceededGetScale', 'ScalingActive=False:FailedGetResourceMetric']);
  assert.match(p.status.conditions?.[1]?.message ?? '', /^the HPA was unable to compute the replica count: failed to get cpu utilization: did not receive metrics/);
  assert.deepEqual(p.status.currentMetrics, [{ type: '' }]);
  assert.deepEqual(p.events.map((e) => e.reason), ['FailedGetResourceMetric', 'FailedComputeMetricsReplicas']);
});

test('missing cpu request: the HPA cannot compute utilization', () => {
  const p = plan(hpa(), 1, [pod('a', '90', { request: '' })]);
  assert.match(p.status.conditions?.[1]?.message ?? '', /missing request for cpu in container main of Pod a/);
});

test('bounds before metrics; zero replicas disables scaling', () => {
  assert.equal(plan(hpa({ maxReplicas: 3 }), 5, []).rescaleTo, 3);
  assert.equal(plan(hpa({ minReplicas: 2 }), 1, []).rescaleTo, 2);
  const off = plan(hpa(), 0, []);
  assert.equal(off.rescaleTo, undefined);
  assert.deepEqual(conds(off), ['AbleToScale=True:SucceededGetScale', 'ScalingActive=False:ScalingDisabled']);
});

test('the maximum limits the scale-up', () => {
  const p = plan(hpa({ maxReplicas: 3 }), 2, [pod('a', '200'), pod('b', '200')]);
  assert.equal(p.rescaleTo, 3);
  assert.deepEqual(conds(p).at(-1), 'ScalingLimited=True:TooManyReplicas');
});

test('unsupported metrics are reported; a valid one still scales', () => {
  const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 50 } } };
  const p = plan(hpa({ metrics: [memory, { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] }), 2, [pod('a', '100'), pod('b', '100')]);
  assert.equal(p.rescaleTo, 4);
  assert.deepEqual(p.status.currentMetrics?.[0], { type: '' });
  const only = plan(hpa({ metrics: [memory] }), 2, [pod('a', '100')]);
  assert.equal(only.rescaleTo, undefined);
  assert.match(only.status.conditions?.[1]?.message ?? '', /memory resource is not simulated/);
});
