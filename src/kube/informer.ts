import type { KubeObject } from '../cluster/store/object.ts';
import { ExponentialBackoff, type BackoffOptions } from './backoff.ts';
import { Indexer, keyOf, type IndexFunc } from './cache.ts';
import type { KubeClient } from './client.ts';
import { fillTypeMeta } from './client.ts';
import { realClock, sleep, type Clock, type TimerHandle } from './clock.ts';
import { errText, silentLogger, type KubeLogger } from './log.ts';
import { refName, type ResourceRef } from './resources.ts';
import { errorFromStatus, isGone } from './rest-errors.ts';
import type { WatchEvent } from './watch-stream.ts';

export interface ResourceEventHandler<T extends KubeObject> {
  /** `isInInitialList`: the object came with the first list, not a later change. */
  onAdd?(obj: T, isInInitialList: boolean): void;
  onUpdate?(oldObj: T, newObj: T): void;
  /** The last known state of the deleted object. */
  onDelete?(obj: T): void;
}

export interface HandlerRegistration {
  remove(): void;
}

export interface InformerOptions<T extends KubeObject> {
  /** Namespace to watch; all namespaces when absent. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  indexers?: Record<string, IndexFunc<T>>;
  /** Re-deliver onUpdate(obj, obj) for every cached object this often; 0 = never (default). */
  resyncMs?: number;
  /** Reconnect when no event or bookmark arrives for this long (default 5 min). */
  watchdogMs?: number;
  /** Server-side watch timeout; default a random 5–10 minutes per watch, as client-go does. */
  watchTimeoutSeconds?: number;
  /** List page size (default 500). */
  pageSize?: number;
  /** Reconnect backoff (default 1 s → 30 s, jittered). */
  backoff?: BackoffOptions;
  /** Applied to every object before it is cached (e.g. drop managedFields). */
  transform?: (obj: T) => T;
  logger?: KubeLogger;
  clock?: Clock;
}

/** A watch that ends this quickly with no event counts as a failure (backoff before the next). */
const MIN_HEALTHY_WATCH_MS = 1000;

class WatchdogExpired extends Error {}

/**
 * A shared informer (client-go's reflector + indexer + handler fan-out): lists, then watches from the
 * list's resourceVersion with bookmarks, resumes from the last seen resourceVersion after a dropped
 * watch, relists on 410 Gone (emitting deletes for objects that vanished meanwhile), reconnects with
 * jittered exponential backoff, and restarts watches that go silent for longer than the watchdog.
 * Handlers run synchronously after the cache is updated; an exception in one is logged and dropped.
 */
export class SharedInformer<T extends KubeObject = KubeObject> {
  readonly cache: Indexer<T>;
  private readonly handlers = new Set<ResourceEventHandler<T>>();
  private readonly backoff: ExponentialBackoff;
  private readonly log: KubeLogger;
  private readonly clock: Clock;
  private rv: string | undefined;
  private synced = false;
  private syncWaiters: Array<(ok: boolean) => void> = [];
  private running: Promise<void> | undefined;
  private stopper = new AbortController();
  private stopped = false;
  private resyncTimer: TimerHandle | undefined;
  private lastWasGone = false;
  /** Counters for tests and diagnostics. */
  readonly stats = { lists: 0, watches: 0, relistsAfterGone: 0, watchdogRestarts: 0, failures: 0 };

  constructor(
    private readonly client: KubeClient,
    readonly ref: ResourceRef,
    private readonly opts: InformerOptions<T> = {},
  ) {
    this.cache = new Indexer<T>(opts.indexers ?? {});
    this.backoff = new ExponentialBackoff({ initialMs: 1000, maxMs: 30_000, jitter: 0.2, ...opts.backoff });
    this.clock = opts.clock ?? realClock;
    this.log = opts.logger ?? silentLogger;
  }

  get namespace(): string | undefined {
    return this.opts.namespace;
  }

  /** The resourceVersion the next watch resumes from (undefined before the first list / after a 410). */
  get lastSyncResourceVersion(): string | undefined {
    return this.rv;
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves true once the first list is in the cache; false if stopped or `signal` aborts first. */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    if (this.stopped || signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(ok);
      };
      const onAbort = (): void => {
        this.syncWaiters = this.syncWaiters.filter((w) => w !== done);
        resolve(false);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.syncWaiters.push(done);
    });
  }

  /**
   * Registers handlers. If the cache already holds objects, onAdd is replayed for each of them first
   * (isInInitialList = true), so a late registration sees the same picture as an early one.
   */
  addEventHandler(handler: ResourceEventHandler<T>): HandlerRegistration {
    this.handlers.add(handler);
    if (handler.onAdd) {
      for (const obj of this.cache.list()) this.call(() => handler.onAdd?.(obj, true));
    }
    return { remove: () => void this.handlers.delete(handler) };
  }

  /** Adds cache indexes; names shared between controllers must mean the same function. */
  addIndexers(indexers: Record<string, IndexFunc<T>>): void {
    this.cache.addIndexers(indexers);
  }

  get isRunning(): boolean {
    return this.running !== undefined && !this.stopped;
  }

  /** Starts list-and-watch in the background; idempotent. */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = this.run();
    const resync = this.opts.resyncMs ?? 0;
    if (resync > 0) this.scheduleResync(resync);
  }

  /** Stops the watch and waits for the loop to end. The cache keeps its content. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopper.abort();
    if (this.resyncTimer !== undefined) this.clock.clearTimeout(this.resyncTimer);
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    for (const w of waiters) w(false);
    await this.running;
  }

  // ---- reflector ---------------------------------------------------------------------------

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.rv === undefined) await this.relist();
        if (this.stopped) break;
        await this.watchOnce();
      } catch (err) {
        if (this.stopped) break;
        if (isGone(err) && !this.lastWasGone) {
          this.lastWasGone = true;
          this.stats.relistsAfterGone++;
          this.log.info({ resource: refName(this.ref), rv: this.rv }, 'watch expired (410), relisting');
          this.rv = undefined;
          continue;
        }
        if (isGone(err)) this.rv = undefined;
        this.stats.failures++;
        const delay = this.backoff.nextDelayMs();
        this.log.warn({ resource: refName(this.ref), err: errText(err), retryInMs: Math.round(delay) }, 'list/watch failed');
        await sleep(delay, this.stopper.signal, this.clock);
      }
    }
  }

  private async relist(): Promise<void> {
    this.stats.lists++;
    const list = await this.client.listAll<T>(this.ref, this.opts.namespace, {
      labelSelector: this.opts.labelSelector,
      fieldSelector: this.opts.fieldSelector,
      limit: this.opts.pageSize ?? 500,
      signal: this.stopper.signal,
    });
    if (this.stopped) return;
    const items = list.items.map((o) => this.prepare(o));
    const previous = new Map<string, T>();
    for (const obj of this.cache.list()) previous.set(keyOf(obj), obj);
    this.cache.replace(items);
    const initial = !this.synced;
    for (const obj of items) {
      const key = keyOf(obj);
      const old = previous.get(key);
      previous.delete(key);
      if (!old) this.emit((h) => h.onAdd?.(obj, initial));
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.emit((h) => h.onUpdate?.(old, obj));
    }
    for (const gone of previous.values()) this.emit((h) => h.onDelete?.(gone));
    this.rv = list.metadata.resourceVersion || undefined;
    if (!this.synced) {
      this.synced = true;
      const waiters = this.syncWaiters;
      this.syncWaiters = [];
      for (const w of waiters) w(true);
    }
  }

  private async watchOnce(): Promise<void> {
    this.stats.watches++;
    const ac = new AbortController();
    const onStop = (): void => ac.abort();
    this.stopper.signal.addEventListener('abort', onStop, { once: true });
    const watchdogMs = this.opts.watchdogMs ?? 5 * 60_000;
    let watchdog: TimerHandle | undefined;
    let expired = false;
    const arm = (): void => {
      if (watchdog !== undefined) this.clock.clearTimeout(watchdog);
      watchdog = this.clock.setTimeout(() => {
        expired = true;
        ac.abort(new WatchdogExpired());
      }, watchdogMs);
    };
    const started = this.clock.now();
    let events = 0;
    arm();
    try {
      await this.client.watch<T>(
        this.ref,
        this.opts.namespace,
        {
          resourceVersion: this.rv,
          allowWatchBookmarks: true,
          labelSelector: this.opts.labelSelector,
          fieldSelector: this.opts.fieldSelector,
          timeoutSeconds: this.opts.watchTimeoutSeconds ?? Math.floor(300 + Math.random() * 300),
        },
        (event) => {
          arm();
          events++;
          if (events === 1) {
            this.backoff.reset();
            this.lastWasGone = false;
          }
          this.handle(event);
        },
        ac.signal,
      );
    } finally {
      if (watchdog !== undefined) this.clock.clearTimeout(watchdog);
      this.stopper.signal.removeEventListener('abort', onStop);
      if (this.clock.now() - started >= MIN_HEALTHY_WATCH_MS) this.lastWasGone = false;
    }
    if (this.stopped) return;
    if (expired) {
      this.stats.watchdogRestarts++;
      this.log.info({ resource: refName(this.ref), silentMs: watchdogMs }, 'watch silent for too long, reconnecting');
      return;
    }
    if (events === 0 && this.clock.now() - started < MIN_HEALTHY_WATCH_MS) {
      // The server closed a fresh watch at once: do not hammer it.
      this.stats.failures++;
      await sleep(this.backoff.nextDelayMs(), this.stopper.signal, this.clock);
    }
  }

  private handle(event: WatchEvent<T>): void {
    if (event.type === 'ERROR') throw errorFromStatus(event.object);
    const obj = event.object;
    const rv = obj.metadata?.resourceVersion;
    if (event.type === 'BOOKMARK') {
      if (rv) this.rv = rv;
      return;
    }
    const prepared = this.prepare(obj);
    if (event.type === 'DELETED') {
      this.cache.delete(prepared);
      this.emit((h) => h.onDelete?.(prepared));
    } else {
      const old = this.cache.upsert(prepared);
      if (old) this.emit((h) => h.onUpdate?.(old, prepared));
      else this.emit((h) => h.onAdd?.(prepared, false));
    }
    if (rv) this.rv = rv;
  }

  private prepare(obj: T): T {
    fillTypeMeta(this.ref, [obj]);
    return this.opts.transform ? this.opts.transform(obj) : obj;
  }

  private emit(fn: (h: ResourceEventHandler<T>) => void): void {
    for (const h of [...this.handlers]) this.call(() => fn(h));
  }

  private call(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.log.error({ resource: refName(this.ref), err: errText(err) }, 'informer event handler failed');
    }
  }

  private scheduleResync(ms: number): void {
    this.resyncTimer = this.clock.setTimeout(() => {
      if (this.stopped) return;
      if (this.synced) for (const obj of this.cache.list()) this.emit((h) => h.onUpdate?.(obj, obj));
      this.scheduleResync(ms);
    }, ms);
  }
}
