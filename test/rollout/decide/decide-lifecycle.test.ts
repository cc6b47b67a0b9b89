/** Progress deadline, restarts, workloadRef and table tests of the decide helpers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { Rollout } from '../../../src/api/types/rollout.ts';
import { decideRollout } from '../../../src/rollout/decide/decide.ts';
import { normalizeJson } from '../../../src/rollout/decide/merge-patch.ts';
import { newReplicaSetAnnotations } from '../../../src/rollout/decide/new-replicaset.ts';
import { isPodAvailable, needsRestart } from '../../../src/rollout/decide/restart.ts';
import { planWorkloadScaleDown } from '../../../src/rollout/decide/workload-ref.ts';
import { World, T0 } from './world.ts';

test('progressDeadlineSeconds: a canary that never becomes available times out (Degraded)', () => {
  const w = new World({ replicas: 2, canary: { steps: [{ setWeight: 50 }] } });
  w.rollout.spec.progressDeadlineSeconds = 5;
  w.until((x) => x.healthy());
  (w as unknown as { readyAfterTicks: number }).readyAfterTicks = 10_000;
  w.setImage('app:does-not-exist');
  w.until((x) => x.phase() === 'Degraded', 30);
  const prog = w.rollout.status?.conditions?.find((c) => c.type === 'Progressing');
  assert.equal(prog?.reason, 'ProgressDeadlineExceeded');
  assert.match(prog?.message ?? '', /^ReplicaSet "demo-\w+" has timed out progressing\.$/);
  assert.match(w.rollout.status?.message ?? '', /^ProgressDeadlineExceeded: /);
  assert.equal(w.rollout.status?.abort, undefined, 'no abort without progressDeadlineAbort');
});

test('progressDeadlineAbort: the timed-out update is aborted and the stable RS restored', () => {
  const w = new World({ replicas: 2, canary: { steps: [{ setWeight: 50 }] } });
  w.rollout.spec.progressDeadlineSeconds = 5;
  w.rollout.spec.progressDeadlineAbort = true;
  w.until((x) => x.healthy());
  const stable = w.rollout.status!.stableRS!;
  (w as unknown as { readyAfterTicks: number }).readyAfterTicks = 10_000;
  w.setImage('app:does-not-exist');
  w.until((x) => x.rollout.status?.abort === true, 30);
  w.until((x) => x.podsByHash()[stable] === 2 && Object.keys(x.podsByHash()).length === 1, 30);
  const prog = w.rollout.status?.conditions?.find((c) => c.type === 'Progressing');
  assert.equal(prog?.reason, 'RolloutAborted');
  assert.equal(w.rollout.status?.phase, 'Degraded');
});

test('the progress deadline asks for a requeue when it would pass', () => {
  const w = new World({ replicas: 2, canary: { steps: [{ setWeight: 50 }] } });
  w.rollout.spec.progressDeadlineSeconds = 30;
  w.until((x) => x.healthy());
  (w as unknown as { readyAfterTicks: number }).readyAfterTicks = 10_000;
  w.setImage('app:2');
  w.step();
  const plan = w.reconcile();
  assert.ok(plan.requeueAfterMs !== undefined && plan.requeueAfterMs <= 31_000, String(plan.requeueAfterMs));
});

function pod(name: string, ownerUid: string, created: number, ready = true): Pod {
  return {
    metadata: { name, namespace: 'default', creationTimestamp: new Date(created).toISOString(), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: ownerUid, controller: true }] },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: new Date(created).toISOString() }] },
  };
}

test('restartAt: evicts old pods within max(maxUnavailable, 1), then records restartedAt', () => {
  const w = new World({ replicas: 4, canary: { maxUnavailable: 1, maxSurge: 1 } });
  w.until((x) => x.healthy());
  const rs = w.rsByHash(w.rollout.status?.stableRS)!;
  const uid = rs.metadata!.uid!;
  const restartAt = new Date(w.now + 1000).toISOString().replace('.000Z', 'Z');
  w.rollout.spec.restartAt = restartAt;
  const pods = [0, 1, 2, 3].map((i) => pod(`p${i}`, uid, T0 + i));
  const decide = (now: number, list: Pod[]) =>
    decideRollout({ rollout: normalizeJson(w.rollout), replicaSets: w.allReplicaSets(), services: new Map(), pods: list, now });
  const early = decide(w.now, pods);
  assert.deepEqual(early.evictPods, [], 'not yet due');
  assert.ok(early.requeueAfterMs !== undefined && early.requeueAfterMs <= 1000);
  assert.equal(early.status.message, 'rollout is restarting', 'restartAt ≠ restartedAt reads as restarting (§2.2)');
  const due = decide(w.now + 2000, pods);
  assert.deepEqual(due.evictPods, ['p0'], 'one at a time (maxUnavailable 1)');
  assert.equal(due.status.phase, 'Progressing');
  assert.equal(due.status.message, 'rollout is restarting');
  const later = Date.parse(restartAt) + 5000;
  const fresh = [0, 1, 2, 3].map((i) => pod(`n${i}`, uid, later));
  const done = decide(later + 1000, fresh);
  assert.deepEqual(done.evictPods, []);
  assert.equal(done.status.restartedAt, restartAt);
  assert.equal(needsRestart({ ...w.rollout, status: done.status }, later + 1000), false);
});

test('isPodAvailable honours minReadySeconds and deletion', () => {
  const p = pod('a', 'u', T0);
  assert.equal(isPodAvailable(p, 0, T0), true);
  assert.equal(isPodAvailable(p, 10, T0 + 5000), false);
  assert.equal(isPodAvailable(p, 10, T0 + 10_000), true);
  assert.equal(isPodAvailable({ ...p, metadata: { ...p.metadata, deletionTimestamp: new Date(T0).toISOString() } }, 0, T0), false);
  assert.equal(isPodAvailable(pod('b', 'u', T0, false), 0, T0), false);
});

test('newReplicaSetAnnotations: revision bump, history and copied rollout annotations', () => {
  const ro = { metadata: { annotations: { team: 'a', 'rollout.argoproj.io/revision': '9', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } }, spec: { replicas: 3, strategy: {} } } as Rollout;
  const rows: Array<[Record<string, string> | undefined, number, boolean, Record<string, string>, boolean]> = [
    [undefined, 1, false, { team: 'a', 'rollout.argoproj.io/revision': '1', 'rollout.argoproj.io/desired-replicas': '3' }, true],
    [{ team: 'a', 'rollout.argoproj.io/revision': '4' }, 4, true, { team: 'a', 'rollout.argoproj.io/revision': '4' }, false],
    [{ team: 'a', 'rollout.argoproj.io/revision': '2' }, 5, true, { team: 'a', 'rollout.argoproj.io/revision': '5', 'rollout.argoproj.io/revision-history': '2' }, true],
    [
      { team: 'a', 'rollout.argoproj.io/revision': '5', 'rollout.argoproj.io/revision-history': '2' },
      7,
      true,
      { team: 'a', 'rollout.argoproj.io/revision': '7', 'rollout.argoproj.io/revision-history': '2,5' },
      true,
    ],
  ];
  for (const [existing, revision, exists, want, changed] of rows) {
    const got = newReplicaSetAnnotations(ro, existing, revision, exists);
    assert.deepEqual(got, { annotations: want, changed }, JSON.stringify(existing));
  }
});

test('workloadRef: template and selector come from the Deployment; generation recorded', () => {
  const w = new World({ replicas: 2, canary: {} });
  delete w.rollout.spec.template;
  delete w.rollout.spec.selector;
  w.rollout.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', scaleDown: 'onsuccess' };
  const deployment = {
    metadata: { name: 'web', namespace: 'default', generation: 3 },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } },
    },
  };
  const workload = { kind: 'Deployment', name: 'web', object: deployment };
  let plan = decideRollout({ rollout: normalizeJson(w.rollout), replicaSets: [], services: new Map(), workload, now: w.now });
  assert.equal(plan.status.phase, 'Progressing');
  w.apply(plan);
  assert.equal(w.rollout.metadata?.annotations?.['rollout.argoproj.io/workload-generation'], '3');
  for (let i = 0; i < 10; i++) {
    w.tick++;
    w.now += 1000;
    (w as unknown as { simulateReplicaSets(): void }).simulateReplicaSets();
    plan = decideRollout({ rollout: normalizeJson(w.rollout), replicaSets: w.allReplicaSets(), services: new Map(), workload, now: w.now });
    w.apply(plan);
    if (plan.workloadScale) break;
  }
  const rs = w.allReplicaSets()[0]!;
  assert.deepEqual(rs.spec?.selector?.matchLabels?.['app'], 'web');
  assert.equal(rs.spec?.template?.spec?.containers[0]?.image, 'web:1');
  assert.equal(w.rollout.status?.workloadObservedGeneration, '3');
  assert.deepEqual(plan.workloadScale, { kind: 'Deployment', name: 'web', replicas: 0 }, 'onsuccess scales the Deployment down once Healthy');
  assert.equal(w.rollout.spec.template, undefined, 'the resolved template is not written back');
});

test('workloadRef: a missing workload is InvalidSpec', () => {
  const w = new World({ replicas: 2, canary: {} });
  delete w.rollout.spec.template;
  w.rollout.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nope' };
  const plan = decideRollout({ rollout: normalizeJson(w.rollout), replicaSets: [], services: new Map(), workload: { kind: 'Deployment', name: 'nope' }, now: w.now });
  assert.match(plan.status.conditions?.[0]?.message ?? '', /spec\.workloadRef\.name: Invalid value: "nope": Deployment "nope" not found/);
});

test('workloadRef scaleDown modes', () => {
  const ro = (scaleDown: 'never' | 'onsuccess' | 'progressively'): Rollout =>
    ({ metadata: { name: 'r' }, spec: { replicas: 4, strategy: { canary: {} }, workloadRef: { kind: 'Deployment', name: 'd', scaleDown } } }) as Rollout;
  const dep = (replicas: number) => ({ kind: 'Deployment', name: 'd', object: { spec: { replicas } } });
  const rows: Array<[Parameters<typeof ro>[0], number, string, number, string, number | undefined]> = [
    ['never', 4, 'Healthy', 4, '1', undefined],
    ['onsuccess', 4, 'Progressing', 2, '1', undefined],
    ['onsuccess', 4, 'Healthy', 4, '1', 0],
    ['progressively', 4, 'Progressing', 1, '1', 3],
    ['progressively', 4, 'Healthy', 4, '1', 0],
    ['progressively', 0, 'Degraded', 0, '1', 4],
    ['progressively', 4, 'Progressing', 1, '2', undefined],
  ];
  for (const [mode, current, phase, ready, revision, want] of rows) {
    const got = planWorkloadScaleDown(ro(mode), dep(current), { phase, readyReplicas: ready }, revision);
    assert.equal(got?.replicas, want, `${mode} ${phase} ready=${ready} rev=${revision}`);
  }
});
