import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkQueue } from '../../src/kube/workqueue.ts';
import { runWorkers } from '../../src/kube/workers.ts';
import { ItemExponentialFailureRateLimiter } from '../../src/kube/rate-limiters.ts';
import { FakeClock, flushMicrotasks } from './fake-clock.ts';

test('add de-duplicates queued keys and get returns them in FIFO order', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  q.add('b');
  q.add('a');
  assert.equal(q.len(), 2);
  assert.equal(await q.get(), 'a');
  assert.equal(await q.get(), 'b');
  assert.equal(q.len(), 0);
  q.shutDown();
});

test('a key re-added while processing is handed out again only after done', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  const key = await q.get();
  assert.equal(key, 'a');
  q.add('a');
  q.add('a');
  assert.equal(q.len(), 0, 'not queued while processing');
  let second: string | undefined;
  void q.get().then((k) => (second = k));
  await flushMicrotasks();
  assert.equal(second, undefined, 'no second worker gets the key');
  q.done('a');
  await flushMicrotasks();
  assert.equal(second, 'a', 'processed again after done');
  q.done('a');
  assert.equal(q.len(), 0);
  q.shutDown();
});

test('get waits for add; shutDown releases idle getters after the queue drains', async () => {
  const q = new WorkQueue<string>();
  const pending = q.get();
  q.add('x');
  assert.equal(await pending, 'x');
  q.add('y');
  q.shutDown();
  q.add('z');
  assert.equal(await q.get(), 'y', 'queued keys are still handed out after shutDown');
  assert.equal(await q.get(), undefined);
  const idle = q.get();
  assert.equal(await idle, undefined);
});

test('shutDownWithDrain waits for in-flight keys', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  const key = (await q.get()) as string;
  let drained = false;
  const drain = q.shutDownWithDrain().then(() => (drained = true));
  await flushMicrotasks();
  assert.equal(drained, false);
  q.done(key);
  await drain;
  assert.equal(drained, true);
});

test('addAfter uses one timer for many keys and keeps the earliest time per key', () => {
  const clock = new FakeClock();
  const q = new WorkQueue<string>({ clock });
  for (let i = 0; i < 100; i++) q.addAfter(`k${i}`, 1000 + i);
  assert.equal(clock.pending(), 1, 'a single timer for the whole heap');
  q.addAfter('k50', 10); // earlier wins
  q.addAfter('k1', 5000); // later loses
  assert.equal(clock.pending(), 1);
  clock.advance(10);
  assert.equal(q.len(), 1);
  clock.advance(989);
  assert.equal(q.len(), 1);
  clock.advance(1);
  assert.equal(q.len(), 2, 'k0 due at 1000');
  clock.advance(200);
  assert.equal(q.len(), 100, 'every key added exactly once');
  assert.equal(q.waitingLen(), 0);
  assert.equal(clock.pending(), 0);
  q.shutDown();
});

test('addAfter of a key already queued does not duplicate it', () => {
  const clock = new FakeClock();
  const q = new WorkQueue<string>({ clock });
  q.add('a');
  q.addAfter('a', 100);
  clock.advance(100);
  assert.equal(q.len(), 1);
  q.addAfter('b', 0);
  assert.equal(q.len(), 2, 'non-positive delay adds at once');
  q.shutDown();
  assert.equal(clock.pending(), 0, 'shutDown clears the timer');
});

test('addRateLimited backs off exponentially per key; forget resets it', async () => {
  const clock = new FakeClock();
  const q = new WorkQueue<string>({ clock, rateLimiter: new ItemExponentialFailureRateLimiter(1, 10_000) });
  const delays: number[] = [];
  for (let i = 0; i < 16; i++) {
    const before = clock.now();
    q.addRateLimited('a');
    for (let guard = 0; q.len() === 0 && guard < 20_000; guard++) clock.advance(1);
    delays.push(clock.now() - before);
    q.done((await q.get()) as string);
  }
  assert.deepEqual(delays.slice(0, 5), [1, 2, 4, 8, 16]);
  assert.equal(Math.max(...delays), 10_000);
  assert.equal(q.numRequeues('a'), 16);
  q.forget('a');
  assert.equal(q.numRequeues('a'), 0);
  q.shutDown();
});

test('DefaultArgoRolloutsRateLimiter: 1 ms doubling, capped at 10 s', () => {
  const rl = new ItemExponentialFailureRateLimiter<string>(1, 10_000);
  const got = Array.from({ length: 20 }, () => rl.when('k'));
  assert.deepEqual(got.slice(0, 4), [1, 2, 4, 8]);
  assert.equal(got[13], 8192);
  assert.equal(got[14], 10_000);
  assert.equal(got[19], 10_000);
  assert.equal(rl.when('other'), 1, 'per item');
});

test('runWorkers: success forgets, failure requeues rate-limited, requeueAfter schedules', async () => {
  const q = new WorkQueue<string>({ rateLimiter: new ItemExponentialFailureRateLimiter(1, 5) });
  const seen: string[] = [];
  let failures = 0;
  const workers = runWorkers(q, 3, async (key) => {
    seen.push(key);
    if (key === 'flaky' && failures < 3) {
      failures++;
      throw new Error('boom');
    }
    if (key === 'later' && seen.filter((k) => k === 'later').length === 1) return { requeueAfterMs: 5 };
    return undefined;
  });
  q.add('ok');
  q.add('flaky');
  q.add('later');
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline && !(seen.filter((k) => k === 'flaky').length === 4 && seen.filter((k) => k === 'later').length === 2)) {
    await new Promise((r) => setTimeout(r, 2));
  }
  assert.equal(seen.filter((k) => k === 'ok').length, 1);
  assert.equal(seen.filter((k) => k === 'flaky').length, 4);
  assert.equal(seen.filter((k) => k === 'later').length, 2);
  assert.equal(q.numRequeues('flaky'), 0, 'forgotten after the success');
  await q.shutDownWithDrain();
  await workers;
});

// ---- properties ------------------------------------------------------------------------------

type Op = { kind: 'add'; key: number } | { kind: 'addAfter'; key: number; ms: number } | { kind: 'get' } | { kind: 'done'; pick: number } | { kind: 'tick'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), key: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('addAfter' as const), key: fc.integer({ min: 0, max: 5 }), ms: fc.integer({ min: -5, max: 50 }) }),
  fc.record({ kind: fc.constant('get' as const) }),
  fc.record({ kind: fc.constant('done' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 60 }) }),
);

test('property: no key is processed twice at once, queue has no duplicates, every add is eventually processed', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { maxLength: 80 }), async (ops) => {
      const clock = new FakeClock();
      const q = new WorkQueue<number>({ clock });
      const inFlight = new Set<number>();
      /** Keys added (or due) since their last hand-out to a worker: each must be handed out again. */
      const owed = new Set<number>();
      const pendingAfter = new Map<number, number>();
      const handOut = (key: number | undefined): void => {
        if (key === undefined) return;
        assert.ok(!inFlight.has(key), `key ${key} handed to two workers`);
        inFlight.add(key);
        owed.delete(key);
      };
      const getters: Promise<void>[] = [];
      const fireDue = (): void => {
        for (const [k, at] of pendingAfter) if (at <= clock.now()) {
          owed.add(k);
          pendingAfter.delete(k);
        }
      };
      for (const op of ops) {
        switch (op.kind) {
          case 'add':
            q.add(op.key);
            owed.add(op.key);
            break;
          case 'addAfter':
            if (op.ms <= 0) {
              q.addAfter(op.key, op.ms);
              owed.add(op.key);
            } else {
              q.addAfter(op.key, op.ms);
              const at = clock.now() + op.ms;
              const prev = pendingAfter.get(op.key);
              if (prev === undefined || at < prev) pendingAfter.set(op.key, at);
            }
            break;
          case 'get':
            if (q.len() > 0) handOut(await q.get());
            break;
          case 'done': {
            const keys = [...inFlight];
            if (keys.length === 0) break;
            const key = keys[op.pick % keys.length] as number;
            inFlight.delete(key);
            q.done(key);
            break;
          }
          case 'tick':
            clock.advance(op.ms);
            fireDue();
            break;
        }
        // Dedupe: queued keys are distinct and none of them is in flight (6 possible keys).
        assert.ok(q.len() + inFlight.size <= 6, `queue ${q.len()} + in flight ${inFlight.size} > 6 keys`);
      }
      // Drain: finish everything, let all timers fire, then process until empty.
      clock.advance(1000);
      fireDue();
      for (const key of [...inFlight]) {
        inFlight.delete(key);
        q.done(key);
      }
      for (let guard = 0; q.len() > 0 && guard < 100; guard++) {
        const key = (await q.get()) as number;
        handOut(key);
        inFlight.delete(key);
        q.done(key);
      }
      assert.deepEqual([...owed], [], 'every added key was processed after its last add');
      assert.equal(q.len(), 0);
      q.shutDown();
      await Promise.all(getters);
    }),
    { numRuns: 300 },
  );
});

test('property: with concurrent async workers a key never runs twice at once and the last add is always processed', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 6 }),
      async (adds, workers) => {
        const q = new WorkQueue<number>();
        const running = new Set<number>();
        const lastAdd = new Map<number, number>();
        const lastStart = new Map<number, number>();
        let tick = 0;
        const done = runWorkers(q, workers, async (key) => {
          assert.ok(!running.has(key), `key ${key} processed concurrently`);
          running.add(key);
          lastStart.set(key, ++tick);
          await new Promise((r) => setImmediate(r));
          running.delete(key);
        });
        for (const [key, pause] of adds) {
          q.add(key);
          lastAdd.set(key, ++tick);
          for (let i = 0; i < pause; i++) await new Promise((r) => setImmediate(r));
        }
        await q.shutDownWithDrain();
        await done;
        for (const [key, addedAt] of lastAdd) {
          assert.ok((lastStart.get(key) ?? 0) > addedAt, `key ${key} processed after its last add`);
        }
      },
    ),
    { numRuns: 100 },
  );
});
