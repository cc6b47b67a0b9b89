/**
 * `get rollout --watch` in a real terminal (tmux): the screen is redrawn in place through a whole
 * canary (steps 1/4 → 3/4 → 4/4, Healthy), and Ctrl-C ends it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { canaryYaml, isHealthy } from '../rollout/harness/rollout-lab.ts';
import { startE2E, type E2E } from './e2e-env.ts';

const SOCKET = `vane-cli-test-${process.pid}`;
let e2e: E2E;

function tmux(args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux(['capture-pane', '-p', '-t', 'watch']);
}

function sessionAlive(): boolean {
  try {
    tmux(['has-session', '-t', 'watch']);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  e2e = await startE2E();
});

after(async () => {
  try {
    tmux(['kill-server']);
  } catch {
    // already gone
  }
  await e2e?.stop();
});

test('get rollout --watch redraws through a canary in place, and Ctrl-C stops it', async () => {
  const steps = '[{setWeight: 20}, {pause: {duration: 3s}}, {setWeight: 60}, {pause: {duration: 3s}}]';
  await e2e.lab.apply(canaryYaml({ name: 'watched', replicas: 5, image: 'nginx:1.25', steps }));
  await e2e.lab.waitRollout('watched', isHealthy, 'Healthy', 30_000);

  const vane = path.join(e2e.pluginDir, 'vane');
  const command = `KUBECONFIG='${e2e.env['KUBECONFIG']}' TERM=xterm '${vane}' get rollout watched --watch`;
  tmux(['new-session', '-d', '-s', 'watch', '-x', '160', '-y', '50', command]);

  const seen = new Set<string>();
  const waitScreen = async (what: string, predicate: (s: string) => boolean, timeoutMs = 60_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = screen();
      const step = /^ {2}Step: {10}(\S+)/m.exec(s)?.[1];
      if (step) seen.add(step);
      assert.ok((s.match(/^Name: /gm) ?? []).length <= 1, `one frame on screen, redrawn in place:\n${s}`);
      if (predicate(s)) return s;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; screen:\n${s}`);
      await sleep(100);
    }
  };

  const first = await waitScreen('the first frame', (s) => s.includes('Status:          ✔ Healthy'), 20_000);
  assert.match(first, /^Name: {12}watched$/m);
  assert.match(first, /^NAME +KIND +STATUS +AGE +INFO$/m);

  const set = await e2e.vane(['set', 'image', 'watched', 'app=nginx:1.26']);
  assert.equal(set.code, 0, set.stderr);

  await waitScreen('step 1 at 20%', (s) => /Step: {10}1\/4/.test(s) && /SetWeight: {5}20/.test(s));
  await waitScreen('the canary ReplicaSet', (s) => /# revision:2/.test(s) && /ReplicaSet +. \w+ +\S+ +canary/.test(s));
  await waitScreen('step 3 at 60%', (s) => /Step: {10}3\/4/.test(s) && /SetWeight: {5}60/.test(s));
  const done = await waitScreen('Healthy on the new revision', (s) => s.includes('Status:          ✔ Healthy') && /Step: {10}4\/4/.test(s) && /nginx:1\.26 \(stable\)/.test(s));
  assert.match(done, /^├──# revision:2/m);
  assert.ok(seen.has('1/4') && seen.has('3/4') && seen.has('4/4'), `steps seen: ${[...seen].join(', ')}`);

  tmux(['send-keys', '-t', 'watch', 'C-c']);
  const deadline = Date.now() + 10_000;
  while (sessionAlive() && Date.now() < deadline) await sleep(100);
  assert.equal(sessionAlive(), false, 'Ctrl-C ends the watch (and with it the tmux session)');
});
