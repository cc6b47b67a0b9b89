/**
 * Properties of the decide loop over random sequences of updates, promotes, aborts, retries,
 * scale changes and controller crashes in the middle of acting (issue 4's invariants):
 * - basic canary: once the stable version was healthy, available pods never drop below
 *   replicas − maxUnavailable during an update, and total pods never exceed replicas + maxSurge;
 * - Service selectors only ever point at hashes of existing ReplicaSets;
 * - after a full promotion every pod runs the new hash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CanaryStep } from '../../../src/api/types/canary-steps.ts';
import type { IntOrString } from '../../../src/api/intstr.ts';
import { resolveFenceposts } from '../../../src/rollout/fenceposts.ts';
import { World } from './world.ts';

type Action =
  | { kind: 'update'; image: number }
  | { kind: 'promote' }
  | { kind: 'promoteFull' }
  | { kind: 'abort' }
  | { kind: 'retry' }
  | { kind: 'scale'; replicas: number }
  | { kind: 'wait'; ticks: number }
  | { kind: 'crash'; writes: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), image: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: 'promote' as const }),
  fc.constant({ kind: 'promoteFull' as const }),
  fc.constant({ kind: 'abort' as const }),
  fc.constant({ kind: 'retry' as const }),
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('wait' as const), ticks: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('crash' as const), writes: fc.integer({ min: 0, max: 3 }) }),
);

const step: fc.Arbitrary<CanaryStep> = fc.oneof(
  fc.record({ setWeight: fc.integer({ min: 0, max: 100 }) }),
  fc.constant({ pause: {} }),
  fc.constant({ pause: { duration: '2s' } }),
);

const fencepost: fc.Arbitrary<[IntOrString, IntOrString]> = fc
  .tuple(fc.constantFrom<IntOrString>(0, 1, 2, '25%', '50%', '25'), fc.constantFrom<IntOrString>(0, 1, '25%', '50%', '25'))
  .filter(([s, u]) => !(s === 0 && u === 0));

function selectorsPointAtExistingRS(w: World): void {
  for (const svc of w.services.values()) {
    const hash = svc.spec?.selector?.['rollouts-pod-template-hash'];
    if (hash === undefined) continue;
    assert.ok(w.rsByHash(hash), `service ${svc.metadata?.name} selects ${hash}, which has no ReplicaSet (${w.describe()})`);
  }
}

function applyAction(w: World, a: Action, check: () => void): void {
  switch (a.kind) {
    case 'update':
      w.setImage(`app:${a.image}`);
      break;
    case 'promote':
      w.promote();
      break;
    case 'promoteFull':
      w.promoteFull();
      break;
    case 'abort':
      w.abort();
      break;
    case 'retry':
      w.retry();
      break;
    case 'scale':
      w.scale(a.replicas);
      break;
    case 'crash':
      w.tick++;
      w.now += w.tickMs;
      w.reconcile(a.writes);
      check();
      return;
    case 'wait':
      for (let i = 0; i < a.ticks; i++) {
        w.step();
        check();
      }
      return;
  }
  w.step();
  check();
}

/** Promote fully (after a retry if aborted) and wait: every pod ends on the current hash. */
function finishAndCheckFinalState(w: World): void {
  if (w.rollout.status?.abort) w.retry();
  w.step();
  w.promoteFull();
  w.until((x) => x.healthy() && Object.keys(x.podsByHash()).length === 1, 200);
  const hash = w.rollout.status!.currentPodHash!;
  assert.deepEqual(w.podsByHash(), { [hash]: w.rollout.spec.replicas });
  assert.equal(w.rollout.status?.stableRS, hash);
}

test('property: basic canary keeps availability and surge bounds; selectors are valid; promote ends on the new hash', () => {
  fc.assert(
    fc.property(
      fc.array(step, { minLength: 0, maxLength: 4 }),
      fencepost,
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      fc.array(action, { minLength: 1, maxLength: 14 }),
      (steps, [maxSurge, maxUnavailable], replicas, readyAfterTicks, actions) => {
        const w = new World({
          replicas,
          readyAfterTicks,
          services: ['stable', 'canary'],
          canary: { steps, maxSurge, maxUnavailable, stableService: 'stable', canaryService: 'canary' },
        });
        w.until((x) => x.healthy(), 100);
        let guarded = true; // stable healthy and no scale change since
        const check = (): void => {
          selectorsPointAtExistingRS(w);
          const r = w.rollout.spec.replicas ?? 1;
          const rss = w.allReplicaSets();
          const total = rss.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
          const available = rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
          if (w.healthy() && total === r && available === r) guarded = true;
          if (!guarded) return;
          const f = resolveFenceposts(maxSurge, maxUnavailable, r);
          assert.ok(total <= r + f.maxSurge, `total ${total} > ${r} + ${f.maxSurge}: ${w.describe()}`);
          assert.ok(available >= r - Math.min(f.maxUnavailable, r), `available ${available} < ${r} - ${f.maxUnavailable}: ${w.describe()}`);
        };
        for (const a of actions) {
          if (a.kind === 'scale') guarded = false;
          applyAction(w, a, check);
        }
        finishAndCheckFinalState(w);
      },
    ),
    { numRuns: 120 },
  );
});

test('property: blue-green selectors are valid and promote ends on the new hash', () => {
  fc.assert(
    fc.property(
      fc.record({
        autoPromotionEnabled: fc.boolean(),
        previewReplicaCount: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        scaleDownDelaySeconds: fc.constantFrom(0, 3, 30),
        abortScaleDownDelaySeconds: fc.constantFrom(0, 2, 30),
      }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(action, { minLength: 1, maxLength: 12 }),
      (strategy, replicas, actions) => {
        const w = new World({ replicas, services: ['active', 'preview'], blueGreen: { activeService: 'active', previewService: 'preview', ...strategy } });
        w.until((x) => x.healthy(), 100);
        const check = (): void => {
          selectorsPointAtExistingRS(w);
          const active = w.services.get('active')?.spec?.selector?.['rollouts-pod-template-hash'];
          assert.ok(active, 'the active service keeps a selector');
        };
        for (const a of actions) applyAction(w, a, check);
        finishAndCheckFinalState(w);
      },
    ),
    { numRuns: 80 },
  );
});
