import os from 'node:os';
import type { ObjectReference } from 'kubernetes-types/core/v1.js';
import type { KubeObject } from '../cluster/store/object.ts';
import type { KubeClient } from './client.ts';
import { realClock, type Clock } from './clock.ts';
import { errText, silentLogger, type KubeLogger } from './log.ts';
import { events } from './resources.ts';
import { isNotFound } from './rest-errors.ts';
import { formatTime } from './time-format.ts';
import { TokenBucket } from './token-bucket.ts';

export type EventType = 'Normal' | 'Warning';

/** A core/v1 Event as this recorder writes it. */
export interface EventObject extends KubeObject {
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  type: EventType;
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  reportingComponent: string;
  reportingInstance: string;
}

export interface EventRecorderOptions {
  /** source.component and reportingComponent; Argo's is `rollouts-controller`. */
  component?: string;
  /** source.host and reportingInstance; default the hostname. */
  host?: string;
  /** Repeats of the same event within this window bump `count` instead of creating (default 10 min). */
  correlationWindowMs?: number;
  /** How many distinct events are remembered for correlation (default 4096). */
  maxTracked?: number;
  /** Per-object spam filter: burst, then one event per refill interval (client-go: 25, 5 min). */
  spamBurst?: number;
  spamRefillMs?: number;
  logger?: KubeLogger;
  clock?: Clock;
}

interface Tracked {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
  lastSeen: number;
}

type Involved = KubeObject | ObjectReference;

function referenceOf(obj: Involved): ObjectReference {
  const o = obj as Partial<KubeObject> & ObjectReference;
  const meta = o.metadata;
  const ref: ObjectReference = {};
  if (o.apiVersion) ref.apiVersion = o.apiVersion;
  if (o.kind) ref.kind = o.kind;
  const name = meta ? meta.name : o.name;
  const namespace = meta ? meta.namespace : o.namespace;
  const uid = meta ? meta.uid : o.uid;
  const resourceVersion = meta ? meta.resourceVersion : o.resourceVersion;
  if (name) ref.name = name;
  if (namespace) ref.namespace = namespace;
  if (uid) ref.uid = uid;
  if (resourceVersion) ref.resourceVersion = resourceVersion;
  return ref;
}

/** Map used as an LRU: touching re-inserts; the oldest entries are evicted past `max`. */
function touch<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}

/**
 * Records Kubernetes Events the way client-go's recorder does for the legacy core/v1 API: one Event
 * per distinct (object, type, reason, message), whose `count` and `lastTimestamp` are patched when it
 * repeats within the correlation window, a per-object spam filter, and writes in the background —
 * `event()` never throws or blocks; failures are logged and the event dropped.
 */
export class EventRecorder {
  private readonly component: string;
  private readonly host: string;
  private readonly windowMs: number;
  private readonly maxTracked: number;
  private readonly spamBurst: number;
  private readonly spamRefillMs: number;
  private readonly log: KubeLogger;
  private readonly clock: Clock;
  private readonly tracked = new Map<string, Tracked>();
  private readonly spam = new Map<string, TokenBucket>();
  /** Per correlation key, the tail of its write chain, so repeats are applied in order. */
  private readonly chains = new Map<string, Promise<void>>();
  private seq = 0;
  readonly stats = { created: 0, patched: 0, dropped: 0, filtered: 0 };

  constructor(
    private readonly client: KubeClient,
    opts: EventRecorderOptions = {},
  ) {
    this.component = opts.component ?? 'rollouts-controller';
    this.host = opts.host ?? os.hostname();
    this.windowMs = opts.correlationWindowMs ?? 10 * 60_000;
    this.maxTracked = opts.maxTracked ?? 4096;
    this.spamBurst = opts.spamBurst ?? 25;
    this.spamRefillMs = opts.spamRefillMs ?? 5 * 60_000;
    this.log = opts.logger ?? silentLogger;
    this.clock = opts.clock ?? realClock;
  }

  /** Records an event about `obj`. Never throws; the write happens in the background. */
  event(obj: Involved, type: EventType, reason: string, message: string): void {
    try {
      const ref = referenceOf(obj);
      if (!ref.name) {
        this.stats.dropped++;
        this.log.warn({ reason }, 'event dropped: the involved object has no name');
        return;
      }
      this.log.debug({ kind: ref.kind, namespace: ref.namespace, name: ref.name, type, reason }, message);
      const objectKey = [ref.kind, ref.namespace, ref.name, ref.uid].join('|');
      if (!this.allow(objectKey)) {
        this.stats.filtered++;
        return;
      }
      const key = [objectKey, type, reason, message].join('|');
      const now = this.clock.now();
      const prev = this.chains.get(key) ?? Promise.resolve();
      const next = prev.then(() => this.write(key, ref, type, reason, message, now));
      this.chains.set(key, next);
      void next.finally(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
    } catch (err) {
      this.stats.dropped++;
      this.log.warn({ err: errText(err), reason }, 'event dropped');
    }
  }

  /** Waits for every pending write (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private allow(objectKey: string): boolean {
    let bucket = this.spam.get(objectKey);
    if (!bucket) bucket = new TokenBucket(1000 / this.spamRefillMs, this.spamBurst, this.clock);
    touch(this.spam, objectKey, bucket, this.maxTracked);
    return bucket.tryTake();
  }

  private async write(key: string, ref: ObjectReference, type: EventType, reason: string, message: string, now: number): Promise<void> {
    try {
      const seen = this.tracked.get(key);
      if (seen && now - seen.lastSeen <= this.windowMs) {
        try {
          const count = seen.count + 1;
          await this.client.patch(events, seen.namespace, seen.name, { count, lastTimestamp: formatTime(now) }, 'merge');
          touch(this.tracked, key, { ...seen, count, lastSeen: now }, this.maxTracked);
          this.stats.patched++;
          return;
        } catch (err) {
          if (!isNotFound(err)) throw err;
          // The event expired or was deleted: start a new one.
        }
      }
      const namespace = ref.namespace || 'default';
      const stamp = formatTime(now);
      const name = `${ref.name}.${(BigInt(Math.floor(now)) * 1_000_000n + BigInt(this.seq++ % 1_000_000)).toString(16)}`;
      const event: EventObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: ref,
        reason,
        message,
        type,
        source: { component: this.component, host: this.host },
        firstTimestamp: stamp,
        lastTimestamp: stamp,
        count: 1,
        reportingComponent: this.component,
        reportingInstance: this.host,
      };
      await this.client.create<EventObject>(events, namespace, event);
      touch(this.tracked, key, { name, namespace, count: 1, firstTimestamp: stamp, lastSeen: now }, this.maxTracked);
      this.stats.created++;
    } catch (err) {
      this.stats.dropped++;
      this.log.warn({ err: errText(err), reason, involved: `${ref.kind ?? ''}/${ref.namespace ?? ''}/${ref.name ?? ''}` }, 'failed to record event; dropped');
    }
  }
}
