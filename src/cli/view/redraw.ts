/**
 * The watch-mode refresh loop of `get … --watch`: redraws on changes, at most once per 200 ms
 * (≤ 5/s), and at least once a second so that ages keep moving. Drawing goes through log-update,
 * which rewrites only the lines that changed.
 */
import { createLogUpdate } from 'log-update';

export const MIN_REDRAW_INTERVAL_MS = 200;
const TICK_MS = 1000;

export interface Redrawer {
  /** Something changed: redraw now or as soon as the rate limit allows. */
  changed(): void;
  stop(): void;
}

export function startRedraw(stream: NodeJS.WritableStream, frame: () => string | undefined, now: () => number = Date.now): Redrawer {
  // Not a terminal (piped): no width or height to fit the frame into.
  const log = createLogUpdate(stream as NodeJS.WriteStream, { showCursor: true, defaultWidth: 100_000, defaultHeight: 100_000 });
  let last = Number.NEGATIVE_INFINITY;
  let pending: NodeJS.Timeout | undefined;
  let stopped = false;
  const draw = (): void => {
    pending = undefined;
    if (stopped) return;
    const text = frame();
    if (text === undefined) return;
    last = now();
    log(text.replace(/\n$/, ''));
  };
  const changed = (): void => {
    if (stopped || pending) return;
    const wait = last + MIN_REDRAW_INTERVAL_MS - now();
    if (wait <= 0) draw();
    else pending = setTimeout(draw, wait);
  };
  const ticker = setInterval(changed, TICK_MS);
  changed();
  return {
    changed,
    stop() {
      stopped = true;
      clearInterval(ticker);
      if (pending) clearTimeout(pending);
      log.done();
    },
  };
}
