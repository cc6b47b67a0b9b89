/** decideRollout driven through blue-green updates in the in-memory world (see world.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BlueGreenStrategy } from '../../../src/api/types/rollout-strategy.ts';
import { World } from './world.ts';

function bg(strategy: Partial<BlueGreenStrategy> = {}, replicas = 3): World {
  const w = new World({ replicas, services: ['active', 'preview'], blueGreen: { activeService: 'active', previewService: 'preview', ...strategy } });
  w.until((x) => x.healthy());
  return w;
}

const selector = (w: World, svc: string): string | undefined => w.services.get(svc)?.spec?.selector?.['rollouts-pod-template-hash'];

test('initial deploy: active and preview select the first RS, which is stable at once', () => {
  const w = bg();
  const st = w.rollout.status!;
  assert.equal(selector(w, 'active'), st.stableRS);
  assert.equal(selector(w, 'preview'), st.stableRS);
  assert.deepEqual(st.blueGreen, { activeSelector: st.stableRS, previewSelector: st.stableRS });
  assert.equal(w.services.get('active')?.metadata?.annotations?.['argo-rollouts.argoproj.io/managed-by-rollouts'], 'demo');
  assert.equal(st.HPAReplicas, 3);
  assert.equal(st.selector, `app=demo,rollouts-pod-template-hash=${st.stableRS}`);
});

test('manual promotion: preview switches at once, BlueGreenPause until promoted, then active switches', () => {
  const w = bg({ autoPromotionEnabled: false, scaleDownDelaySeconds: 10 });
  const blue = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.step();
  const green = w.rollout.status!.currentPodHash!;
  assert.notEqual(green, blue);
  assert.equal(selector(w, 'preview'), green, 'preview follows the new RS immediately');
  assert.equal(selector(w, 'active'), blue);
  w.until((x) => x.phase() === 'Paused');
  assert.equal(w.rollout.status?.message, 'BlueGreenPause');
  assert.deepEqual(w.podsByHash(), { [blue]: 3, [green]: 3 });
  w.run(5);
  assert.equal(selector(w, 'active'), blue, 'no switch without promotion');
  w.promote();
  w.until((x) => x.healthy());
  assert.equal(selector(w, 'active'), green);
  assert.equal(w.rollout.status?.stableRS, green);
  const old = w.rsByHash(blue)!;
  assert.equal(old.spec?.replicas, 3, 'old RS kept during scaleDownDelaySeconds');
  assert.ok(old.metadata?.annotations?.['scale-down-deadline']);
  const switched = w.now;
  w.until((x) => x.rsByHash(blue)?.spec?.replicas === 0, 30);
  assert.ok(w.now - switched >= 10_000, 'scaled down only after the delay');
  assert.equal(w.rsByHash(blue)?.metadata?.annotations?.['scale-down-deadline'], undefined);
});

test('autoPromotionSeconds: paused, then promoted automatically', () => {
  const w = bg({ autoPromotionSeconds: 5 });
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const pausedAt = w.now;
  w.until((x) => x.healthy());
  assert.ok(w.now - pausedAt >= 5000);
  const plan = w.plans.find((p) => p.status.pauseConditions?.length && p.requeueAfterMs !== undefined);
  assert.ok(plan, 'a requeue is asked for while waiting');
});

test('auto promotion (default): no pause, active switches once the new RS is saturated', () => {
  const w = bg({ scaleDownDelaySeconds: 0 });
  const blue = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.healthy());
  assert.ok(!w.events.some((e) => e.reason === 'RolloutPaused'));
  w.run(2);
  assert.equal(w.rsByHash(blue)?.spec?.replicas, 0, 'scaleDownDelaySeconds: 0 scales down immediately');
});

test('previewReplicaCount: preview runs small until promoted, then scales up before the switch', () => {
  const w = bg({ autoPromotionEnabled: false, previewReplicaCount: 1 }, 4);
  const blue = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const green = w.rollout.status!.currentPodHash!;
  assert.deepEqual(w.podsByHash(), { [blue]: 4, [green]: 1 });
  w.promote();
  w.until((x) => x.healthy());
  assert.equal(w.rsByHash(green)?.spec?.replicas, 4);
  assert.equal(selector(w, 'active'), green);
});

test('abort: active back to stable, preview RS scaled down after abortScaleDownDelaySeconds', () => {
  const w = bg({ autoPromotionEnabled: false, abortScaleDownDelaySeconds: 3 });
  const blue = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const green = w.rollout.status!.currentPodHash!;
  w.abort();
  w.step();
  assert.equal(w.rollout.status?.phase, 'Degraded');
  assert.equal(selector(w, 'active'), blue);
  assert.ok(w.rsByHash(green)?.metadata?.annotations?.['scale-down-deadline']);
  w.until((x) => x.rsByHash(green)?.spec?.replicas === 0, 10);
});

test('abortScaleDownDelaySeconds: 0 keeps the preview RS up', () => {
  const w = bg({ autoPromotionEnabled: false, abortScaleDownDelaySeconds: 0 });
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const green = w.rollout.status!.currentPodHash!;
  w.abort();
  w.run(40);
  assert.equal(w.rsByHash(green)?.spec?.replicas, 3);
});

test('scaleDownDelayRevisionLimit: only the newest old RS stays up during the delay', () => {
  const w = bg({ scaleDownDelaySeconds: 60, scaleDownDelayRevisionLimit: 1 }, 2);
  const v1 = w.rollout.status!.stableRS!;
  w.setImage('app:2');
  w.until((x) => x.healthy());
  const v2 = w.rollout.status!.stableRS!;
  w.setImage('app:3');
  w.until((x) => x.healthy());
  w.run(2);
  assert.equal(w.rsByHash(v2)?.spec?.replicas, 2, 'newest old RS kept');
  assert.equal(w.rsByHash(v1)?.spec?.replicas, 0, 'beyond the limit: scaled down');
});

test('blue-green status counts come from the active RS', () => {
  const w = bg({ autoPromotionEnabled: false }, 2);
  w.setImage('app:2');
  w.until((x) => x.phase() === 'Paused');
  const st = w.rollout.status!;
  assert.equal(st.replicas, 4);
  assert.equal(st.availableReplicas, 2);
  assert.equal(st.HPAReplicas, 2);
  assert.equal(st.updatedReplicas, 2);
});

test('scale while aborted, then back to the stable template: no endless replicas-only mode', () => {
  // found by the blue-green property: an older RS still referenced by status kept the rollout
  // in scaling-event mode when every active RS's desired-replicas annotation was consulted
  const w = bg({ autoPromotionEnabled: false, scaleDownDelaySeconds: 0 }, 1);
  w.setImage('app:2');
  w.step();
  w.abort();
  w.step();
  w.scale(2);
  w.step();
  w.setImage('app:1');
  w.step();
  w.retry();
  w.until((x) => x.healthy() && Object.keys(x.podsByHash()).length === 1, 60);
  assert.equal(w.rollout.status?.currentPodHash, w.rollout.status?.stableRS);
});
