/**
 * Day-two operations on the local cluster: restart (PDB-aware eviction), undo to an older
 * revision, `--instance-id` segregation, workloadRef to a Deployment, ephemeral metadata on live
 * pods, and Services handed back when a Rollout is deleted.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../src/api/types/rollout.ts';
import { canaryYaml, isHealthy, startRolloutLab, type RolloutLab } from '../rollout/harness/rollout-lab.ts';

let lab: RolloutLab;

before(async () => {
  lab = await startRolloutLab();
  await lab.startController();
});

after(async () => {
  await lab?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

test('restartAt evicts every pod (respecting a PodDisruptionBudget) and records restartedAt', async () => {
  await lab.apply(canaryYaml({ name: 'rst', replicas: 3, image: 'nginx:1.25', services: false }));
  await lab.waitRollout('rst', isHealthy, 'Healthy');
  await lab.apply(`
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: rst}
spec: {minAvailable: 2, selector: {matchLabels: {app: rst}}}
`);
  const before = new Set((await lab.pods('app=rst')).map((p) => p.metadata?.uid));
  await sleep(1100);
  const restartAt = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  // kubectl argo rollouts restart
  await lab.patchRollout('rst', { spec: { restartAt } });
  const ro = await lab.waitRollout('rst', (r) => r.status?.restartedAt === restartAt && r.status.availableReplicas === 3, 'restartedAt', 30_000);
  assert.equal(ro.status?.phase, 'Healthy');
  const after = (await lab.pods('app=rst')).filter((p) => !p.metadata?.deletionTimestamp);
  assert.equal(after.length, 3);
  for (const p of after) assert.ok(!before.has(p.metadata?.uid), `pod ${p.metadata?.name} was restarted`);
});

test('undo: the template of an older revision (JSON patch) brings its ReplicaSet back as a new revision', async () => {
  await lab.apply(canaryYaml({ name: 'undo', replicas: 2, image: 'nginx:1.25', services: false }));
  const v1 = (await lab.waitRollout('undo', isHealthy, 'v1')).status!.currentPodHash!;
  await lab.apply(canaryYaml({ name: 'undo', replicas: 2, image: 'nginx:1.26', services: false }));
  await lab.waitRollout('undo', (r) => isHealthy(r) && r.status?.currentPodHash !== v1, 'v2');
  const rs1 = (await lab.replicaSets('undo')).find((rs) => rs.metadata?.annotations?.['rollout.argoproj.io/revision'] === '1')!;
  const template = JSON.parse(JSON.stringify(rs1.spec?.template)) as { metadata: { labels: Record<string, string> } };
  delete template.metadata.labels['rollouts-pod-template-hash'];
  // kubectl argo rollouts undo undo
  await lab.kubectlOk(['patch', 'rollout', 'undo', '--type', 'json', '-p', JSON.stringify([{ op: 'replace', path: '/spec/template', value: template }])]);
  const back = await lab.waitRollout('undo', (r) => isHealthy(r) && r.status?.currentPodHash === v1 && r.status.replicas === 2, 'back on v1');
  assert.equal(back.metadata?.annotations?.['rollout.argoproj.io/revision'], '3');
  const rs = (await lab.replicaSets('undo')).find((x) => x.metadata?.labels?.['rollouts-pod-template-hash'] === v1)!;
  assert.equal(rs.metadata?.annotations?.['rollout.argoproj.io/revision-history'], '1');
  assert.equal((await lab.replicaSets('undo')).length, 2, 'the old ReplicaSet was reused');
});

test('--instance-id: a labelled Rollout is left to the controller with that id', async () => {
  const yaml = canaryYaml({ name: 'inst', replicas: 1, image: 'nginx:1.25', services: false }).replace(
    'metadata: {name: inst}',
    'metadata: {name: inst, labels: {argo-rollouts.argoproj.io/controller-instance-id: blue}}',
  );
  await lab.apply(yaml);
  await sleep(1500);
  const untouched = await lab.rollout('inst');
  assert.equal(untouched.status, undefined, 'the default controller ignores labelled rollouts');
  const blue = await lab.startController({ instanceId: 'blue' });
  try {
    await lab.waitRollout('inst', isHealthy, 'Healthy under the blue controller');
  } finally {
    await blue.stop();
  }
});

test('workloadRef: the template comes from a Deployment, which is scaled down once Healthy (onsuccess)', async () => {
  await lab.apply(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.25"}]}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  replicas: 2
  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web, scaleDown: onsuccess}
  strategy: {canary: {steps: [{setWeight: 50}, {pause: {}}]}}
`);
  const ro: Rollout = await lab.waitRollout('web', isHealthy, 'Healthy from the Deployment template', 30_000);
  const generation = ro.metadata?.annotations?.['rollout.argoproj.io/workload-generation'];
  assert.ok(generation, 'workload generation recorded');
  assert.equal(ro.status?.workloadObservedGeneration, generation);
  const rs = (await lab.replicaSets('web'))[0]!;
  assert.equal(rs.spec?.template?.spec?.containers[0]?.image, 'nginx:1.25');
  assert.equal(ro.spec.template, undefined, 'the resolved template is not written into the Rollout');
  await until('Deployment scaled to 0', async () => {
    const dep = JSON.parse(await lab.kubectlOk(['get', 'deployment', 'web', '-o', 'json'])) as { spec: { replicas: number } };
    return dep.spec.replicas === 0;
  });
  // a change of the Deployment's template is an update of the Rollout
  await lab.kubectlOk(['set', 'image', 'deployment/web', 'web=nginx:1.26']);
  const paused = await lab.waitRollout('web', (r) => r.status?.phase === 'Paused', 'paused at the step');
  assert.ok(Number(paused.status?.workloadObservedGeneration) > Number(generation), 'the new Deployment generation was observed');
  assert.equal(paused.status?.workloadObservedGeneration, paused.metadata?.annotations?.['rollout.argoproj.io/workload-generation']);
});

test('ephemeral metadata follows the pods: canary labels while canary, stable labels after promotion', async () => {
  const extraCanary = '      canaryMetadata: {labels: {role: canary}}\n      stableMetadata: {labels: {role: stable}}';
  const steps = '[{setWeight: 50}, {pause: {}}]';
  await lab.apply(canaryYaml({ name: 'eph', replicas: 2, image: 'nginx:1.25', steps, extraCanary }));
  const v1 = (await lab.waitRollout('eph', isHealthy, 'Healthy')).status!.stableRS!;
  await until('stable pods labelled', async () => (await lab.pods(`rollouts-pod-template-hash=${v1}`)).every((p) => p.metadata?.labels?.['role'] === 'stable'));
  await lab.apply(canaryYaml({ name: 'eph', replicas: 2, image: 'nginx:1.26', steps, extraCanary }));
  const v2 = (await lab.waitRollout('eph', (r) => r.status?.phase === 'Paused', 'Paused')).status!.currentPodHash!;
  const canaryPods = await lab.pods(`rollouts-pod-template-hash=${v2}`);
  assert.ok(canaryPods.length > 0 && canaryPods.every((p) => p.metadata?.labels?.['role'] === 'canary'));
  const uids = new Set(canaryPods.map((p) => p.metadata?.uid));
  await lab.patchRollout('eph', { status: { pauseConditions: null } }, 'status');
  await lab.waitRollout('eph', (r) => isHealthy(r) && r.status?.stableRS === v2, 'promoted');
  await until('former canary pods relabelled in place', async () => {
    const pods = (await lab.pods(`rollouts-pod-template-hash=${v2}`)).filter((p) => uids.has(p.metadata?.uid));
    return pods.length === uids.size && pods.every((p) => p.metadata?.labels?.['role'] === 'stable');
  });
});

test('deleting a Rollout hands its Services back (selector hash and managed-by annotation removed)', async () => {
  await lab.apply(canaryYaml({ name: 'gone', replicas: 1, image: 'nginx:1.25' }));
  await lab.waitRollout('gone', isHealthy, 'Healthy');
  await until('stable service adopted', async () => (await lab.service('gone-stable')).spec?.selector?.['rollouts-pod-template-hash']);
  await lab.kubectlOk(['delete', 'rollout', 'gone', '--wait=false']);
  await until('service released', async () => {
    const svc = await lab.service('gone-stable');
    return !svc.spec?.selector?.['rollouts-pod-template-hash'] && !svc.metadata?.annotations?.['argo-rollouts.argoproj.io/managed-by-rollouts'];
  });
});
