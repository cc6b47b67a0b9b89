import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MESSAGE_BACKOFF_LIMIT,
  MESSAGE_COMPLETIONS,
  MESSAGE_DEADLINE,
  planJobSync,
  podFailureBackoffRemaining,
  type JobSyncInput,
} from '../../../../../src/cluster/sim/lifecycle/job/job-sync.ts';
import { iso, job, pod, T0 } from './fixtures.ts';

function plan(partial: Partial<JobSyncInput> & Pick<JobSyncInput, 'job'>): ReturnType<typeof planJobSync> {
  return planJobSync({ pods: [], now: T0, timeScale: 1, canManagePods: true, ...partial });
}

const types = (p: ReturnType<typeof planJobSync>): string[] => (p.status.conditions ?? []).map((c) => `${c.type}=${c.status}:${c.reason ?? ''}`);

test('a new job starts: startTime, one pod, empty accounting', () => {
  const p = plan({ job: job() });
  assert.equal(p.create, 1);
  assert.deepEqual(p.status, { startTime: iso(T0), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 });
  assert.equal(p.recordUncounted, undefined);
  assert.deepEqual(p.events, []);
});

test('parallelism is capped by the completions left', () => {
  const j = job({ completions: 3, parallelism: 2 }, { startTime: iso(T0), succeeded: 2 });
  assert.equal(plan({ job: j }).create, 1);
  const j2 = job({ completions: 5, parallelism: 2 }, { startTime: iso(T0), succeeded: 1 });
  assert.equal(plan({ job: j2, pods: [pod('a', 'Running')] }).create, 1);
});

test('a succeeded pod is recorded, released and counted; the job completes', () => {
  const p = plan({ job: job({}, { startTime: iso(T0 - 5000) }), pods: [pod('a', 'Succeeded', { finishedAt: T0 - 1000 })], now: T0 });
  assert.deepEqual(p.recordUncounted, { succeeded: ['uid-a'], failed: [] });
  assert.deepEqual(p.release.map((x) => x.metadata.name), ['a']);
  assert.equal(p.create, 0);
  assert.equal(p.status.succeeded, 1);
  assert.deepEqual(p.status.uncountedTerminatedPods, {});
  assert.equal(p.status.completionTime, iso(T0));
  assert.deepEqual(types(p), ['SuccessCriteriaMet=True:CompletionsReached', 'Complete=True:CompletionsReached']);
  assert.equal(p.status.conditions?.[1]?.message, MESSAGE_COMPLETIONS);
  assert.deepEqual(p.events, [{ type: 'Normal', reason: 'Completed', message: 'Job completed' }]);
});

test('already counted pods (no finalizer, uid counted) are not counted twice', () => {
  const j = job({}, { startTime: iso(T0), succeeded: 1, uncountedTerminatedPods: {} });
  const p = plan({ job: j, pods: [pod('a', 'Succeeded', { tracked: false, finishedAt: T0 })] });
  assert.equal(p.status.succeeded, 1);
  assert.equal(p.recordUncounted, undefined);
});

test('uids left in uncountedTerminatedPods by an interrupted sync are counted once', () => {
  const j = job({}, { startTime: iso(T0), failed: 1, uncountedTerminatedPods: { failed: ['uid-b'] } });
  const p = plan({ job: j, pods: [pod('b', 'Failed', { finishedAt: T0 - 60_000 })], now: T0 });
  assert.equal(p.recordUncounted, undefined);
  assert.equal(p.status.failed, 2);
  assert.deepEqual(p.release.map((x) => x.metadata.name), ['b']);
});

test('a failure within the backoff limit waits for the pod-failure back-off, then replaces the pod', () => {
  const j = job({ backoffLimit: 2 }, { startTime: iso(T0 - 10_000) });
  const failedPod = pod('a', 'Failed', { finishedAt: T0 - 2000 });
  const waiting = plan({ job: j, pods: [failedPod] });
  assert.equal(waiting.create, 0);
  assert.equal(waiting.requeueAfterMs, 8000);
  assert.equal(waiting.status.failed, 1);
  assert.deepEqual(types(waiting), []);
  const later = plan({ job: j, pods: [failedPod], now: T0 + 8000 });
  assert.equal(later.create, 1);
  const scaled = plan({ job: j, pods: [failedPod], timeScale: 0.01 });
  assert.equal(scaled.create, 1);
});

test('pod-failure back-off doubles per failure since the last success', () => {
  const f = (n: string, at: number) => pod(n, 'Failed', { finishedAt: at });
  assert.equal(podFailureBackoffRemaining([f('a', T0)], T0, 1), 10_000);
  assert.equal(podFailureBackoffRemaining([f('a', T0 - 1000), f('b', T0)], T0, 1), 20_000);
  assert.equal(podFailureBackoffRemaining([f('a', T0 - 1000), pod('s', 'Succeeded', { finishedAt: T0 - 500 }), f('b', T0)], T0, 1), 10_000);
  assert.equal(podFailureBackoffRemaining([], T0, 1), 0);
});

test('exceeding backoffLimit: FailureTarget, active pods deleted, Failed once they are gone', () => {
  const j = job({ backoffLimit: 1, parallelism: 2, completions: 4 }, { startTime: iso(T0 - 10_000), failed: 1 });
  const running = pod('r', 'Running', { ready: true });
  const p = plan({ job: j, pods: [pod('a', 'Failed', { finishedAt: T0 - 100 }), running] });
  assert.deepEqual(types(p), ['FailureTarget=True:BackoffLimitExceeded']);
  assert.deepEqual(p.delete.map((x) => x.metadata.name), ['r']);
  assert.equal(p.create, 0);
  assert.equal(p.status.failed, 2);
  assert.equal(p.status.active, undefined);
  assert.deepEqual(p.events, []);

  const after = job(j.spec, { ...p.status });
  const terminating = { ...running, metadata: { ...running.metadata, deletionTimestamp: iso(T0) } };
  const p2 = plan({ job: after, pods: [terminating], now: T0 + 1000 });
  assert.equal(p2.status.terminating, 1);
  assert.equal(p2.status.failed, 3, 'a pod deleted before it succeeded counts as failed');
  assert.deepEqual(types(p2), ['FailureTarget=True:BackoffLimitExceeded']);

  const p3 = plan({ job: job(j.spec, { ...p2.status }), pods: [], now: T0 + 2000 });
  assert.deepEqual(types(p3), ['FailureTarget=True:BackoffLimitExceeded', 'Failed=True:BackoffLimitExceeded']);
  assert.equal(p3.status.conditions?.[1]?.message, MESSAGE_BACKOFF_LIMIT);
  assert.equal(p3.status.completionTime, undefined);
  assert.deepEqual(p3.events, [{ type: 'Warning', reason: 'BackoffLimitExceeded', message: MESSAGE_BACKOFF_LIMIT }]);
});

test('backoffLimit 0: the first failure fails the job at once', () => {
  const p = plan({ job: job({ backoffLimit: 0 }, { startTime: iso(T0) }), pods: [pod('a', 'Failed', { finishedAt: T0 })] });
  assert.deepEqual(types(p), ['FailureTarget=True:BackoffLimitExceeded', 'Failed=True:BackoffLimitExceeded']);
});

test('OnFailure: container restarts count against the backoff limit', () => {
  const j = job({ backoffLimit: 2 }, { startTime: iso(T0) });
  j.spec!.template.spec!.restartPolicy = 'OnFailure';
  assert.deepEqual(types(plan({ job: j, pods: [pod('a', 'Running', { restarts: 1 })] })), []);
  const p = plan({ job: j, pods: [pod('a', 'Running', { restarts: 2 })] });
  assert.deepEqual(types(p), ['FailureTarget=True:BackoffLimitExceeded']);
  assert.equal(p.delete.length, 1);
});

test('activeDeadlineSeconds: requeue until the deadline, then DeadlineExceeded', () => {
  const j = job({ activeDeadlineSeconds: 30 }, { startTime: iso(T0 - 10_000) });
  const before = plan({ job: j, pods: [pod('a', 'Running')] });
  assert.equal(before.requeueAfterMs, 20_000);
  const after = plan({ job: j, pods: [pod('a', 'Running')], now: T0 + 20_000 });
  assert.deepEqual(types(after), ['FailureTarget=True:DeadlineExceeded']);
  assert.equal(after.status.conditions?.[0]?.message, MESSAGE_DEADLINE);
  assert.equal(after.delete.length, 1);
});

test('without completions: done when one pod succeeded and none is left running', () => {
  const j = job({ completions: undefined, parallelism: 2 }, { startTime: iso(T0) });
  const mid = plan({ job: j, pods: [pod('a', 'Succeeded', { finishedAt: T0 }), pod('b', 'Running')] });
  assert.equal(mid.create, 0);
  assert.deepEqual(types(mid), []);
  const none = plan({ job: j, pods: [] });
  assert.equal(none.create, 2);
  const done = plan({ job: job(j.spec, { startTime: iso(T0), succeeded: 1 }), pods: [pod('b', 'Succeeded', { finishedAt: T0 })] });
  assert.deepEqual(types(done), ['SuccessCriteriaMet=True:CompletionsReached', 'Complete=True:CompletionsReached']);
  assert.equal(done.status.succeeded, 2);
});

test('expectations not met: counts, but neither creates nor deletes', () => {
  const p = plan({ job: job(), canManagePods: false });
  assert.equal(p.create, 0);
  assert.equal(p.status.active, undefined);
});

test('suspend deletes active pods; resume restarts the deadline clock', () => {
  const j = job({ suspend: true }, { startTime: iso(T0 - 5000) });
  const p = plan({ job: j, pods: [pod('a', 'Running')] });
  assert.deepEqual(types(p), ['Suspended=True:JobSuspended']);
  assert.equal(p.delete.length, 1);
  assert.equal(p.create, 0);
  const resumed = plan({ job: job({ suspend: false }, p.status), now: T0 + 60_000 });
  assert.deepEqual(types(resumed), ['Suspended=False:JobResumed']);
  assert.equal(resumed.status.startTime, iso(T0 + 60_000));
  assert.equal(resumed.create, 1);
});

test('ttlSecondsAfterFinished: requeue until it expires, then delete the job', () => {
  const done = { startTime: iso(T0 - 10_000), completionTime: iso(T0), succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] };
  const j = job({ ttlSecondsAfterFinished: 5 }, done);
  const early = plan({ job: j, now: T0 + 1000 });
  assert.equal(early.deleteJob, false);
  assert.equal(early.requeueAfterMs, 4000);
  assert.equal(plan({ job: j, now: T0 + 5000 }).deleteJob, true);
  assert.equal(plan({ job: job({}, done), now: T0 + 1e9 }).deleteJob, false);
});

test('a finished job still releases the finalizers of its pods', () => {
  const done = { startTime: iso(T0), completionTime: iso(T0), succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] };
  const p = plan({ job: job({}, done), pods: [pod('late', 'Failed', { finishedAt: T0 })] });
  assert.deepEqual(p.release.map((x) => x.metadata.name), ['late']);
  assert.equal(p.create, 0);
});

test('ready counts active pods with Ready=True', () => {
  const j = job({ completions: 3, parallelism: 3 }, { startTime: iso(T0) });
  const p = plan({ job: j, pods: [pod('a', 'Running', { ready: true }), pod('b', 'Running'), pod('c', 'Pending')] });
  assert.equal(p.status.ready, 1);
  assert.equal(p.status.active, 3);
});

test('a deleted job does not get new pods', () => {
  const p = plan({ job: job({}, undefined, { deletionTimestamp: iso(T0) }) });
  assert.equal(p.create, 0);
});
