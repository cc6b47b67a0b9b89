/** decideRollout driven through canary updates in the in-memory world (see world.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep } from '../../../src/api/types/canary-steps.ts';
import { decideRollout } from '../../../src/rollout/decide/decide.ts';
import { normalizeJson } from '../../../src/rollout/decide/merge-patch.ts';
import { World } from './world.ts';

const STEPS: CanaryStep[] = [{ setWeight: 20 }, { pause: {} }, { setWeight: 40 }, { pause: { duration: '10s' } }, { setWeight: 60 }, { setWeight: 80 }];

function deployed(opts: ConstructorParameters<typeof World>[0] = {}): World {
  const w = new World({ replicas: 5, canary: { steps: STEPS }, ...opts });
  w.until((x) => x.healthy());
  return w;
}

const reasons = (w: World): string[] => w.events.map((e) => e.reason);

test('initial deploy skips the steps and marks the first RS stable', () => {
  const w = deployed();
  const st = w.rollout.status!;
  assert.equal(st.currentStepIndex, STEPS.length);
  assert.equal(st.stableRS, st.currentPodHash);
  assert.equal(w.rsByHash(st.stableRS)?.spec?.replicas, 5);
  assert.ok(!reasons(w).includes('RolloutStepCompleted'), 'no step ran');
  const msgs = w.events.map((e) => e.message);
  assert.ok(msgs.includes(`Rollout completed update to revision 1 (${st.stableRS}): Initial deploy`));
});

test('new ReplicaSet: name, labels, selector, annotations, owner reference', () => {
  const w = deployed();
  const hash = w.rollout.status!.currentPodHash!;
  const rs = w.rsByHash(hash)!;
  assert.equal(rs.metadata?.name, `demo-${hash}`);
  assert.deepEqual(rs.metadata?.labels, { app: 'demo', 'rollouts-pod-template-hash': hash });
  assert.deepEqual(rs.spec?.selector?.matchLabels, { app: 'demo', 'rollouts-pod-template-hash': hash });
  assert.equal(rs.spec?.template?.metadata?.labels?.['rollouts-pod-template-hash'], hash);
  assert.equal(rs.metadata?.annotations?.['rollout.argoproj.io/revision'], '1');
  assert.equal(rs.metadata?.annotations?.['rollout.argoproj.io/desired-replicas'], '5');
  assert.deepEqual(rs.metadata?.ownerReferences, [
    { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'demo', uid: 'ro-uid', controller: true, blockOwnerDeletion: true },
  ]);
  assert.equal(w.rollout.metadata?.annotations?.['rollout.argoproj.io/revision'], '1');
});

test('setWeight 20 / pause {} with 5 replicas: paused at 1 canary + 4 stable; promote continues to Healthy', () => {
  const w = deployed();
  const stable = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const canary = w.rollout.status!.currentPodHash!;
  assert.deepEqual(w.podsByHash(), { [stable]: 4, [canary]: 1 });
  assert.equal(w.rollout.status?.message, 'CanaryPauseStep');
  assert.equal(w.rollout.status?.currentStepIndex, 1);
  assert.deepEqual(
    w.rollout.status?.pauseConditions?.map((p) => p.reason),
    ['CanaryPauseStep'],
  );
  assert.equal(w.rollout.status?.controllerPause, true);
  const pausePlan = w.plans.find((p) => p.status.pauseConditions?.length)!;
  const byType = Object.fromEntries((pausePlan.status.conditions ?? []).map((c) => [c.type, `${c.status}/${c.reason}`]));
  assert.equal(byType['Paused'], 'True/RolloutPaused', 'Paused condition written with the pause itself');
  assert.equal(byType['Progressing'], 'Unknown/RolloutPaused');
  w.promote();
  w.until((x) => x.phase() === 'Paused' && x.rollout.status?.currentStepIndex === 3);
  assert.deepEqual(w.podsByHash(), { [stable]: 3, [canary]: 2 });
  const pausedAt = w.now;
  w.until((x) => x.healthy());
  assert.ok(w.now - pausedAt >= 10_000, 'the 10s pause was honoured');
  assert.deepEqual(w.podsByHash(), { [canary]: 5 });
  assert.equal(w.rollout.status?.stableRS, canary);
  const completed = w.events.filter((e) => e.reason === 'RolloutStepCompleted').map((e) => e.message);
  assert.deepEqual(completed, [
    'Rollout step 1/6 completed (setWeight: 20)',
    'Rollout step 2/6 completed (pause)',
    'Rollout step 3/6 completed (setWeight: 40)',
    'Rollout step 4/6 completed (pause: 10s)',
    'Rollout step 5/6 completed (setWeight: 60)',
    'Rollout step 6/6 completed (setWeight: 80)',
  ]);
});

test('a timed pause asks to be requeued when it ends', () => {
  const w = new World({ replicas: 2, canary: { steps: [{ pause: { duration: '30s' } }] } });
  w.until((x) => x.healthy());
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const plan = w.reconcile();
  assert.ok(plan.requeueAfterMs !== undefined && plan.requeueAfterMs > 25_000 && plan.requeueAfterMs <= 31_000, `requeue ${plan.requeueAfterMs}`);
});

test('promote when not paused skips the current step', () => {
  const w = deployed({ canary: { steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 40 }, { pause: {} }] } });
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  w.promote(); // pause cleared
  w.until((x) => x.rollout.status?.currentStepIndex === 3 && x.phase() === 'Paused');
  assert.equal(w.rollout.status?.currentStepIndex, 3);
});

test('promote --full skips remaining steps', () => {
  const w = deployed();
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  w.promoteFull();
  w.until((x) => x.healthy());
  assert.equal(w.rollout.status?.promoteFull, undefined);
  assert.ok(w.events.some((e) => e.message.endsWith('Full promotion requested')));
});

test('abort: Degraded with RolloutAborted, stable scaled back up, canary to 0; retry resumes from step 0', () => {
  const w = deployed();
  const stable = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  w.abort();
  w.until((x) => x.phase() === 'Degraded' && x.podsByHash()[stable] === 5 && Object.keys(x.podsByHash()).length === 1);
  const st = w.rollout.status!;
  assert.equal(st.message, 'RolloutAborted: Rollout aborted update to revision 2');
  assert.equal(st.currentStepIndex, 0);
  assert.equal(st.abort, true);
  assert.ok(st.abortedAt);
  assert.equal(st.pauseConditions, undefined);
  const prog = st.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([prog?.status, prog?.reason], ['False', 'RolloutAborted']);
  w.retry();
  w.step();
  const retried = w.rollout.status!.conditions?.find((c) => c.type === 'Progressing');
  assert.ok(['RolloutRetry', 'ReplicaSetUpdated'].includes(retried?.reason ?? ''), retried?.reason);
  w.until((x) => x.phase() === 'Paused');
  assert.equal(w.rollout.status?.currentStepIndex, 1);
});

test('re-applying the stable template mid-update rolls back without steps', () => {
  const w = deployed();
  const stable = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  w.setImage('app:1');
  w.until((x) => x.healthy());
  assert.equal(w.rollout.status?.currentPodHash, stable);
  assert.equal(w.rollout.status?.currentStepIndex, STEPS.length);
  assert.deepEqual(w.podsByHash(), { [stable]: 5 });
  assert.ok(w.events.some((e) => e.reason === 'SkipSteps' && e.message === 'Rollback to stable ReplicaSets'));
  const rs = w.rsByHash(stable)!;
  assert.equal(rs.metadata?.annotations?.['rollout.argoproj.io/revision'], '3');
  assert.equal(rs.metadata?.annotations?.['rollout.argoproj.io/revision-history'], '1');
});

test('rollbackWindow fast-tracks a rollback to a recent revision', () => {
  const w = new World({ replicas: 3, canary: { steps: [{ setWeight: 50 }, { pause: {} }] } });
  w.rollout.spec.rollbackWindow = { revisions: 2 };
  w.until((x) => x.healthy());
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  w.promote();
  w.until((x) => x.healthy());
  const before = w.events.length;
  w.setImage('app:1');
  w.until((x) => x.healthy(), 60);
  const back = w.events.slice(before);
  assert.ok(!back.some((e) => e.reason === 'RolloutPaused'), 'no pause on the way back');
  assert.ok(back.some((e) => e.reason === 'RolloutCompleted' && e.message.endsWith('Rollback within window')));
});

test('no steps: a rolling update within maxSurge/maxUnavailable', () => {
  const w = new World({ replicas: 10, canary: { maxSurge: '20%', maxUnavailable: 0 }, readyAfterTicks: 2 });
  w.until((x) => x.healthy());
  w.setImage('app:2');
  let maxTotal = 0;
  let minAvailable = 10;
  w.until((x) => {
    const rss = x.allReplicaSets();
    maxTotal = Math.max(maxTotal, rss.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0));
    minAvailable = Math.min(minAvailable, rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0));
    return x.healthy();
  });
  assert.ok(maxTotal <= 12, `surge exceeded: ${maxTotal}`);
  assert.equal(minAvailable, 10);
});

test('spec.replicas missing: the controller writes 1 back and nothing else', () => {
  const w = new World({ canary: {} });
  delete w.rollout.spec.replicas;
  const plan = w.reconcile();
  assert.deepEqual(plan.rolloutPatch, { spec: { replicas: 1 } });
  assert.equal(plan.stopAfterRolloutPatch, true);
  assert.equal(plan.createReplicaSet, undefined);
});

test('InvalidSpec names the field, sets Degraded and requeues in 20s', () => {
  const w = new World({ canary: { steps: [{ setWeight: 120 }] } });
  const plan = w.reconcile();
  const cond = w.rollout.status?.conditions?.find((c) => c.type === 'InvalidSpec');
  assert.equal(cond?.status, 'True');
  assert.match(cond?.message ?? '', /^The Rollout "demo" is invalid: spec\.strategy\.canary\.steps\[0\]\.setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100$/);
  assert.equal(w.rollout.status?.phase, 'Degraded');
  assert.equal(plan.requeueAfterMs, 20_000);
  assert.equal(plan.createReplicaSet, undefined);
  // fixing the spec clears the condition
  w.rollout.spec.strategy.canary!.steps = [{ setWeight: 20 }];
  w.until((x) => x.healthy());
  assert.equal(w.rollout.status?.conditions?.find((c) => c.type === 'InvalidSpec'), undefined);
});

test('a missing Service is InvalidSpec until it exists', () => {
  const w = new World({ canary: { stableService: 'stable', canaryService: 'canary' }, services: ['canary'] });
  w.reconcile();
  assert.match(w.rollout.status?.conditions?.find((c) => c.type === 'InvalidSpec')?.message ?? '', /spec\.strategy\.canary\.stableService: Invalid value: "stable": service "stable" not found/);
  w.services.set('stable', { metadata: { name: 'stable', namespace: 'default' }, spec: { selector: { app: 'demo' } } });
  w.until((x) => x.healthy());
  assert.equal(w.services.get('stable')?.spec?.selector?.['rollouts-pod-template-hash'], w.rollout.status?.stableRS);
  assert.equal(w.services.get('stable')?.metadata?.annotations?.['argo-rollouts.argoproj.io/managed-by-rollouts'], 'demo');
});

test('bad objects never throw: garbage spec becomes InvalidSpec', () => {
  const w = new World({});
  for (const spec of [undefined, 'x', { replicas: 1 }, { replicas: 1, strategy: {} }, { replicas: 1, strategy: { canary: { steps: 'x' } } }, { replicas: 1, strategy: { blueGreen: {} } }]) {
    const ro = normalizeJson({ ...w.rollout, spec });
    const plan = decideRollout({ rollout: ro as never, replicaSets: [], services: new Map(), now: w.now });
    assert.equal(plan.status.phase, 'Degraded', JSON.stringify(spec));
  }
  // no replicas at all: first the default is written back
  const plan = decideRollout({ rollout: normalizeJson({ ...w.rollout, spec: {} }) as never, replicaSets: [], services: new Map(), now: w.now });
  assert.deepEqual(plan.rolloutPatch, { spec: { replicas: 1 } });
});

test('scaling event during a paused step rescales proportionally without moving the step', () => {
  const w = deployed();
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const stable = w.rollout.status!.stableRS!;
  const canary = w.rollout.status!.currentPodHash!;
  w.scale(10);
  w.run(6);
  assert.equal(w.rollout.status?.currentStepIndex, 1);
  assert.deepEqual(w.podsByHash(), { [stable]: 8, [canary]: 2 });
  assert.equal(w.rollout.status?.HPAReplicas, 10);
  assert.equal(w.rollout.status?.selector, 'app=demo');
});

test('revisionHistoryLimit deletes the oldest scaled-down ReplicaSets', () => {
  const w = new World({ replicas: 1, canary: {} });
  w.rollout.spec.revisionHistoryLimit = 1;
  w.until((x) => x.healthy());
  for (const img of ['app:2', 'app:3', 'app:4']) {
    w.setImage(img);
    w.until((x) => x.healthy());
    w.run(2);
  }
  assert.equal(w.replicaSets.size, 2, w.describe());
});

test('minReadySeconds is copied to the ReplicaSets', () => {
  const w = new World({ replicas: 1, canary: {} });
  w.rollout.spec.minReadySeconds = 5;
  w.until((x) => x.healthy());
  assert.equal(w.rsByHash(w.rollout.status?.stableRS)?.spec?.minReadySeconds, 5);
  w.rollout.spec.minReadySeconds = 7;
  w.run(1);
  assert.equal(w.rsByHash(w.rollout.status?.stableRS)?.spec?.minReadySeconds, 7);
});

test('antiAffinity: the canary RS avoids nodes of the stable pods', () => {
  const w = deployed({ canary: { steps: [{ setWeight: 20 }, { pause: {} }], antiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: { weight: 40 } } } });
  const stable = w.rollout.status!.stableRS!;
  assert.equal(w.rsByHash(stable)?.spec?.template?.spec?.affinity, undefined, 'no injection without a distinct stable');
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const canary = w.rsByHash(w.rollout.status?.currentPodHash)!;
  assert.deepEqual(canary.spec?.template?.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, [
    {
      weight: 40,
      podAffinityTerm: {
        labelSelector: { matchExpressions: [{ key: 'rollouts-pod-template-hash', operator: 'In', values: [stable] }] },
        namespaces: ['default'],
        topologyKey: 'kubernetes.io/hostname',
      },
    },
  ]);
});

test('ephemeral canary/stable metadata on the ReplicaSets, swapped on promotion', () => {
  const w = deployed({ canary: { steps: [{ setWeight: 20 }, { pause: {} }], canaryMetadata: { labels: { role: 'canary' } }, stableMetadata: { labels: { role: 'stable' } } } });
  const stable = w.rollout.status!.stableRS!;
  assert.equal(w.rsByHash(stable)?.spec?.template?.metadata?.labels?.['role'], 'stable');
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const canaryHash = w.rollout.status!.currentPodHash!;
  assert.equal(w.rsByHash(canaryHash)?.spec?.template?.metadata?.labels?.['role'], 'canary');
  assert.equal(w.rsByHash(canaryHash)?.metadata?.annotations?.['rollout.argoproj.io/ephemeral-metadata'], '{"labels":{"role":"canary"}}');
  w.promote();
  w.until((x) => x.healthy());
  w.run(1);
  assert.equal(w.rsByHash(canaryHash)?.spec?.template?.metadata?.labels?.['role'], 'stable');
  const podPatches = w.plans.flatMap((p) => p.podMetadataUpdates);
  assert.ok(podPatches.some((u) => u.podTemplateHash === canaryHash && JSON.stringify(u.patch) === '{"metadata":{"labels":{"role":"stable"}}}'));
});

test('paused by the user (spec.paused): no scaling, no step progress', () => {
  const w = deployed();
  w.patchSpec({ paused: true });
  w.setImage('app:2');
  w.run(5);
  assert.equal(w.rollout.status?.phase, 'Paused');
  assert.equal(w.rollout.status?.message, 'manually paused');
  assert.equal(Object.keys(w.podsByHash()).length, 1, 'nothing scaled');
  w.promote();
  w.until((x) => x.phase() === 'Paused' && x.rollout.status?.message === 'CanaryPauseStep');
});

test('paused by the user: a scaling event is still applied (reference §1.1)', () => {
  const w = deployed();
  w.patchSpec({ paused: true });
  w.run(2);
  w.scale(8);
  w.run(4);
  const stable = w.rollout.status!.stableRS!;
  assert.deepEqual(w.podsByHash(), { [stable]: 8 });
  assert.equal(w.rollout.status?.phase, 'Paused');
});

test('trafficRouting (routers pending): weights recorded per step, stable kept full, old stable scaled down after the 30s delay', () => {
  const w = new World({
    replicas: 4,
    services: ['stable', 'canary'],
    canary: { stableService: 'stable', canaryService: 'canary', trafficRouting: { smi: {} }, steps: [{ setWeight: 25 }, { pause: {} }] },
  });
  w.until((x) => x.healthy());
  const stable = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const canary = w.rollout.status!.currentPodHash!;
  assert.deepEqual(w.rollout.status?.canary?.weights, {
    canary: { weight: 25, podTemplateHash: canary, serviceName: 'canary' },
    stable: { weight: 75, podTemplateHash: stable, serviceName: 'stable' },
  });
  assert.deepEqual(w.podsByHash(), { [stable]: 4, [canary]: 1 }, 'traffic-routed: the stable stays fully scaled');
  assert.deepEqual(w.plans.at(-1)?.trafficWeights, { canaryHash: canary, stableHash: stable, weight: 25 });
  w.promote();
  w.until((x) => x.healthy());
  const promotedAt = w.now;
  w.until((x) => x.rsByHash(stable)?.spec?.replicas === 0, 60);
  assert.ok(w.now - promotedAt >= 30_000, 'default scaleDownDelaySeconds');
  assert.deepEqual(
    w.events.filter((e) => e.reason === 'TrafficWeightUpdated').map((e) => e.message).slice(-3),
    ['Traffic weight updated from 0 to 25', 'Traffic weight updated from 25 to 100', 'Traffic weight updated from 100 to 0'],
  );
});

test('hash collision: an RS of the same name that is not ours bumps collisionCount instead of creating', () => {
  const w = new World({ replicas: 1, canary: {} });
  w.reconcile(); // status-only pass records the hashes
  const hash = w.rollout.status!.currentPodHash!;
  const foreign = {
    metadata: { name: `demo-${hash}`, namespace: 'default', uid: 'foreign', labels: { 'rollouts-pod-template-hash': hash } },
    spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'x', image: 'x:1' }] } } },
  };
  const plan = decideRollout({ rollout: normalizeJson(w.rollout), replicaSets: [], replicaSetNamed: (n) => (n === foreign.metadata.name ? foreign : undefined), services: new Map(), now: w.now });
  assert.equal(plan.createReplicaSet, undefined);
  assert.deepEqual(plan.statusPatch, { collisionCount: 1 });
  w.apply(plan);
  w.replicaSets.set(foreign.metadata.name, foreign);
  w.until((x) => x.healthy());
  assert.notEqual(w.rollout.status?.currentPodHash, hash, 'a new hash with collisionCount mixed in');
  assert.equal(w.rollout.status?.collisionCount, 1);
});
