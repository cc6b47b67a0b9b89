/** The patches each action sends (reference §3.7), as pure functions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Rollout } from '../../src/api/types/rollout.ts';
import { analysisRunFromTemplate, mergeArgs, parseArgFlags } from '../../src/cli/patches/analysisrun.ts';
import { deepDerivative } from '../../src/cli/patches/deep-derivative.ts';
import { checkPromoteFlags, promotePatches } from '../../src/cli/patches/promote.ts';
import { parseContainerImage, withImage } from '../../src/cli/patches/set-image.ts';
import { ABORT_PATCH, PAUSE_PATCH, restartPatch, RETRY_EXPERIMENT_PATCH, RETRY_ROLLOUT_PATCH, TERMINATE_PATCH } from '../../src/cli/patches/simple.ts';
import { rolloutRevision, templateMatches, undoPatch } from '../../src/cli/patches/undo.ts';

const STEPS = [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '10s' } }];

function canary(status: Rollout['status'], extra: Partial<Rollout['spec']> = {}, steps: unknown[] = STEPS): Rollout {
  return { metadata: { name: 'r' }, spec: { strategy: { canary: { steps: steps as never } }, ...extra }, status };
}
function blueGreen(status: Rollout['status'], extra: Partial<Rollout['spec']> = {}): Rollout {
  return { metadata: { name: 'r' }, spec: { strategy: { blueGreen: { activeService: 'a' } }, ...extra }, status };
}
const pause = [{ reason: 'CanaryPauseStep', startTime: '2024-01-01T00:00:00Z' }];

test('fixed patches', () => {
  assert.deepEqual(PAUSE_PATCH, { spec: { paused: true } });
  assert.deepEqual(ABORT_PATCH, { status: { abort: true } });
  assert.deepEqual(RETRY_ROLLOUT_PATCH, { status: { abort: false } });
  assert.deepEqual(RETRY_EXPERIMENT_PATCH, { status: null });
  assert.deepEqual(TERMINATE_PATCH, { spec: { terminate: true } });
  assert.deepEqual(restartPatch(Date.parse('2024-06-01T12:00:00.750Z'), 30_000), { spec: { restartAt: '2024-06-01T12:00:30Z' } });
});

test('promote: a paused canary step clears the pause conditions only', () => {
  const p = promotePatches(canary({ currentStepIndex: 1, pauseConditions: pause, controllerPause: true }), {});
  assert.deepEqual(p.status, { status: { pauseConditions: null } });
  assert.equal(p.spec, undefined);
  assert.deepEqual(p.unified, { spec: { paused: false }, status: { pauseConditions: null } });
});

test('promote: spec.paused is cleared on the main resource as well', () => {
  const p = promotePatches(canary({ currentStepIndex: 1, pauseConditions: pause }, { paused: true }), {});
  assert.deepEqual(p.spec, { spec: { paused: false } });
  assert.deepEqual(p.status, { status: { pauseConditions: null } });
});

test('promote: a canary that is not paused skips the current step, capped at the number of steps', () => {
  assert.deepEqual(promotePatches(canary({ currentStepIndex: 2 }), {}).status, { status: { pauseConditions: null, currentStepIndex: 3 } });
  assert.deepEqual(promotePatches(canary({}), {}).status, { status: { pauseConditions: null, currentStepIndex: 1 } }, 'unset index counts as 0');
  assert.deepEqual(promotePatches(canary({ currentStepIndex: 4 }), {}).status, { status: { pauseConditions: null, currentStepIndex: 4 } });
  assert.deepEqual(promotePatches(canary({ currentStepIndex: 2 }), {}).unified, { spec: { paused: false }, status: { pauseConditions: null, currentStepIndex: 3 } });
  assert.equal(promotePatches(canary({}, {}, []), {}).status, undefined, 'no steps: nothing to skip');
});

test('promote: an inconclusive step analysis paused by the controller moves to the next step', () => {
  const ro = canary({ currentStepIndex: 1, pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: 'x' }], controllerPause: true, canary: { currentStepAnalysisRunStatus: { name: 'ar', status: 'Inconclusive' } } });
  assert.deepEqual(promotePatches(ro, {}).status, { status: { pauseConditions: null, controllerPause: false, currentStepIndex: 2 } });
});

test('promote: blue-green clears its pause conditions; with none there is no status patch', () => {
  assert.deepEqual(promotePatches(blueGreen({ pauseConditions: [{ reason: 'BlueGreenPause', startTime: 'x' }] }), {}).status, { status: { pauseConditions: null } });
  assert.equal(promotePatches(blueGreen({}), {}).status, undefined);
});

test('promote --full unpauses and sets promoteFull only mid-update', () => {
  assert.deepEqual(promotePatches(canary({ currentPodHash: 'b', stableRS: 'a' }), { full: true }), { status: { status: { promoteFull: true } } });
  assert.deepEqual(promotePatches(canary({ currentPodHash: 'a', stableRS: 'a' }), { full: true }), {});
  assert.deepEqual(promotePatches(canary({ currentPodHash: 'b', stableRS: 'a' }, { paused: true }), { full: true }), { spec: { spec: { paused: false } }, status: { status: { promoteFull: true } } });
});

test('deprecated skip flags', () => {
  assert.deepEqual(promotePatches(canary({ currentStepIndex: 1 }), { skipCurrentStep: true }).status, { status: { currentStepIndex: 2 } });
  assert.deepEqual(promotePatches(canary({ currentStepIndex: 1 }), { skipAllSteps: true }).status, { status: { currentStepIndex: 4 } });
  assert.throws(() => checkPromoteFlags(blueGreen({}), { skipAllSteps: true }), /Cannot skip steps of a bluegreen rollout. Run without a flags/);
  assert.throws(() => checkPromoteFlags(canary({}, {}, []), { skipCurrentStep: true }), /Cannot skip steps of a rollout without steps/);
  assert.doesNotThrow(() => checkPromoteFlags(blueGreen({}), {}));
});

test('set image: containers, init and ephemeral containers, `*` for all; a miss is an error', () => {
  const ro = { spec: { template: { spec: { initContainers: [{ name: 'init', image: 'i:1' }], containers: [{ name: 'app', image: 'a:1' }, { name: 'side', image: 's:1' }] } } } };
  const one = withImage(ro, 'app', 'a:2');
  assert.deepEqual(one.spec.template.spec.containers.map((c) => c.image), ['a:2', 's:1']);
  assert.equal(ro.spec.template.spec.containers[0]!.image, 'a:1', 'the input is not modified');
  const all = withImage(ro, '*', 'x:9');
  assert.deepEqual([...all.spec.template.spec.initContainers, ...all.spec.template.spec.containers].map((c) => c.image), ['x:9', 'x:9', 'x:9']);
  assert.throws(() => withImage(ro, 'nope', 'x'), /^Error: unable to find container named "nope"$/);
  assert.deepEqual(parseContainerImage('app=nginx:1.25'), { container: 'app', image: 'nginx:1.25' });
  assert.equal(parseContainerImage('app'), undefined);
  assert.equal(parseContainerImage('a=b=c'), undefined);
});

function rs(revision: string | undefined, image: string, hash: string): ReplicaSet {
  return {
    metadata: { name: `r-${hash}`, annotations: revision === undefined ? {} : { 'rollout.argoproj.io/revision': revision }, ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'r', uid: 'u', controller: true }] },
    spec: { selector: {}, template: { metadata: { labels: { app: 'r', 'rollouts-pod-template-hash': hash } }, spec: { containers: [{ name: 'app', image }] } } },
  };
}

test('undo: previous revision by default, a given revision, Argo errors', () => {
  const all = [rs('1', 'a:1', 'h1'), rs('3', 'a:3', 'h3'), rs('2', 'a:2', 'h2')];
  assert.equal(rolloutRevision('r', all, 0).metadata?.name, 'r-h2');
  assert.equal(rolloutRevision('r', all, 1).metadata?.name, 'r-h1');
  assert.throws(() => rolloutRevision('r', all, 7), /^Error: unable to find specified revision 7 in history$/);
  assert.throws(() => rolloutRevision('r', [rs('1', 'a:1', 'h1')], 0), /^Error: no revision found for rollout "r"$/);
});

test('undo: JSON patch of the template without the hash label; equal templates are skipped', () => {
  const target = rs('1', 'a:1', 'h1');
  assert.deepEqual(undoPatch(target), [{ op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'r' } }, spec: { containers: [{ name: 'app', image: 'a:1' }] } } }]);
  assert.equal(target.spec?.template?.metadata?.labels?.['rollouts-pod-template-hash'], 'h1', 'the ReplicaSet is not modified');
  assert.ok(templateMatches({ metadata: { labels: { app: 'r' } }, spec: { containers: [{ name: 'app', image: 'a:1' }] } }, target));
  assert.ok(!templateMatches({ metadata: { labels: { app: 'r' } }, spec: { containers: [{ name: 'app', image: 'a:2' }] } }, target));
});

test('DeepDerivative: unset, empty strings and empty maps on the left match anything', () => {
  assert.ok(deepDerivative({ a: 1, b: '', c: {}, d: null }, { a: 1, b: 'x', c: { k: 1 }, d: 5 }));
  assert.ok(!deepDerivative({ a: 1 }, { a: 2 }));
  assert.ok(!deepDerivative({ l: [1] }, { l: [1, 2] }));
  assert.ok(!deepDerivative({ a: 1, b: 2 }, { a: 1 }));
  assert.ok(deepDerivative({ l: [{ x: 1 }] }, { l: [{ x: 1, y: 2 }] }));
});

test('create analysisrun: args merged into the template, server fields dropped, generateName', () => {
  assert.deepEqual(parseArgFlags(['svc=foo', 'q=a=b']), [{ name: 'svc', value: 'foo' }, { name: 'q', value: 'a=b' }]);
  assert.throws(() => parseArgFlags(['nope']), /arguments must be in the form NAME=VALUE/);
  assert.throws(() => mergeArgs([], [{ name: 'svc' }]), /^Error: args.svc was not resolved$/);
  const template = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: 'rate', namespace: 'x', uid: 'u', resourceVersion: '7', labels: { a: 'b' } },
    spec: { args: [{ name: 'svc' }, { name: 'ns', value: 'default' }], metrics: [{ name: 'm', provider: { job: {} } }] },
  };
  const run = analysisRunFromTemplate(template, { args: [{ name: 'svc', value: 'web' }], name: '', generateName: 'rate-', namespace: 'demo', instanceId: 'blue' });
  assert.equal(run['kind'], 'AnalysisRun');
  assert.deepEqual(run['metadata'], { name: '', generateName: 'rate-', namespace: 'demo', labels: { 'argo-rollouts.argoproj.io/controller-instance-id': 'blue' } });
  assert.deepEqual((run['spec'] as { args: unknown }).args, [{ name: 'svc', value: 'web' }, { name: 'ns', value: 'default' }]);
});
