/** Snapshots of `get rollout` / `get experiment` for canary, blue-green, degraded, paused and analysis states. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExperiment } from '../../src/cli/render/experiment-view.ts';
import { renderRollout } from '../../src/cli/render/rollout-view.ts';
import { stripAnsi } from '../../src/cli/render/ansi.ts';
import * as f from './fixtures.ts';
import { matchSnapshot } from './snapshot.ts';

const STATES = {
  'canary-paused': f.canaryPaused,
  'canary-progressing': f.canaryProgressing,
  'bluegreen-paused': f.blueGreen,
  degraded: f.degraded,
  'manually-paused': f.manuallyPaused,
  analysis: f.withAnalysis,
} as const;

for (const [name, objects] of Object.entries(STATES)) {
  test(`tree view: ${name}`, () => {
    matchSnapshot(`tree-${name}`, renderRollout(objects(), { now: f.NOW, color: false }));
  });
  test(`tree view: ${name}, coloured`, () => {
    const coloured = renderRollout(objects(), { now: f.NOW, color: true });
    matchSnapshot(`tree-${name}.color`, coloured);
    // Colour codes never change the layout (Argo's tabwriter ignores them).
    assert.equal(stripAnsi(coloured), renderRollout(objects(), { now: f.NOW, color: false }));
  });
}

test('experiment view', () => {
  const o = f.withAnalysis();
  const experiment = o.experiments[0]!;
  for (const color of [false, true]) {
    const out = renderExperiment({ experiment, replicaSets: o.replicaSets, pods: o.pods, analysisRuns: o.analysisRuns }, { now: f.NOW, color });
    matchSnapshot(`experiment${color ? '.color' : ''}`, out);
  }
});

test('tree view details Argo users rely on', () => {
  const out = renderRollout(f.canaryPaused(), { now: f.NOW, color: false });
  const lines = out.split('\n');
  assert.equal(lines[0], 'Name:            guestbook');
  assert.equal(lines[2], 'Status:          ॥ Paused');
  assert.ok(lines.includes('  ActualWeight:  20'), 'basic canary: canary available / total available');
  assert.match(out, /^NAME {2,}KIND {2,}STATUS {2,}AGE {2}INFO$/m);
  assert.match(out, /^├──# revision:2 +$/m, 'revision rows keep their tab padding');
  assert.match(out, /^│ {2}└──⧉ guestbook-6f646bf7b7 +ReplicaSet {2}✔ Healthy {2}3m {3}canary$/m);
  assert.match(out, /ready:1\/1,restarts:2$/m);
  assert.match(renderRollout(f.degraded(), { now: f.NOW, color: false }), /• ScaledDown +3m +canary,delay:25s$/m);
});

test('colours: green stable/✔, yellow canary, red ✖, hi-blue ◌ and Running, ESC[0m around uncoloured words', () => {
  const out = renderRollout(f.withAnalysis(), { now: f.NOW, color: true });
  assert.ok(out.includes('\x1b[32mstable\x1b[0m'));
  assert.ok(out.includes('\x1b[33mcanary\x1b[0m'));
  assert.ok(out.includes('\x1b[31m✖\x1b[0m Failed'));
  assert.ok(out.includes('\x1b[94m◌\x1b[0m Running'));
  assert.ok(out.includes('\x1b[0m॥\x1b[0m Paused'), 'Argo wraps the paused icon in a reset sequence');
  assert.ok(out.includes('\x1b[33m?\x1b[0m 1'));
});
