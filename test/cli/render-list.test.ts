/** Snapshots of `list rollouts` / `list experiments`, and the status lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Experiment } from '../../src/api/types/experiment.ts';
import { renderExperimentList } from '../../src/cli/render/experiment-list.ts';
import { renderRolloutList, rolloutListColumns, rolloutListLine } from '../../src/cli/render/rollout-list.ts';
import { statusLine, statusOnce } from '../../src/cli/render/status-line.ts';
import { rolloutInfo } from '../../src/cli/info/rollout-info.ts';
import * as f from './fixtures.ts';
import { matchSnapshot } from './snapshot.ts';

const rollouts = () => [f.canaryPaused(), f.blueGreen(), f.degraded(), f.manuallyPaused(), f.canaryProgressing(), f.withAnalysis()].map((o) => o.rollout);

test('list rollouts', () => {
  matchSnapshot('list-rollouts', renderRolloutList(rollouts(), { allNamespaces: false }));
});

test('list rollouts -A --timestamps', () => {
  matchSnapshot('list-rollouts-all-namespaces-timestamps', renderRolloutList(rollouts(), { allNamespaces: true, timestamp: f.NOW + 999 }));
});

test('list rollouts: Argo padding and columns', () => {
  const [header, first] = renderRolloutList([f.canaryPaused().rollout], { allNamespaces: false }).split('\n');
  assert.equal(header, 'NAME        STRATEGY   STATUS        STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE');
  assert.equal(first, 'guestbook   Canary     Paused        1/4   25          5/5    4        1           5        ');
  const bg = rolloutListColumns(f.blueGreen().rollout);
  assert.equal(bg.step, '-');
  assert.equal(bg.setWeight, '-');
  assert.equal(rolloutListLine(bg, { allNamespaces: false }).split('\t')[1], 'BlueGreen');
});

const experiment = (name: string, phase: string, duration: string | undefined, availableAgo: number | undefined, createdAgo: number): Experiment => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Experiment',
  metadata: { name, namespace: 'demo', creationTimestamp: new Date(f.NOW - createdAgo).toISOString() },
  spec: { templates: [], ...(duration ? { duration } : {}) },
  status: { phase, ...(availableAgo !== undefined ? { availableAt: new Date(f.NOW - availableAgo).toISOString() } : {}) },
});

test('list experiments', () => {
  const exps = [
    experiment('guestbook-6f646bf7b7-1', 'Running', '10m', 4 * 60_000, 5 * 60_000),
    experiment('canary-vs-baseline', 'Successful', '1h', 3_600_000, 2 * 3_600_000),
    experiment('forever', 'Pending', undefined, undefined, 30_000),
    experiment('seconds', 'Running', '90', 30_000, 40_000),
  ];
  matchSnapshot('list-experiments', renderExperimentList(exps, { allNamespaces: false, now: f.NOW }));
  matchSnapshot('list-experiments-all-namespaces', renderExperimentList(exps, { allNamespaces: true, now: f.NOW }));
});

test('status lines: watch prints `Status - message`, once prints Healthy/Degraded alone', () => {
  const paused = rolloutInfo(f.canaryPaused());
  assert.equal(statusLine(paused), 'Paused - CanaryPauseStep');
  assert.equal(statusOnce(paused), 'Paused - CanaryPauseStep');
  const degraded = rolloutInfo(f.degraded());
  assert.equal(statusLine(degraded), 'Degraded - RolloutAborted: Rollout aborted update to revision 2');
  assert.equal(statusOnce(degraded), 'Degraded');
  assert.equal(statusLine({ status: 'Healthy', message: '' }), 'Healthy');
});
