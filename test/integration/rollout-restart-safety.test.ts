/**
 * Restart safety: the controller is stopped at random points of a canary and a blue-green update
 * (in-flight API calls aborted, so a pass can stop between two writes) and a fresh one started.
 * The rollout must reach the same end state, and no pod may be created needlessly: the stable
 * ReplicaSet never gets a new pod and the new ReplicaSet creates exactly `replicas` pods.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/cluster/store/object.ts';
import { SharedInformer } from '../../src/kube/informer.ts';
import * as resources from '../../src/kube/resources.ts';
import { blueGreenYaml, canaryYaml, isHealthy, startRolloutLab, type RolloutLab, type RunningController } from '../rollout/harness/rollout-lab.ts';

let lab: RolloutLab;

before(async () => {
  lab = await startRolloutLab();
});

after(async () => {
  await lab?.stop();
});

/** mulberry32: a seeded PRNG so that a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records every pod created for an app, per pod-template hash (the initial list included). */
async function podCreations(app: string): Promise<{ created: Map<string, Set<string>>; stop(): Promise<void> }> {
  const created = new Map<string, Set<string>>();
  const informer = new SharedInformer<KubeObject>(lab.client, resources.pods, { namespace: 'default', labelSelector: `app=${app}` });
  informer.addEventHandler({
    onAdd: (pod) => {
      const hash = pod.metadata.labels?.['rollouts-pod-template-hash'] ?? '';
      const set = created.get(hash) ?? new Set<string>();
      set.add(pod.metadata.uid ?? '');
      created.set(hash, set);
    },
  });
  informer.start();
  await informer.waitForSync();
  return { created, stop: () => informer.stop() };
}

/** Kills and restarts the controller at random moments until `done` holds. */
async function churn(first: RunningController, rnd: () => number, done: () => Promise<boolean>): Promise<{ running: RunningController; kills: number }> {
  let running = first;
  let kills = 0;
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('update did not finish under controller restarts');
    await sleep(30 + Math.floor(rnd() * 500));
    if (await done()) break;
    await running.stop();
    kills++;
    await sleep(Math.floor(rnd() * 150));
    running = await lab.startController();
  }
  return { running, kills };
}

test('canary: killing the controller mid-update changes neither the end state nor the pods', async () => {
  const seed = Date.now() % 1_000_000;
  const rnd = prng(seed);
  const steps = '[{setWeight: 20}, {pause: {duration: 1s}}, {setWeight: 60}, {pause: {duration: 1s}}]';
  let ctl = await lab.startController();
  await lab.apply(canaryYaml({ name: 'safe', replicas: 5, image: 'nginx:1.25', steps }));
  const first = await lab.waitRollout('safe', isHealthy, 'initial Healthy');
  const stable = first.status!.stableRS!;
  const pods = await podCreations('safe');
  try {
    await lab.waitRollout('safe', () => true, 'settled');
    const stableBefore = new Set(pods.created.get(stable));
    assert.equal(stableBefore.size, 5);
    await lab.apply(canaryYaml({ name: 'safe', replicas: 5, image: 'nginx:1.26', steps }));
    const result = await churn(ctl, rnd, async () => {
      const ro = await lab.rollout('safe');
      return isHealthy(ro) && ro.status?.stableRS !== stable && ro.status?.replicas === 5;
    });
    ctl = result.running;
    const ro = await lab.rollout('safe');
    const canary = ro.status!.currentPodHash!;
    assert.equal(ro.status?.currentStepIndex, 4, `seed ${seed}`);
    assert.ok(result.kills > 0, 'the controller was killed at least once');
    await lab.waitRollout('safe', () => true, 'settle');
    assert.deepEqual(await lab.podsByHash('safe'), { [canary]: 5 }, `seed ${seed}`);
    assert.deepEqual([...(pods.created.get(stable) ?? [])].filter((uid) => !stableBefore.has(uid)), [], `no stable pod recreated (seed ${seed})`);
    assert.equal(pods.created.get(canary)?.size, 5, `exactly 5 canary pods ever created (seed ${seed}, ${result.kills} kills)`);
    const rss = await lab.replicaSets('safe');
    assert.equal(rss.length, 2, 'no duplicate ReplicaSet');
  } finally {
    await pods.stop();
    await ctl.stop();
  }
});

test('blue-green: killing the controller mid-update changes neither the end state nor the pods', async () => {
  const seed = (Date.now() + 7) % 1_000_000;
  const rnd = prng(seed);
  const strategy = '      autoPromotionSeconds: 1\n      scaleDownDelaySeconds: 1';
  let ctl = await lab.startController();
  await lab.apply(blueGreenYaml({ name: 'safebg', replicas: 3, image: 'nginx:1.25', strategy }));
  const first = await lab.waitRollout('safebg', isHealthy, 'initial Healthy');
  const blue = first.status!.stableRS!;
  const pods = await podCreations('safebg');
  try {
    const blueBefore = new Set(pods.created.get(blue));
    await lab.apply(blueGreenYaml({ name: 'safebg', replicas: 3, image: 'nginx:1.26', strategy }));
    const result = await churn(ctl, rnd, async () => {
      const ro = await lab.rollout('safebg');
      if (!isHealthy(ro) || ro.status?.stableRS === blue) return false;
      const old = (await lab.replicaSets('safebg')).find((rs) => rs.metadata?.labels?.['rollouts-pod-template-hash'] === blue);
      return old?.spec?.replicas === 0;
    });
    ctl = result.running;
    const ro = await lab.rollout('safebg');
    const green = ro.status!.currentPodHash!;
    assert.equal((await lab.service('safebg-active')).spec?.selector?.['rollouts-pod-template-hash'], green, `seed ${seed}`);
    assert.equal((await lab.service('safebg-preview')).spec?.selector?.['rollouts-pod-template-hash'], green, `seed ${seed}`);
    assert.deepEqual([...(pods.created.get(blue) ?? [])].filter((uid) => !blueBefore.has(uid)), [], `no blue pod recreated (seed ${seed})`);
    assert.equal(pods.created.get(green)?.size, 3, `exactly 3 green pods ever created (seed ${seed}, ${result.kills} kills)`);
  } finally {
    await pods.stop();
    await ctl.stop();
  }
});
