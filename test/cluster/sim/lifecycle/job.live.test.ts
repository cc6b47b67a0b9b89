import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JobObject } from '../../../../src/cluster/sim/lifecycle/common/types.ts';
import { startSimCluster, type SimCluster } from '../../../helpers/sim-cluster.ts';
import { eventually } from '../../../helpers/local-cluster.ts';
import { getJson, names } from './live.ts';

let c: SimCluster;
before(async () => {
  c = await startSimCluster();
});
after(async () => {
  await c?.stop();
});

function job(name: string, command: string[], spec: Record<string, unknown> = {}, restartPolicy = 'Never'): string {
  return JSON.stringify({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...spec, template: { spec: { restartPolicy, containers: [{ name: 'main', image: 'busybox:1.36', command }] } } },
  });
}

const conditions = (j: JobObject): string[] => (j.status?.conditions ?? []).map((x) => `${x.type}=${x.status}:${x.reason ?? ''}`);

test('a Job running `sleep 1` completes and kubectl wait returns', async () => {
  await c.kubectlOk(['apply', '-f', '-'], job('sleeper', ['sh', '-c', 'sleep 1']));
  await c.kubectlOk(['wait', '--for=condition=complete', 'job/sleeper', '--timeout=60s']);
  const j = await getJson<JobObject>(c, ['job', 'sleeper']);
  assert.equal(j.status?.succeeded, 1);
  assert.equal(j.status?.active, undefined);
  assert.deepEqual(j.status?.uncountedTerminatedPods, {});
  assert.ok(j.status?.startTime && j.status.completionTime);
  assert.deepEqual(conditions(j), ['SuccessCriteriaMet=True:CompletionsReached', 'Complete=True:CompletionsReached']);
  const pods = await getJson(c, ['pods', '-l', 'batch.kubernetes.io/job-name=sleeper']);
  assert.equal(pods.items.length, 1);
  const pod = pods.items[0]!;
  assert.equal((pod['status'] as { phase: string }).phase, 'Succeeded');
  assert.equal(pod.metadata.finalizers, undefined, 'the tracking finalizer is released once counted');
  assert.deepEqual(pod.metadata.ownerReferences?.map((o) => [o.kind, o.name, o.controller, o.blockOwnerDeletion]), [['Job', 'sleeper', true, true]]);
  const events = await c.kubectlOk(['get', 'events', '--field-selector', 'involvedObject.name=sleeper', '-o', 'custom-columns=R:.reason', '--no-headers']);
  assert.match(events, /SuccessfulCreate/);
  assert.match(events, /Completed/);
  // kubectl get job shows the completions.
  assert.match(await c.kubectlOk(['get', 'job', 'sleeper']), /sleeper\s+Complete\s+1\/1/);
});

test('a Job whose command fails ends Failed after its backoffLimit', async () => {
  await c.kubectlOk(['apply', '-f', '-'], job('failing', ['sh', '-c', 'exit 3'], { backoffLimit: 2 }));
  await c.kubectlOk(['wait', '--for=condition=failed', 'job/failing', '--timeout=120s']);
  const j = await getJson<JobObject>(c, ['job', 'failing']);
  assert.equal(j.status?.failed, 3);
  assert.equal(j.status?.succeeded, undefined);
  assert.deepEqual(conditions(j), ['FailureTarget=True:BackoffLimitExceeded', 'Failed=True:BackoffLimitExceeded']);
  assert.equal(j.status?.conditions?.[1]?.message, 'Job has reached the specified backoff limit');
  const pods = await getJson(c, ['pods', '-l', 'batch.kubernetes.io/job-name=failing']);
  assert.equal(pods.items.length, 3);
  for (const p of pods.items) assert.equal((p['status'] as { phase: string }).phase, 'Failed');
});

test('completions and parallelism', async () => {
  // Each pod runs 2 s of wall time (200 s × the tests' timeScale 0.01), long enough for the poll below
  // to see two pods active at once on a loaded machine (a 20 ms window was missed under CI load).
  await c.kubectlOk(['apply', '-f', '-'], job('batch', ['sh', '-c', 'sleep 200'], { completions: 5, parallelism: 2 }));
  await eventually(async () => (await getJson<JobObject>(c, ['job', 'batch'])).status?.active === 2);
  await c.kubectlOk(['wait', '--for=condition=complete', 'job/batch', '--timeout=120s']);
  const j = await getJson<JobObject>(c, ['job', 'batch']);
  assert.equal(j.status?.succeeded, 5);
  assert.equal((await names(c, ['pods', '-l', 'batch.kubernetes.io/job-name=batch'])).length, 5);
});

test('activeDeadlineSeconds fails the job and deletes its pods', async () => {
  await c.kubectlOk(['apply', '-f', '-'], job('slow', ['sleep', 'infinity'], { activeDeadlineSeconds: 2 }));
  await c.kubectlOk(['wait', '--for=condition=failed', 'job/slow', '--timeout=60s']);
  const j = await getJson<JobObject>(c, ['job', 'slow']);
  assert.deepEqual(conditions(j), ['FailureTarget=True:DeadlineExceeded', 'Failed=True:DeadlineExceeded']);
  assert.equal(j.status?.conditions?.[1]?.message, 'Job was active longer than specified deadline');
  await eventually(async () => (await names(c, ['pods', '-l', 'batch.kubernetes.io/job-name=slow'])).length === 0);
});

test('OnFailure: container restarts count against the backoff limit', async () => {
  await c.kubectlOk(['apply', '-f', '-'], job('crashy', ['sh', '-c', 'exit 1'], { backoffLimit: 1 }, 'OnFailure'));
  await c.kubectlOk(['wait', '--for=condition=failed', 'job/crashy', '--timeout=60s']);
  assert.deepEqual(conditions(await getJson<JobObject>(c, ['job', 'crashy'])), ['FailureTarget=True:BackoffLimitExceeded', 'Failed=True:BackoffLimitExceeded']);
});

test('deleting a Job deletes its pods; ttlSecondsAfterFinished deletes the Job', async () => {
  await c.kubectlOk(['apply', '-f', '-'], job('running', ['sleep', 'infinity'], { parallelism: 2, completions: 2 }));
  await eventually(async () => (await names(c, ['pods', '-l', 'batch.kubernetes.io/job-name=running'])).length === 2);
  await c.kubectlOk(['delete', 'job', 'running']);
  await eventually(async () => (await names(c, ['pods', '-l', 'batch.kubernetes.io/job-name=running'])).length === 0);

  await c.kubectlOk(['apply', '-f', '-'], job('brief', ['true'], { ttlSecondsAfterFinished: 1 }));
  await eventually(async () => (await c.kubectl(['get', 'job', 'brief'])).code !== 0, 30_000);
  await eventually(async () => (await names(c, ['pods', '-l', 'batch.kubernetes.io/job-name=brief'])).length === 0);
});

test('--cascade=orphan leaves running pods, released from the job', async () => {
  await c.kubectlOk(['apply', '-f', '-'], job('left', ['sleep', 'infinity']));
  await eventually(async () => (await getJson<JobObject>(c, ['job', 'left'])).status?.active === 1);
  await c.kubectlOk(['delete', 'job', 'left', '--cascade=orphan', '--timeout=60s']);
  await eventually(async () => {
    const pods = await getJson(c, ['pods', '-l', 'batch.kubernetes.io/job-name=left']);
    return pods.items.length === 1 && pods.items[0]!.metadata.ownerReferences === undefined && pods.items[0]!.metadata.finalizers === undefined;
  });
  await c.kubectlOk(['delete', 'pods', '-l', 'batch.kubernetes.io/job-name=left']);
});
