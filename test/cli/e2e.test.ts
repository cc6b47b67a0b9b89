/**
 * The built CLI against a local cluster with the Rollout controller, both as `vane` and through
 * real `kubectl argo rollouts` (the plugin found on PATH). No mocks: every command goes over HTTPS.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as resources from '../../src/kube/resources.ts';
import { canaryYaml, isHealthy } from '../rollout/harness/rollout-lab.ts';
import { startE2E, type E2E } from './e2e-env.ts';

let e2e: E2E;

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  await e2e?.stop();
});

const STEPS = '[{setWeight: 20}, {pause: {}}, {setWeight: 60}, {pause: {duration: 1s}}]';

async function healthyCanary(name: string, image: string, steps = STEPS): Promise<void> {
  await e2e.lab.apply(canaryYaml({ name, replicas: 5, image, steps }));
  await e2e.lab.waitRollout(name, isHealthy, 'Healthy', 30_000);
}

test('vane: set image → get → promote → status exits 0', async () => {
  await healthyCanary('web', 'nginx:1.25');

  const set = await e2e.vane(['set', 'image', 'web', 'app=nginx:1.26']);
  assert.deepEqual([set.code, set.stdout, set.stderr], [0, 'rollout "web" image updated\n', '']);
  await e2e.lab.waitRollout('web', (ro) => ro.status?.pauseConditions?.[0]?.reason === 'CanaryPauseStep', 'paused at step 1', 30_000);

  const get = await e2e.vane(['get', 'rollout', 'web', '--no-color']);
  assert.equal(get.code, 0, get.stderr);
  assert.match(get.stdout, /^Name: {12}web\nNamespace: {7}default\nStatus: {10}॥ Paused\nMessage: {9}CanaryPauseStep\nStrategy: {8}Canary\n {2}Step: {10}1\/4\n {2}SetWeight: {5}20\n {2}ActualWeight: {2}20\n/);
  assert.match(get.stdout, /Images: {10}nginx:1\.25 \(stable\)\n {17}nginx:1\.26 \(canary\)\n/);
  assert.match(get.stdout, /^⟳ web +Rollout +॥ Paused +\d+s +$/m);
  assert.match(get.stdout, /^├──# revision:2 +$/m);
  assert.match(get.stdout, /^│ {2}└──⧉ web-[a-z0-9]+ +ReplicaSet +✔ Healthy +\d+s +canary$/m);
  assert.match(get.stdout, /^ {3}└──⧉ web-[a-z0-9]+ +ReplicaSet +✔ Healthy +\d+s +stable$/m);
  assert.equal((get.stdout.match(/□ web-/g) ?? []).length, 5, 'five pods in the tree');

  const coloured = await e2e.vane(['get', 'rollout', 'web']);
  assert.ok(coloured.stdout.includes('\x1b[33mcanary\x1b[0m'), 'colour by default, as Argo');

  const statusOnce = await e2e.vane(['status', 'web', '--watch=false']);
  assert.deepEqual([statusOnce.code, statusOnce.stdout], [0, 'Paused - CanaryPauseStep\n']);

  const promote = await e2e.vane(['promote', 'web']);
  assert.deepEqual([promote.code, promote.stdout], [0, "rollout 'web' promoted\n"]);

  const status = await e2e.vane(['status', 'web', '--timeout', '90s'], 120_000);
  assert.equal(status.code, 0, status.stderr);
  const lines = status.stdout.trim().split('\n');
  assert.equal(lines.at(-1), 'Healthy');
  assert.ok(lines.every((l, i) => i === 0 || l !== lines[i - 1]), 'a line only when the status changes');
  assert.ok(lines.every((l) => /^(Healthy|(Progressing|Paused) - .+)$/.test(l)), status.stdout);

  const list = await e2e.vane(['list', 'rollouts']);
  assert.match(list.stdout, /^NAME {2,}STRATEGY {3}STATUS {8}STEP {2}SET-WEIGHT {2}READY {2}DESIRED {2}UP-TO-DATE {2}AVAILABLE\n/);
  assert.match(list.stdout, /^web +Canary +Healthy +4\/4 +100 +5\/5 +5 +5 +5 +$/m);
});

test('kubectl argo rollouts: abort → status exits 1 with the degraded message; retry', async () => {
  await healthyCanary('api', 'nginx:1.25');
  const version = await e2e.plugin(['version', '--short']);
  assert.match(version.stdout, /^kubectl-argo-rollouts: v\d+\.\d+\.\d+/, version.stderr);

  assert.equal((await e2e.plugin(['set', 'image', 'api', 'app=nginx:1.26'])).stdout, 'rollout "api" image updated\n');
  await e2e.lab.waitRollout('api', (ro) => (ro.status?.pauseConditions ?? []).length > 0, 'paused', 30_000);

  const abort = await e2e.plugin(['abort', 'api']);
  assert.deepEqual([abort.code, abort.stdout], [0, "rollout 'api' aborted\n"]);

  const status = await e2e.plugin(['status', 'api', '--timeout', '60s'], 90_000);
  assert.equal(status.code, 1);
  assert.match(status.stdout, /Degraded - RolloutAborted: Rollout aborted update to revision 2\n$/);
  assert.equal(status.stderr, 'Error: The rollout is in a degraded state with message: RolloutAborted: Rollout aborted update to revision 2\n');

  const once = await e2e.plugin(['status', 'api', '--watch=false']);
  assert.deepEqual([once.code, once.stdout], [1, 'Degraded\n']);

  const get = await e2e.plugin(['get', 'rollout', 'api', '--no-color']);
  assert.match(get.stdout, /^Status: {10}✖ Degraded\nMessage: {9}RolloutAborted: Rollout aborted update to revision 2\n/m);

  const retry = await e2e.plugin(['retry', 'rollout', 'api']);
  assert.deepEqual([retry.code, retry.stdout], [0, "rollout 'api' retried\n"]);
  await e2e.lab.waitRollout('api', (ro) => !ro.status?.abort && ro.status?.phase !== 'Degraded', 'retried', 30_000);

  const pause = await e2e.plugin(['pause', 'api']);
  assert.equal(pause.stdout, "rollout 'api' paused\n");
  assert.equal((await e2e.lab.rollout('api')).spec.paused, true);
  const full = await e2e.plugin(['promote', 'api', '--full']);
  assert.equal(full.stdout, "rollout 'api' fully promoted\n");
  await e2e.lab.waitRollout('api', isHealthy, 'fully promoted', 60_000);
});

test('undo: back to the previous revision, a given revision, or an error', async () => {
  await healthyCanary('undo', 'nginx:1.25', '[]');
  await e2e.lab.apply(canaryYaml({ name: 'undo', replicas: 5, image: 'nginx:1.26', steps: '[]' }));
  await e2e.lab.waitRollout('undo', (ro) => isHealthy(ro) && ro.spec.template?.spec?.containers[0]?.image === 'nginx:1.26', 'v2', 30_000);

  const undo = await e2e.vane(['undo', 'undo']);
  assert.deepEqual([undo.code, undo.stdout, undo.stderr], [0, "rollout 'undo' undo\n", '']);
  const back = await e2e.lab.waitRollout('undo', (ro) => isHealthy(ro) && ro.spec.template?.spec?.containers[0]?.image === 'nginx:1.25', 'back on v1', 30_000);
  assert.equal(back.metadata?.annotations?.['rollout.argoproj.io/revision'], '3');

  const missing = await e2e.plugin(['undo', 'undo', '--to-revision=9']);
  assert.deepEqual([missing.code, missing.stderr], [1, 'Error: unable to find specified revision 9 in history\n']);
  const same = await e2e.plugin(['undo', 'undo', '--to-revision=3']);
  assert.deepEqual([same.code, same.stdout], [0, 'skipped rollback (current template already matches revision 3)']);
});

test('errors are one line on stderr with exit 1; restart prints Argo\'s line', async () => {
  const nope = await e2e.vane(['get', 'rollout', 'nope']);
  assert.deepEqual([nope.code, nope.stdout, nope.stderr], [1, '', 'Error: rollouts.argoproj.io "nope" not found\n']);
  const promote = await e2e.plugin(['promote', 'nope']);
  assert.deepEqual([promote.code, promote.stderr], [1, 'Error: rollouts.argoproj.io "nope" not found\n']);
  const ns = await e2e.plugin(['list', 'rollouts', '-n', 'kube-system']);
  assert.deepEqual([ns.code, ns.stdout, ns.stderr], [0, '', 'No resources found.\n']);
  const unknown = await e2e.plugin(['get', 'rollout', 'web', '--bogus']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^Error: unknown flag: --bogus\n/);

  await healthyCanary('rs', 'nginx:1.25', '[]');
  const restart = await e2e.vane(['restart', 'rs', '--in', '1s']);
  assert.deepEqual([restart.code, restart.stdout], [0, "rollout 'rs' restarts in 1s\n"]);
  assert.match((await e2e.lab.rollout('rs')).spec.restartAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('lint through the binary: valid files pass, invalid ones name the field', async () => {
  const dir = path.join(import.meta.dirname, 'fixtures/lint');
  const ok = await e2e.plugin(['lint', '-f', path.join(dir, 'valid-blue-green.yml')]);
  assert.deepEqual([ok.code, ok.stdout, ok.stderr], [0, '', '']);
  const bad = await e2e.vane(['lint', '-f', path.join(dir, 'invalid-service-labels.yml')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^Error: spec\.strategy\.canary\.canaryService: Invalid value: "web-canary"/);
});

test('create -f / create analysisrun / get, list, retry and terminate experiments', async () => {
  const dir = path.join(import.meta.dirname, 'fixtures/create');
  const exp = await e2e.vane(['create', '-f', path.join(dir, 'experiment.yaml')]);
  assert.deepEqual([exp.code, exp.stdout, exp.stderr], [0, 'experiment.argoproj.io/baseline-vs-canary created\n', '']);
  const typo = await e2e.plugin(['create', '-f', path.join(dir, 'experiment-unknown-field.yaml')]);
  assert.deepEqual([typo.code, typo.stderr], [1, 'Error: error unmarshaling JSON: while decoding JSON: json: unknown field "durration"\n']);

  const get = await e2e.plugin(['get', 'experiment', 'baseline-vs-canary', '--no-color']);
  assert.equal(get.code, 0, get.stderr);
  assert.match(get.stdout, /^Name: {12}baseline-vs-canary\nNamespace: {7}default\nStatus: {10}/);
  assert.match(get.stdout, /^Σ baseline-vs-canary +Experiment /m);
  const list = await e2e.plugin(['list', 'experiments']);
  assert.match(list.stdout, /^NAME +STATUS +DURATION +REMAINING +AGE\nbaseline-vs-canary +5m +- +\d+s/);

  assert.equal((await e2e.plugin(['terminate', 'experiment', 'baseline-vs-canary'])).stdout, "experiment 'baseline-vs-canary' retried\n");
  const terminated = await e2e.lab.client.get(resources.experiments, 'default', 'baseline-vs-canary');
  assert.equal((terminated['spec'] as { terminate?: boolean }).terminate, true);
  assert.equal((await e2e.plugin(['retry', 'experiment', 'baseline-vs-canary'])).stdout, "experiment 'baseline-vs-canary' retried\n");

  assert.equal((await e2e.vane(['create', '-f', path.join(dir, 'analysis-template.yaml')])).stdout, 'analysistemplate.argoproj.io/smoke created\n');
  const unresolved = await e2e.vane(['create', 'analysisrun', '--from', 'smoke']);
  assert.deepEqual([unresolved.code, unresolved.stderr], [1, 'Error: args.service was not resolved\n']);
  const run = await e2e.plugin(['create', 'analysisrun', '--from', 'smoke', '-a', 'service=web', '--name', 'smoke-1']);
  assert.deepEqual([run.code, run.stdout], [0, 'analysisrun.argoproj.io/smoke-1 created\n']);
  const generated = await e2e.plugin(['create', 'analysisrun', '--from-file', path.join(dir, 'analysis-template.yaml'), '-a', 'service=web']);
  assert.match(generated.stdout, /^analysisrun\.argoproj\.io\/smoke-[a-z0-9]{5} created\n$/);
  const terminate = await e2e.plugin(['terminate', 'analysisrun', 'smoke-1']);
  assert.equal(terminate.stdout, "analysisRun 'smoke-1' terminated\n");
});
