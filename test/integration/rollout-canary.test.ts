/**
 * Canary Rollouts on the local cluster with the simulation and an in-process controller, driven
 * through kubectl exactly as `kubectl argo rollouts` would patch (reference §3.7).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canaryYaml, isHealthy, startRolloutLab, type RolloutLab } from '../rollout/harness/rollout-lab.ts';

let lab: RolloutLab;

before(async () => {
  lab = await startRolloutLab();
  await lab.startController();
});

after(async () => {
  await lab?.stop();
});

const STEPS = '[{setWeight: 20}, {pause: {}}, {setWeight: 40}, {pause: {duration: 1s}}, {setWeight: 60}, {setWeight: 80}]';

test('setWeight 20 / pause {} with 5 replicas: Paused at 1 canary + 4 stable; promote → Healthy on the new revision', async () => {
  await lab.apply(canaryYaml({ name: 'demo', image: 'nginx:1.25', steps: STEPS }));
  const first = await lab.waitRollout('demo', isHealthy, 'initial Healthy');
  assert.equal(first.status?.currentStepIndex, 6, 'initial deploy skips the steps');
  const stable = first.status!.stableRS!;
  assert.equal(first.metadata?.annotations?.['rollout.argoproj.io/revision'], '1');

  await lab.apply(canaryYaml({ name: 'demo', image: 'nginx:1.26', steps: STEPS }));
  const paused = await lab.waitRollout('demo', (ro) => ro.status?.phase === 'Paused', 'Paused at the pause step');
  const canary = paused.status!.currentPodHash!;
  assert.notEqual(canary, stable);
  assert.equal(paused.status?.message, 'CanaryPauseStep');
  assert.equal(paused.status?.currentStepIndex, 1);
  assert.deepEqual(await lab.podsByHash('demo'), { [stable]: 4, [canary]: 1 });
  const canarySvc = await lab.service('demo-canary');
  const stableSvc = await lab.service('demo-stable');
  assert.equal(canarySvc.spec?.selector?.['rollouts-pod-template-hash'], canary);
  assert.equal(stableSvc.spec?.selector?.['rollouts-pod-template-hash'], stable);
  assert.equal(stableSvc.metadata?.annotations?.['argo-rollouts.argoproj.io/managed-by-rollouts'], 'demo');
  const out = await lab.kubectlOk(['get', 'rollout', 'demo']);
  assert.match(out, /demo\s+5\s+5\s+1\s+5/, 'printer columns: desired, current, up-to-date, available');

  // kubectl argo rollouts promote: clear the pause conditions on the status subresource
  await lab.patchRollout('demo', { status: { pauseConditions: null } }, 'status');
  const done = await lab.waitRollout('demo', (ro) => isHealthy(ro) && ro.status?.stableRS === canary, 'Healthy on the new revision');
  assert.equal(done.status?.currentStepIndex, 6);
  assert.equal(done.metadata?.annotations?.['rollout.argoproj.io/revision'], '2');
  await lab.waitRollout('demo', () => true, 'settle');
  const pods = await lab.podsByHash('demo');
  assert.deepEqual(pods, { [canary]: 5 });
  const events = (await lab.events('demo')).map((e) => e.message);
  assert.ok(events.includes('Rollout step 1/6 completed (setWeight: 20)'), events.join('\n'));
  assert.ok(events.some((m) => m === `Rollout completed update to revision 2 (${canary}): Completed all 6 canary steps`), events.join('\n'));
});

test('abort → Degraded with RolloutAborted and the stable fully scaled; retry resumes', async () => {
  const steps = '[{setWeight: 20}, {pause: {}}, {setWeight: 60}, {pause: {}}]';
  await lab.apply(canaryYaml({ name: 'abort', replicas: 4, image: 'nginx:1.25', steps }));
  const first = await lab.waitRollout('abort', isHealthy, 'initial Healthy');
  const stable = first.status!.stableRS!;
  await lab.apply(canaryYaml({ name: 'abort', replicas: 4, image: 'nginx:1.26', steps }));
  const paused = await lab.waitRollout('abort', (ro) => ro.status?.phase === 'Paused', 'Paused');
  const canary = paused.status!.currentPodHash!;

  await lab.patchRollout('abort', { status: { abort: true } }, 'status');
  const aborted = await lab.waitRollout('abort', (ro) => ro.status?.phase === 'Degraded' && (ro.status.updatedReplicas ?? 0) === 0, 'Degraded and canary scaled down');
  assert.equal(aborted.status?.message, 'RolloutAborted: Rollout aborted update to revision 2');
  const cond = aborted.status?.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([cond?.status, cond?.reason], ['False', 'RolloutAborted']);
  const rss = await lab.replicaSets('abort');
  assert.equal(rss.find((rs) => rs.metadata?.labels?.['rollouts-pod-template-hash'] === stable)?.spec?.replicas, 4);
  assert.equal((await lab.service('abort-canary')).spec?.selector?.['rollouts-pod-template-hash'], stable, 'canary service back on stable');

  // kubectl argo rollouts retry rollout
  await lab.patchRollout('abort', { status: { abort: false } }, 'status');
  const retried = await lab.waitRollout('abort', (ro) => ro.status?.phase === 'Paused' && ro.status.currentStepIndex === 1, 'Paused again at step 1');
  assert.equal(retried.status?.abort, undefined);
  // 20% of 4 replicas with maxSurge 1: 1 canary over 5 pods is the closest weight (§3.4)
  assert.deepEqual(await lab.podsByHash('abort'), { [stable]: 4, [canary]: 1 });
});

test('re-applying the stable template mid-update rolls back without steps', async () => {
  const steps = '[{setWeight: 25}, {pause: {}}, {setWeight: 75}, {pause: {}}]';
  await lab.apply(canaryYaml({ name: 'back', replicas: 4, image: 'nginx:1.25', steps }));
  const first = await lab.waitRollout('back', isHealthy, 'initial Healthy');
  const stable = first.status!.stableRS!;
  await lab.apply(canaryYaml({ name: 'back', replicas: 4, image: 'nginx:1.26', steps }));
  await lab.waitRollout('back', (ro) => ro.status?.phase === 'Paused', 'Paused');
  await lab.apply(canaryYaml({ name: 'back', replicas: 4, image: 'nginx:1.25', steps }));
  const back = await lab.waitRollout('back', (ro) => isHealthy(ro) && ro.status?.stableRS === stable && (ro.status.replicas ?? 0) === 4, 'Healthy on the stable revision');
  assert.equal(back.status?.currentStepIndex, 4, 'all steps skipped');
  assert.equal(back.metadata?.annotations?.['rollout.argoproj.io/revision'], '3');
  const events = await lab.events('back');
  assert.ok(events.some((e) => e.reason === 'SkipSteps' && e.message === 'Rollback to stable ReplicaSets'));
  assert.equal(events.filter((e) => e.reason === 'RolloutPaused').length, 1, 'only the paused update paused');
});

test('no steps: a rolling update; HPA-style scale through the scale subresource', async () => {
  await lab.apply(canaryYaml({ name: 'roll', replicas: 3, image: 'nginx:1.25', services: false }));
  await lab.waitRollout('roll', isHealthy, 'initial Healthy');
  await lab.apply(canaryYaml({ name: 'roll', replicas: 3, image: 'nginx:1.26', services: false }));
  const done = await lab.waitRollout('roll', (ro) => isHealthy(ro) && ro.status?.replicas === 3, 'rolled');
  const rss = await lab.replicaSets('roll');
  assert.equal(rss.length, 2);
  await lab.kubectlOk(['scale', 'rollout', 'roll', '--replicas=5']);
  const scaled = await lab.waitRollout('roll', (ro) => ro.status?.HPAReplicas === 5 && ro.status.availableReplicas === 5, 'scaled to 5');
  assert.equal(scaled.status?.selector, 'app=roll');
  assert.equal(scaled.status?.currentPodHash, done.status?.currentPodHash);
  const scale = JSON.parse(await lab.kubectlOk(['get', '--raw', '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/roll/scale'])) as { status: { replicas: number; selector: string } };
  assert.deepEqual(scale.status, { replicas: 5, selector: 'app=roll' });
});
