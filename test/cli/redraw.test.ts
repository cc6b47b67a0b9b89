/** The watch loop redraws at most 5 times a second however fast changes come, and at least once a second. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { startRedraw } from '../../src/cli/view/redraw.ts';

class Frames extends Writable {
  writes = 0;
  override _write(_chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.writes++;
    cb();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a storm of changes is drawn at ≤ 5 frames/s', async () => {
  const out = new Frames();
  let n = 0;
  const redraw = startRedraw(out, () => `frame ${n++}\n`);
  const storm = setInterval(() => redraw.changed(), 5);
  await sleep(2000);
  clearInterval(storm);
  redraw.stop();
  assert.ok(n >= 8 && n <= 11, `${n} frames in 2s`);
});

test('without changes, the clock still ticks the frame once a second (ages move)', async () => {
  const out = new Frames();
  let n = 0;
  const redraw = startRedraw(out, () => `frame ${n++}\n`);
  await sleep(2300);
  redraw.stop();
  assert.ok(n >= 2 && n <= 4, `${n} frames in 2.3s`);
});

test('no frame while there is nothing to show', async () => {
  const out = new Frames();
  const redraw = startRedraw(out, () => undefined);
  redraw.changed();
  await sleep(300);
  redraw.stop();
  assert.equal(out.writes <= 1, true);
});
