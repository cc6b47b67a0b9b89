import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { HpaObject, PdbObject } from '../../../../src/cluster/sim/lifecycle/common/types.ts';
import { startSimCluster, type SimCluster } from '../../../helpers/sim-cluster.ts';
import { eventually } from '../../../helpers/local-cluster.ts';
import { getJson } from './live.ts';

let c: SimCluster;
before(async () => {
  c = await startSimCluster();
  await c.kubectlOk(['apply', '-f', '-'], readFileSync(new URL('../../../../manifests/crds/rollout-crd.yaml', import.meta.url), 'utf8'));
});
after(async () => {
  await c?.stop();
});

const deployment = (name: string, replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
      - name: main
        image: nginx:1.27
        resources: { requests: { cpu: 100m } }
`;

/** An autoscaling/v2 HPA (kubectl autoscale v1.32 writes autoscaling/v1). */
function hpaFor(name: string, target: { apiVersion: string; kind: string; name: string }, min: number, max: number, cpu: number): HpaObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: target,
      minReplicas: min,
      maxReplicas: max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }],
    },
  };
}

const replicasOf = async (args: string[]): Promise<number | undefined> => (await getJson<{ spec: { replicas?: number } }>(c, args)).spec.replicas;

test('HPA scales a Deployment through its scale subresource when the cpu annotation rises', async () => {
  await c.kubectlOk(['apply', '-f', '-'], deployment('web', 2));
  await c.kubectlOk(['annotate', 'deployment', 'web', 'vane.dev/cpu-utilization=50']);
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify(hpaFor('web', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, 1, 6, 50)));
  await eventually(async () => (await getJson<HpaObject>(c, ['hpa', 'web'])).status?.currentMetrics?.[0]?.resource?.current.averageUtilization === 50);
  assert.equal(await replicasOf(['deployment', 'web']), 2);

  // Above target: the HPA scales up (at most doubling per sync), and keeps going while the
  // simulated utilization stays high, up to maxReplicas.
  await c.kubectlOk(['annotate', 'deployment', 'web', '--overwrite', 'vane.dev/cpu-utilization=100']);
  await eventually(async () => (await replicasOf(['deployment', 'web'])) === 6, 30_000);
  const hpa = await getJson<HpaObject>(c, ['hpa', 'web']);
  assert.equal(hpa.status?.desiredReplicas, 6);
  assert.ok(hpa.status?.lastScaleTime);
  const reasons = Object.fromEntries((hpa.status?.conditions ?? []).map((x) => [x.type, `${x.status}:${x.reason ?? ''}`]));
  assert.equal(reasons['ScalingActive'], 'True:ValidMetricFound');
  assert.equal(reasons['ScalingLimited'], 'True:TooManyReplicas');
  assert.match(await c.kubectlOk(['get', 'hpa', 'web']), /cpu: 100%\/50%\s+1\s+6\s+6/);
  const events = await c.kubectlOk(['get', 'events', '--field-selector', 'involvedObject.name=web,reason=SuccessfulRescale', '-o', 'custom-columns=M:.message', '--no-headers']);
  assert.match(events, /New size: \d; reason: cpu resource utilization \(percentage of request\) above target/);

  // The pods' own annotation wins over the target's; below target the HPA scales down after the
  // downscale stabilization window (5 min × timeScale).
  await eventually(async () => (await getJson(c, ['pods', '-l', 'app=web', '--field-selector=status.phase=Running'])).items.length === 6);
  await c.kubectlOk(['annotate', 'pods', '-l', 'app=web', 'vane.dev/cpu-utilization=20']);
  await eventually(async () => (await replicasOf(['deployment', 'web'])) === 3, 30_000);
});

test('HPA scales an Argo Rollout through its scale subresource', async () => {
  const rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'canary', annotations: { 'vane.dev/cpu-utilization': '160' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'canary' } },
      template: { metadata: { labels: { app: 'canary' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27', resources: { requests: { cpu: '200m' } } }] } },
      strategy: { canary: {} },
    },
  };
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify(rollout));
  // No rollout controller runs here: stand in for it with the pods and the status it would write.
  await c.kubectlOk(['apply', '-f', '-'], deployment('canary-pods', 2).replace(/app: canary-pods/g, 'app: canary'));
  await c.kubectlOk(['patch', 'rollout', 'canary', '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { HPAReplicas: 2, replicas: 2, selector: 'app=canary' } })]);
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify(hpaFor('canary', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'canary' }, 1, 10, 80)));
  await eventually(async () => (await replicasOf(['rollout', 'canary'])) === 4, 30_000);
  const status = (await getJson<HpaObject>(c, ['hpa', 'canary'])).status;
  assert.equal(status?.currentMetrics?.[0]?.resource?.current.averageUtilization, 160);
  assert.equal(status?.currentMetrics?.[0]?.resource?.current.averageValue, '160m', '160 % of the pods\' 100m request');
});

test('HPA reports a missing target', async () => {
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'ghost' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost' }, maxReplicas: 3 },
  }));
  await eventually(async () => (await getJson<HpaObject>(c, ['hpa', 'ghost'])).status?.conditions?.some((x) => x.type === 'AbleToScale' && x.reason === 'FailedGetScale'));
});

test('PodDisruptionBudget status follows the pods', async () => {
  await c.kubectlOk(['apply', '-f', '-'], deployment('guarded', 3));
  await c.kubectlOk(['create', 'pdb', 'guarded', '--selector=app=guarded', '--min-available=2']);
  await eventually(async () => {
    const s = (await getJson<PdbObject>(c, ['pdb', 'guarded'])).status;
    return s?.currentHealthy === 3 && s.desiredHealthy === 2 && s.expectedPods === 3 && s.disruptionsAllowed === 1;
  });
  const pdb = await getJson<PdbObject>(c, ['pdb', 'guarded']);
  assert.equal(pdb.status?.observedGeneration, pdb.metadata.generation);
  assert.deepEqual(pdb.status?.conditions?.map((x) => `${x.type}=${x.status}:${x.reason}`), ['DisruptionAllowed=True:SufficientPods']);
  assert.match(await c.kubectlOk(['get', 'pdb', 'guarded']), /guarded\s+2\s+N\/A\s+1/);

  await c.kubectlOk(['create', 'pdb', 'guarded-pct', '--selector=app=guarded', '--max-unavailable=50%']);
  await eventually(async () => {
    const s = (await getJson<PdbObject>(c, ['pdb', 'guarded-pct'])).status;
    return s?.expectedPods === 3 && s.desiredHealthy === 1 && s.disruptionsAllowed === 2;
  });

  await c.kubectlOk(['scale', 'deployment', 'guarded', '--replicas=2']);
  await eventually(async () => {
    const s = (await getJson<PdbObject>(c, ['pdb', 'guarded'])).status;
    return s?.currentHealthy === 2 && s.disruptionsAllowed === 0 && s.conditions?.[0]?.reason === 'InsufficientPods';
  });
});
