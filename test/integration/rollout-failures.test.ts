/**
 * Failure handling on the local cluster: a bad image (the simulation cannot pull tags starting
 * with `does-not-exist`) runs into the progress deadline, and with progressDeadlineAbort the update
 * is aborted; an invalid Rollout gets InvalidSpec naming the field; the controller survives both.
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

const STEPS = '[{setWeight: 50}, {pause: {}}]';

test('a bad image hits ProgressDeadlineExceeded (Degraded)', async () => {
  const extraSpec = '  progressDeadlineSeconds: 3';
  await lab.apply(canaryYaml({ name: 'bad', replicas: 2, image: 'nginx:1.25', steps: STEPS, extraSpec }));
  await lab.waitRollout('bad', isHealthy, 'initial Healthy');
  await lab.apply(canaryYaml({ name: 'bad', replicas: 2, image: 'nginx:does-not-exist', steps: STEPS, extraSpec }));
  const ro = await lab.waitRollout('bad', (r) => r.status?.phase === 'Degraded', 'Degraded', 20_000);
  const cond = ro.status?.conditions?.find((c) => c.type === 'Progressing');
  assert.equal(cond?.status, 'False');
  assert.equal(cond?.reason, 'ProgressDeadlineExceeded');
  assert.match(ro.status?.message ?? '', /^ProgressDeadlineExceeded: ReplicaSet "bad-\w+" has timed out progressing\.$/);
  assert.equal(ro.status?.abort, undefined);
  const events = await lab.events('bad');
  assert.ok(events.some((e) => e.reason === 'ProgressDeadlineExceeded' && e.type === 'Warning'));
});

test('with progressDeadlineAbort the update is aborted and the stable restored', async () => {
  const extraSpec = '  progressDeadlineSeconds: 3\n  progressDeadlineAbort: true';
  await lab.apply(canaryYaml({ name: 'abt', replicas: 2, image: 'nginx:1.25', steps: STEPS, extraSpec }));
  const first = await lab.waitRollout('abt', isHealthy, 'initial Healthy');
  const stable = first.status!.stableRS!;
  await lab.apply(canaryYaml({ name: 'abt', replicas: 2, image: 'nginx:does-not-exist', steps: STEPS, extraSpec }));
  const ro = await lab.waitRollout(
    'abt',
    (r) => r.status?.abort === true && r.status.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'RolloutAborted') === true,
    'aborted',
    20_000,
  );
  assert.equal(ro.status?.phase, 'Degraded');
  assert.match(ro.status?.message ?? '', /^RolloutAborted: Rollout aborted update to revision 2/);
  await lab.waitRollout('abt', (r) => (r.status?.updatedReplicas ?? 0) === 0 && r.status?.availableReplicas === 2, 'canary gone, stable available');
  assert.deepEqual(await lab.podsByHash('abt'), { [stable]: 2 });
});

test('an invalid Rollout gets InvalidSpec naming the field; fixing it recovers', async () => {
  await lab.apply(canaryYaml({ name: 'inv', replicas: 1, image: 'nginx:1.25', steps: '[{setWeight: 20}, {pause: {duration: 10x}}]', services: false }));
  const ro = await lab.waitRollout('inv', (r) => r.status?.conditions?.some((c) => c.type === 'InvalidSpec') === true, 'InvalidSpec');
  const cond = ro.status?.conditions?.find((c) => c.type === 'InvalidSpec');
  assert.equal(cond?.status, 'True');
  assert.equal(cond?.reason, 'InvalidSpec');
  assert.match(cond?.message ?? '', /^The Rollout "inv" is invalid: spec\.strategy\.canary\.steps\[1\]\.pause\.duration: Invalid value: .*: Duration needs to be greater than 0$/);
  assert.equal(ro.status?.phase, 'Degraded');
  assert.match(ro.status?.message ?? '', /^InvalidSpec: The Rollout "inv" is invalid/);
  assert.equal((await lab.replicaSets('inv')).length, 0, 'nothing created for an invalid spec');

  await lab.apply(canaryYaml({ name: 'inv', replicas: 1, image: 'nginx:1.25', steps: '[{setWeight: 20}, {pause: {duration: 1s}}]', services: false }));
  const fixed = await lab.waitRollout('inv', isHealthy, 'Healthy after the fix');
  assert.equal(fixed.status?.conditions?.find((c) => c.type === 'InvalidSpec'), undefined);
});

test('a Rollout referencing a missing Service is InvalidSpec until the Service exists', async () => {
  const yaml = canaryYaml({ name: 'svc', replicas: 1, image: 'nginx:1.25' });
  const rolloutOnly = yaml.split('---').filter((doc) => doc.includes('kind: Rollout')).join('---');
  await lab.apply(rolloutOnly);
  const ro = await lab.waitRollout('svc', (r) => r.status?.phase === 'Degraded', 'InvalidSpec');
  assert.match(ro.status?.message ?? '', /spec\.strategy\.canary\.(stable|canary)Service: Invalid value: "svc-(stable|canary)": service "svc-(stable|canary)" not found/);
  await lab.apply(yaml);
  await lab.waitRollout('svc', isHealthy, 'Healthy once the Services exist', 30_000);
});
