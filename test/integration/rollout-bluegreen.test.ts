/** Blue-green Rollouts on the local cluster: preview/active switching, manual and auto promotion. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { blueGreenYaml, isHealthy, startRolloutLab, type RolloutLab } from '../rollout/harness/rollout-lab.ts';

let lab: RolloutLab;

before(async () => {
  lab = await startRolloutLab();
  await lab.startController();
});

after(async () => {
  await lab?.stop();
});

const hashOf = async (svc: string): Promise<string | undefined> => (await lab.service(svc)).spec?.selector?.['rollouts-pod-template-hash'];

test('manual promotion: preview gets the new RS at once, active only after promote; old RS scaled down after the delay', async () => {
  const strategy = '      autoPromotionEnabled: false\n      scaleDownDelaySeconds: 2';
  await lab.apply(blueGreenYaml({ name: 'bg', image: 'nginx:1.25', strategy }));
  const first = await lab.waitRollout('bg', isHealthy, 'initial Healthy');
  const blue = first.status!.stableRS!;
  assert.equal(await hashOf('bg-active'), blue);
  assert.equal(await hashOf('bg-preview'), blue);
  assert.equal((await lab.service('bg-active')).metadata?.annotations?.['argo-rollouts.argoproj.io/managed-by-rollouts'], 'bg');

  await lab.apply(blueGreenYaml({ name: 'bg', image: 'nginx:1.26', strategy }));
  const paused = await lab.waitRollout('bg', (ro) => ro.status?.phase === 'Paused', 'BlueGreenPause');
  const green = paused.status!.currentPodHash!;
  assert.equal(paused.status?.message, 'BlueGreenPause');
  assert.equal(await hashOf('bg-preview'), green);
  assert.equal(await hashOf('bg-active'), blue);
  assert.deepEqual(paused.status?.blueGreen, { activeSelector: blue, previewSelector: green });
  assert.deepEqual(await lab.podsByHash('bg'), { [blue]: 3, [green]: 3 });

  await lab.patchRollout('bg', { status: { pauseConditions: null } }, 'status');
  const promoted = await lab.waitRollout('bg', (ro) => isHealthy(ro) && ro.status?.stableRS === green, 'promoted');
  assert.equal(await hashOf('bg-active'), green);
  assert.equal(promoted.status?.selector, `app=bg,rollouts-pod-template-hash=${green}`);
  const old = (await lab.replicaSets('bg')).find((rs) => rs.metadata?.labels?.['rollouts-pod-template-hash'] === blue)!;
  assert.ok(old.metadata?.annotations?.['scale-down-deadline'], 'old RS marked for delayed scale-down');
  await lab.waitRollout('bg', () => true, 'noop');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rs = (await lab.replicaSets('bg')).find((r) => r.metadata?.labels?.['rollouts-pod-template-hash'] === blue)!;
    if (rs.spec?.replicas === 0) break;
    if (Date.now() > deadline) throw new Error('old RS not scaled down after scaleDownDelaySeconds');
    await new Promise((r) => setTimeout(r, 100));
  }
});

test('autoPromotionSeconds: paused, then promoted without a human', async () => {
  const strategy = '      autoPromotionSeconds: 2\n      scaleDownDelaySeconds: 0';
  await lab.apply(blueGreenYaml({ name: 'auto', image: 'nginx:1.25', replicas: 2, strategy }));
  await lab.waitRollout('auto', isHealthy, 'initial Healthy');
  await lab.apply(blueGreenYaml({ name: 'auto', image: 'nginx:1.26', replicas: 2, strategy }));
  const paused = await lab.waitRollout('auto', (ro) => ro.status?.phase === 'Paused', 'paused');
  const green = paused.status!.currentPodHash!;
  const t = Date.now();
  await lab.waitRollout('auto', (ro) => isHealthy(ro) && ro.status?.stableRS === green, 'auto-promoted', 15_000);
  assert.ok(Date.now() - t >= 500, 'waited for autoPromotionSeconds');
  assert.equal(await hashOf('auto-active'), green);
});

test('auto promotion by default: no pause, active switches once the new RS is saturated', async () => {
  await lab.apply(blueGreenYaml({ name: 'fast', image: 'nginx:1.25', replicas: 2 }));
  await lab.waitRollout('fast', isHealthy, 'initial Healthy');
  await lab.apply(blueGreenYaml({ name: 'fast', image: 'nginx:1.26', replicas: 2 }));
  const done = await lab.waitRollout('fast', (ro) => isHealthy(ro) && ro.status?.blueGreen?.activeSelector === ro.status?.currentPodHash && ro.metadata?.generation === 2, 'switched');
  assert.equal(await hashOf('fast-active'), done.status?.currentPodHash);
  assert.ok(!(await lab.events('fast')).some((e) => e.reason === 'RolloutPaused'));
});
