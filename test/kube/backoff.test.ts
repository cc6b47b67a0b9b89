import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExponentialBackoff } from '../../src/kube/backoff.ts';
import { TokenBucket } from '../../src/kube/token-bucket.ts';
import { MinHeap } from '../../src/kube/min-heap.ts';
import { FakeClock } from './fake-clock.ts';

test('backoff doubles from 1 s to 30 s and resets', () => {
  const b = new ExponentialBackoff({ random: () => 0 });
  const got = Array.from({ length: 8 }, () => b.nextDelayMs());
  assert.deepEqual(got, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  b.reset();
  assert.equal(b.nextDelayMs(), 1000);
});

test('property: jittered delays stay within [base·(1−jitter), base] and never exceed max', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (randoms, jitter) => {
      let i = 0;
      const b = new ExponentialBackoff({ jitter, random: () => randoms[i++ % randoms.length] as number });
      for (let n = 0; n < randoms.length; n++) {
        const base = b.peekBaseMs();
        const d = b.nextDelayMs();
        assert.ok(d <= base && d <= 30_000 && d >= base * (1 - jitter) - 1e-9, `${d} outside [${base * (1 - jitter)}, ${base}]`);
      }
    }),
  );
});

test('token bucket: burst immediately, then qps', async () => {
  const clock = new FakeClock();
  const tb = new TokenBucket(10, 3, clock);
  assert.equal(tb.reserve(), 0);
  assert.equal(tb.reserve(), 0);
  assert.equal(tb.reserve(), 0);
  assert.equal(tb.reserve(), 100, 'the 4th waits one token at 10 qps');
  assert.equal(tb.reserve(), 200, 'reservations queue up in order');
  clock.advance(1000);
  // 10 tokens refilled: −2 + 10 = 8, capped at burst 3.
  assert.equal(tb.tryTake(), true);
  assert.equal(tb.tryTake(), true);
  assert.equal(tb.tryTake(), true);
  assert.equal(tb.tryTake(), false);
});

test('token bucket: take waits on the clock and gives the token back when aborted', async () => {
  const clock = new FakeClock();
  const tb = new TokenBucket(1, 1, clock);
  assert.equal(await tb.take(), true);
  const ac = new AbortController();
  const waiting = tb.take(ac.signal);
  ac.abort();
  assert.equal(await waiting, false);
  clock.advance(1000);
  assert.equal(tb.tryTake(), true, 'the cancelled reservation was returned');
  let done = false;
  const next = tb.take().then((ok) => (done = ok));
  await clock.advanceAsync(999, 100);
  assert.equal(done, false);
  await clock.advanceAsync(1, 1);
  await next;
  assert.equal(done, true);
});

test('property: min-heap pops in sorted order', () => {
  fc.assert(
    fc.property(fc.array(fc.integer()), (xs) => {
      const h = new MinHeap<number>((a, b) => a < b);
      for (const x of xs) h.push(x);
      const out: number[] = [];
      for (let v = h.pop(); v !== undefined; v = h.pop()) out.push(v);
      assert.deepEqual(out, [...xs].sort((a, b) => a - b));
    }),
  );
});
