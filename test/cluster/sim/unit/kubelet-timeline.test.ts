import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerPlan } from '../../../../src/cluster/sim/kubelet/behaviour.ts';
import { containerStateAt, crashBackoffMs } from '../../../../src/cluster/sim/kubelet/timeline.ts';

const plan = (o: Partial<ContainerPlan> = {}): ContainerPlan => ({ name: 'app', image: 'nginx', pullFails: false, readyDelayMs: 0, neverReady: false, ...o });

test('a server container: creating, then running, ready after the probe delay', () => {
  const p = plan({ readyDelayMs: 500 });
  assert.deepEqual(containerStateAt(p, 'Always', 1000, 0, 1), { value: { kind: 'creating' }, nextAt: 1000 });
  assert.deepEqual(containerStateAt(p, 'Always', 1000, 1200, 1), { value: { kind: 'running', startedAt: 1000, restartCount: 0, ready: false }, nextAt: 1500 });
  assert.deepEqual(containerStateAt(p, 'Always', 1000, 1500, 1), { value: { kind: 'running', startedAt: 1000, restartCount: 0, ready: true }, nextAt: undefined });
});

test('never-ready: running, not ready, and nothing to wait for', () => {
  assert.deepEqual(containerStateAt(plan({ neverReady: true }), 'Always', 0, 10, 1), { value: { kind: 'running', startedAt: 0, restartCount: 0, ready: false }, nextAt: undefined });
});

test('image pull failure: ErrImagePull then ImagePullBackOff (scaled)', () => {
  const p = plan({ pullFails: true });
  assert.deepEqual(containerStateAt(p, 'Always', 0, 0, 0.5), { value: { kind: 'pullFailed', reason: 'ErrImagePull' }, nextAt: 1000 });
  assert.deepEqual(containerStateAt(p, 'Always', 0, 1000, 0.5), { value: { kind: 'pullFailed', reason: 'ImagePullBackOff' } });
});

test('crash loop: back-off 1 s, 2 s, 4 s … with restartCount growing and lastState terminated', () => {
  const p = plan({ exit: { code: 1, runMs: 0 } });
  const rows: Array<[number, number, number]> = [
    // t, restartCount, next change
    [0, 0, 1000],
    [999, 0, 1000],
    [1000, 1, 3000],
    [3000, 2, 7000],
    [7000, 3, 15000],
  ];
  for (const [t, restarts, next] of rows) {
    const s = containerStateAt(p, 'Always', 0, t, 1);
    assert.equal(s.value.kind, 'backoff', `t=${t}`);
    if (s.value.kind !== 'backoff') continue;
    assert.equal(s.value.restartCount, restarts, `t=${t}`);
    assert.equal(s.value.last.exitCode, 1);
    assert.equal(s.nextAt, next, `t=${t}`);
  }
});

test('crash loop back-off is capped at 5 minutes and found quickly far in the future', () => {
  assert.equal(crashBackoffMs(0, 1), 1000);
  assert.equal(crashBackoffMs(8, 1), 256_000);
  assert.equal(crashBackoffMs(9, 1), 300_000);
  assert.equal(crashBackoffMs(50, 1), 300_000);
  assert.equal(crashBackoffMs(0, 0.0001), 10, 'never below the minimum step');
  const p = plan({ exit: { code: 2, runMs: 0 } });
  const day = 86_400_000;
  const s = containerStateAt(p, 'Always', 0, day, 1);
  assert.equal(s.value.kind, 'backoff');
  if (s.value.kind === 'backoff') assert.ok(s.value.restartCount > 280 && s.value.restartCount < 300, String(s.value.restartCount));
});

test('a container that runs, then exits: running until it ends', () => {
  const p = plan({ exit: { code: 0, runMs: 2000 } });
  assert.deepEqual(containerStateAt(p, 'Never', 0, 500, 1), { value: { kind: 'running', startedAt: 0, restartCount: 0, ready: true }, nextAt: 2000 });
  assert.deepEqual(containerStateAt(p, 'Never', 0, 2000, 1), { value: { kind: 'terminated', restartCount: 0, current: { exitCode: 0, startedAt: 0, finishedAt: 2000 } } });
  // OnFailure restarts only failures; a success is final.
  assert.equal(containerStateAt(p, 'OnFailure', 0, 5000, 1).value.kind, 'terminated');
  // Always restarts even a success.
  const again = containerStateAt(p, 'Always', 0, 2500, 1);
  assert.equal(again.value.kind, 'backoff');
  const later = containerStateAt(p, 'Always', 0, 3100, 1);
  assert.deepEqual(later.value, { kind: 'running', startedAt: 3000, restartCount: 1, ready: true, last: { exitCode: 0, startedAt: 0, finishedAt: 2000 } });
});

test('OnFailure: a failing container is restarted until… forever', () => {
  const p = plan({ exit: { code: 1, runMs: 100 } });
  const s = containerStateAt(p, 'OnFailure', 0, 150, 1);
  assert.equal(s.value.kind, 'backoff');
});
