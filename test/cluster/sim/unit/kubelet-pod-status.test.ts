import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planPod } from '../../../../src/cluster/sim/kubelet/behaviour.ts';
import { desiredStatus, statusCurrent, statusPatch } from '../../../../src/cluster/sim/kubelet/pod-status.ts';
import { podPhase } from '../../../../src/cluster/sim/kubelet/pod-phase.ts';
import { terminationDeadline } from '../../../../src/cluster/sim/kubelet/termination.ts';
import { kubeletEvents } from '../../../../src/cluster/sim/kubelet/kubelet-events.ts';
import { at, pod, T0 } from '../fixtures.ts';

const opts = { podStartDelayMs: 1000, timeScale: 1 };
const input = (now: number, podIp?: string) => ({ t0: T0, now: T0 + now, nodeIp: '172.18.0.2', podIp, timeScale: 1 });
const cond = (s: ReturnType<typeof desiredStatus>, type: string) => s.status.conditions.find((c) => c.type === type);

test('before the start delay: Pending, ContainerCreating, scheduled, not ready, no IP', () => {
  const p = pod({ node: 'vane-node-1' });
  const d = desiredStatus(p, planPod(p, opts), input(0, '10.244.0.1'));
  assert.equal(d.status.phase, 'Pending');
  assert.equal(d.status.podIP, undefined);
  assert.equal(d.status.containerStatuses[0]?.state?.waiting?.reason, 'ContainerCreating');
  assert.equal(cond(d, 'PodScheduled')?.status, 'True');
  assert.equal(cond(d, 'Initialized')?.status, 'True');
  assert.deepEqual(cond(d, 'Ready'), { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
  assert.equal(d.nextAt, T0 + 1000);
  assert.equal(d.status.startTime, at(0));
});

test('after the start delay: Running and Ready with an IP, nothing more to wait for', () => {
  const p = pod({ node: 'vane-node-1' });
  const d = desiredStatus(p, planPod(p, opts), input(1000, '10.244.0.1'));
  assert.equal(d.status.phase, 'Running');
  assert.equal(d.status.podIP, '10.244.0.1');
  assert.equal(d.status.hostIP, '172.18.0.2');
  assert.equal(cond(d, 'Ready')?.status, 'True');
  assert.equal(cond(d, 'ContainersReady')?.status, 'True');
  assert.equal(d.status.containerStatuses[0]?.started, true);
  assert.equal(d.nextAt, undefined);
});

test('readiness gates: Ready only when every gate condition is True', () => {
  const gated = pod({ node: 'n', readinessGates: ['example.com/lb', 'example.com/dns'] });
  const missing = desiredStatus(gated, planPod(gated, opts), input(5000, 'ip'));
  assert.equal(cond(missing, 'ContainersReady')?.status, 'True');
  assert.deepEqual(cond(missing, 'Ready'), {
    type: 'Ready',
    status: 'False',
    reason: 'ReadinessGatesNotReady',
    message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist., corresponding condition of pod readiness gate "example.com/dns" does not exist.',
  });
  const half = pod({ node: 'n', readinessGates: ['example.com/lb', 'example.com/dns'], conditions: [{ type: 'example.com/lb', status: 'True' }, { type: 'example.com/dns', status: 'False' }] });
  assert.equal(cond(desiredStatus(half, planPod(half, opts), input(5000, 'ip')), 'Ready')?.message, 'the status of pod readiness gate "example.com/dns" is not "True", but False');
  const all = pod({ node: 'n', readinessGates: ['example.com/lb'], conditions: [{ type: 'example.com/lb', status: 'True' }] });
  assert.equal(cond(desiredStatus(all, planPod(all, opts), input(5000, 'ip')), 'Ready')?.status, 'True');
});

test('readinessProbe.initialDelaySeconds (scaled) delays Ready after the start', () => {
  const p = pod({ node: 'n', containers: [{ name: 'app', image: 'nginx', readinessProbe: { initialDelaySeconds: 10 } }] });
  const plan = planPod(p, { podStartDelayMs: 0, timeScale: 0.1 });
  const early = desiredStatus(p, plan, { ...input(500, 'ip'), timeScale: 0.1 });
  assert.equal(early.status.phase, 'Running');
  assert.equal(cond(early, 'Ready')?.status, 'False');
  assert.equal(early.nextAt, T0 + 1000);
  assert.equal(cond(desiredStatus(p, plan, { ...input(1000, 'ip'), timeScale: 0.1 }), 'Ready')?.status, 'True');
});

test('annotations: crash, never-ready, start-delay, exit-code/run-duration', () => {
  const crash = pod({ node: 'n', annotations: { 'vane.dev/crash': 'true' } });
  const c = desiredStatus(crash, planPod(crash, opts), input(1000, 'ip'));
  assert.equal(c.status.phase, 'Running');
  assert.equal(c.status.containerStatuses[0]?.state?.waiting?.reason, 'CrashLoopBackOff');
  assert.equal(c.status.containerStatuses[0]?.lastState?.terminated?.exitCode, 1);
  const never = pod({ node: 'n', annotations: { 'vane.dev/never-ready': 'true' } });
  const n = desiredStatus(never, planPod(never, opts), input(60_000, 'ip'));
  assert.equal(n.status.phase, 'Running');
  assert.equal(cond(n, 'Ready')?.status, 'False');
  const slow = pod({ node: 'n', annotations: { 'vane.dev/start-delay': '5s' } });
  assert.equal(planPod(slow, opts).startDelayMs, 5000);
  const job = pod({ node: 'n', restartPolicy: 'Never', annotations: { 'vane.dev/exit-code': '3', 'vane.dev/run-duration': '2s' } });
  const j = desiredStatus(job, planPod(job, opts), input(3000, 'ip'));
  assert.equal(j.status.phase, 'Failed');
  assert.equal(j.status.containerStatuses[0]?.state?.terminated?.exitCode, 3);
  assert.equal(cond(j, 'Ready')?.reason, 'PodCompleted');
  assert.equal(j.nextAt, undefined);
});

test('unknown programs run forever under restartPolicy Always, and finish after 1 s (scaled) otherwise', () => {
  const web = pod({ node: 'n' });
  assert.equal(planPod(web, opts).containers[0]?.exit, undefined);
  const jobPod = pod({ node: 'n', restartPolicy: 'OnFailure', containers: [{ name: 'pi', image: 'perl', command: ['perl', '-e', 'print 1'] }] });
  assert.deepEqual(planPod(jobPod, { podStartDelayMs: 0, timeScale: 0.5 }).containers[0]?.exit, { code: 0, runMs: 500 });
  const done = desiredStatus(jobPod, planPod(jobPod, { podStartDelayMs: 0, timeScale: 0.5 }), { ...input(500, 'ip'), timeScale: 0.5 });
  assert.equal(done.status.phase, 'Succeeded');
});

test('unpullable image: Pending with ErrImagePull, then ImagePullBackOff; the pod has an IP', () => {
  const p = pod({ node: 'n', containers: [{ name: 'app', image: 'nginx:does-not-exist' }] });
  const first = desiredStatus(p, planPod(p, opts), input(1000, '10.244.0.9'));
  assert.equal(first.status.phase, 'Pending');
  assert.equal(first.status.podIP, '10.244.0.9');
  assert.equal(first.status.containerStatuses[0]?.state?.waiting?.reason, 'ErrImagePull');
  const later = desiredStatus(p, planPod(p, opts), input(10_000, '10.244.0.9'));
  assert.equal(later.status.containerStatuses[0]?.state?.waiting?.reason, 'ImagePullBackOff');
  assert.equal(later.status.containerStatuses[0]?.state?.waiting?.message, 'Back-off pulling image "nginx:does-not-exist"');
});

test('init containers complete at the start; an unpullable init container blocks the pod', () => {
  const ok = pod({ node: 'n' });
  ok.spec!.initContainers = [{ name: 'init', image: 'busybox' }];
  const d = desiredStatus(ok, planPod(ok, opts), input(1000, 'ip'));
  assert.equal(d.status.initContainerStatuses?.[0]?.state?.terminated?.reason, 'Completed');
  assert.equal(d.status.phase, 'Running');
  const before = desiredStatus(ok, planPod(ok, opts), input(0, 'ip'));
  assert.equal(before.status.containerStatuses[0]?.state?.waiting?.reason, 'PodInitializing');
  assert.equal(cond(before, 'Initialized')?.status, 'False');
  const blocked = pod({ node: 'n' });
  blocked.spec!.initContainers = [{ name: 'init', image: 'busybox:does-not-exist' }];
  const b = desiredStatus(blocked, planPod(blocked, opts), input(1000, 'ip'));
  assert.equal(b.status.phase, 'Pending');
  assert.equal(b.status.initContainerStatuses?.[0]?.state?.waiting?.reason, 'ErrImagePull');
  assert.equal(cond(b, 'Initialized')?.status, 'False');
});

test('statusCurrent ignores condition times; the patch keeps others’ conditions and is conditional', () => {
  const p = pod({ node: 'n', readinessGates: ['example.com/lb'], conditions: [{ type: 'example.com/lb', status: 'True', lastTransitionTime: at(0) }] });
  p.metadata = { ...p.metadata, resourceVersion: '42' };
  const d = desiredStatus(p, planPod(p, opts), input(2000, 'ip'));
  assert.equal(statusCurrent(p.status, d.status), false);
  const patch = statusPatch(p.status, d.status, T0 + 2000, '42');
  assert.equal(patch.metadata.resourceVersion, '42');
  const conditions = patch.status['conditions'] as Array<{ type: string; status: string; lastTransitionTime: string }>;
  assert.deepEqual(
    conditions.map((c) => c.type),
    ['example.com/lb', 'PodScheduled', 'Initialized', 'ContainersReady', 'Ready'],
  );
  assert.equal(conditions.find((c) => c.type === 'Ready')?.lastTransitionTime, at(2000));
  // Applied, the status is current, even with other transition times.
  const stored = { ...p.status, ...(patch.status as object) };
  assert.equal(statusCurrent(stored, d.status), true);
  // An unchanged condition keeps its transition time on the next write.
  const next = statusPatch(stored, d.status, T0 + 9000, '43');
  assert.equal((next.status['conditions'] as Array<{ type: string; lastTransitionTime: string }>).find((c) => c.type === 'Ready')?.lastTransitionTime, at(2000));
});

test('podPhase follows the kubelet’s getPhase', () => {
  const running = { name: 'a', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } };
  const waiting = { name: 'b', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } };
  const crash = { name: 'c', image: '', imageID: '', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } };
  const ok = { name: 'd', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0 } } };
  const bad = { name: 'e', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 1 } } };
  assert.equal(podPhase([running, waiting], 'Always', false), 'Pending');
  assert.equal(podPhase([running, crash], 'Always', false), 'Running');
  assert.equal(podPhase([crash], 'Always', false), 'Running');
  assert.equal(podPhase([ok], 'Never', false), 'Succeeded');
  assert.equal(podPhase([ok, bad], 'Never', false), 'Failed');
  assert.equal(podPhase([ok, bad], 'OnFailure', false), 'Running');
  assert.equal(podPhase([ok], 'OnFailure', false), 'Succeeded');
  assert.equal(podPhase([ok], 'Always', false), 'Running');
  assert.equal(podPhase([running], 'Always', true), 'Pending');
});

test('terminating pods go min(grace, 2 s) × timeScale after the delete request', () => {
  const p = pod({ node: 'n', deleting: true }); // deletionTimestamp T0+30s, grace 30 → requested at T0
  assert.equal(terminationDeadline(p, 1), T0 + 2000);
  assert.equal(terminationDeadline(p, 0.1), T0 + 200);
  const quick = pod({ node: 'n' });
  quick.metadata = { ...quick.metadata, deletionTimestamp: at(1000), deletionGracePeriodSeconds: 1 };
  assert.equal(terminationDeadline(quick, 1), T0 + 1000);
  assert.equal(terminationDeadline(pod({ node: 'n' }), 1), undefined);
});

test('kubelet events only for failures, once per change', () => {
  const p = pod({ node: 'n', containers: [{ name: 'app', image: 'nginx:does-not-exist' }] });
  const creating = [{ name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }];
  const pulling = [{ name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull', message: 'not found' } } }];
  assert.deepEqual(
    kubeletEvents(p, creating, pulling).map((e) => e.reason),
    ['Failed', 'Failed'],
  );
  assert.deepEqual(kubeletEvents(p, pulling, pulling), []);
  const running = [{ name: 'app', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } }];
  assert.deepEqual(kubeletEvents(p, creating, running), []);
});
