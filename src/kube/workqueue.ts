import { realClock, type Clock, type TimerHandle } from './clock.ts';
import { MinHeap } from './min-heap.ts';
import { defaultArgoRolloutsRateLimiter, type RateLimiter } from './rate-limiters.ts';

export type QueueKey = string | number | object;

export interface WorkQueueOptions<K> {
  /** Default: Argo's per-item exponential limiter (1 ms → 10 s). */
  rateLimiter?: RateLimiter<K>;
  clock?: Clock;
  name?: string;
}

interface Waiting<K> {
  key: K;
  at: number;
  seq: number;
}

/**
 * client-go's rate-limited delaying workqueue.
 * - A key is queued at most once (`dirty`), and never handed to two workers at once: a key added while
 *   it is being processed waits in `dirty` and is re-queued when `done` is called.
 * - `addAfter` keeps the earliest requested time per key in one timer heap served by a single timer.
 * - `shutDown` stops accepting keys; `get` keeps returning the keys already queued, then `undefined`.
 */
export class WorkQueue<K extends QueueKey = string> {
  readonly name: string;
  private readonly queue: K[] = [];
  private head = 0;
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  private readonly getters: Array<(key: K | undefined) => void> = [];
  private shuttingDown = false;
  private readonly drainWaiters: Array<() => void> = [];

  private readonly rateLimiter: RateLimiter<K>;
  private readonly clock: Clock;
  private readonly heap = new MinHeap<Waiting<K>>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private readonly waiting = new Map<K, Waiting<K>>();
  private seq = 0;
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;

  constructor(opts: WorkQueueOptions<K> = {}) {
    this.rateLimiter = opts.rateLimiter ?? defaultArgoRolloutsRateLimiter<K>();
    this.clock = opts.clock ?? realClock;
    this.name = opts.name ?? '';
  }

  /** Marks `key` as needing processing. */
  add(key: K): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.dispatch();
  }

  /**
   * The next key to process, waiting if none is queued; `undefined` once shut down and drained.
   * The caller must call `done(key)` when finished with it.
   */
  get(): Promise<K | undefined> {
    const key = this.take();
    if (key !== undefined) return Promise.resolve(key);
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Ends processing of `key`; if it was added meanwhile, it is queued again. */
  done(key: K): void {
    if (!this.processing.delete(key)) return;
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.dispatch();
    }
    this.checkDrained();
  }

  /** Adds `key` after `delayMs` (at once when ≤ 0); an earlier pending time for the key wins. */
  addAfter(key: K, delayMs: number): void {
    if (this.shuttingDown) return;
    if (!(delayMs > 0)) return this.add(key);
    const at = this.clock.now() + delayMs;
    const existing = this.waiting.get(key);
    if (existing && existing.at <= at) return;
    const entry = { key, at, seq: this.seq++ };
    this.waiting.set(key, entry);
    this.heap.push(entry);
    this.armTimer();
  }

  /** Adds `key` after the rate limiter's delay for it (a retry after a failure). */
  addRateLimited(key: K): void {
    this.addAfter(key, this.rateLimiter.when(key));
  }

  /** Forgets `key`'s failures (after a success). */
  forget(key: K): void {
    this.rateLimiter.forget(key);
  }

  numRequeues(key: K): number {
    return this.rateLimiter.numRequeues(key);
  }

  /** Keys queued and not yet taken. */
  len(): number {
    return this.queue.length - this.head;
  }

  /** Keys waiting for an addAfter time. */
  waitingLen(): number {
    return this.waiting.size;
  }

  processingLen(): number {
    return this.processing.size;
  }

  isProcessing(key: K): boolean {
    return this.processing.has(key);
  }

  isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Stops accepting keys and drops delayed ones; idle `get` calls resolve `undefined`. */
  shutDown(): void {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.heap.clear();
    this.waiting.clear();
    this.dispatch();
    this.checkDrained();
  }

  /** Shuts down, then waits until every queued key was taken and every taken key is done. */
  shutDownWithDrain(): Promise<void> {
    this.shutDown();
    if (this.isDrained()) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  // ---- internals ---------------------------------------------------------------------------

  private take(): K | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head] as K;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.processing.add(key);
    this.dirty.delete(key);
    return key;
  }

  /** Hands queued keys to waiting getters; after shutdown, releases idle getters. */
  private dispatch(): void {
    while (this.getters.length > 0) {
      const key = this.take();
      if (key === undefined) break;
      (this.getters.shift() as (key: K | undefined) => void)(key);
    }
    if (this.shuttingDown && this.len() === 0) {
      for (const g of this.getters.splice(0)) g(undefined);
    }
  }

  private isDrained(): boolean {
    return this.len() === 0 && this.processing.size === 0;
  }

  private checkDrained(): void {
    if (this.shuttingDown && this.isDrained()) for (const w of this.drainWaiters.splice(0)) w();
  }

  private armTimer(): void {
    const next = this.heap.peek();
    if (!next) return;
    if (this.timer !== undefined && this.timerAt <= next.at) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timerAt = next.at;
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, next.at - this.clock.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    for (let top = this.heap.peek(); top && top.at <= now; top = this.heap.peek()) {
      this.heap.pop();
      if (this.waiting.get(top.key) !== top) continue; // superseded by an earlier time
      this.waiting.delete(top.key);
      this.add(top.key);
    }
    this.armTimer();
  }
}
