import type { KubeObject } from './object.ts';
import { WriteAheadLog, type RecoveredState } from './wal.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change; `prev` is the object before the change (for selector transitions). */
export interface StoreEvent {
  rv: number;
  type: WatchEventType;
  table: string;
  namespace: string;
  obj: KubeObject;
  prev?: KubeObject;
}

export interface WatchSubscription {
  table: string;
  /** Only events of this namespace ('' = all). */
  namespace: string;
  deliver(event: StoreEvent): void;
}

export class ResourceVersionTooOld extends Error {}

/**
 * Versioned object storage with watch fan-out. Tables are `group/resource`; objects are keyed by
 * namespace and name. Stored objects are never mutated: every write stores a new object, so readers
 * can serialize them without copying. One resourceVersion counter spans all tables, like etcd's revision.
 */
export class Store {
  private readonly tables = new Map<string, Map<string, Map<string, KubeObject>>>();
  private readonly watchers = new Map<string, Set<WatchSubscription>>();
  private readonly history: StoreEvent[] = [];
  private historyStart = 0;
  private rv: number;
  /** The oldest resourceVersion a watch may start from; older ones get 410 Gone. */
  private oldestWatchableRv: number;

  constructor(
    private readonly wal?: WriteAheadLog,
    recovered?: RecoveredState,
    private readonly historyLimit = 100_000,
  ) {
    this.rv = recovered?.rv ?? 0;
    this.oldestWatchableRv = this.rv;
    if (recovered) {
      for (const [table, entries] of recovered.objects) {
        for (const obj of entries.values()) this.tableNs(table, obj.metadata.namespace ?? '', true).set(obj.metadata.name ?? '', obj);
      }
    }
  }

  static persistent(dataDir: string): Store {
    const { wal, state } = WriteAheadLog.open(dataDir);
    return new Store(wal, state);
  }

  get resourceVersion(): number {
    return this.rv;
  }

  get(table: string, namespace: string, name: string): KubeObject | undefined {
    return this.tables.get(table)?.get(namespace)?.get(name);
  }

  /** Objects of a table, in one namespace or all ('' for all), sorted by namespace then name. */
  list(table: string, namespace: string): KubeObject[] {
    const byNs = this.tables.get(table);
    if (!byNs) return [];
    const out: KubeObject[] = [];
    const namespaces = namespace ? [namespace] : [...byNs.keys()].sort();
    for (const ns of namespaces) {
      const entries = byNs.get(ns);
      if (!entries) continue;
      const names = [...entries.keys()].sort();
      for (const n of names) out.push(entries.get(n)!);
    }
    return out;
  }

  count(table: string): number {
    let n = 0;
    for (const entries of this.tables.get(table)?.values() ?? []) n += entries.size;
    return n;
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** Stores a new object; the caller has checked it does not exist. Returns it with its resourceVersion. */
  create(table: string, obj: KubeObject): KubeObject {
    return this.commit('ADDED', table, obj, undefined);
  }

  update(table: string, obj: KubeObject, prev: KubeObject): KubeObject {
    return this.commit('MODIFIED', table, obj, prev);
  }

  delete(table: string, prev: KubeObject): KubeObject {
    return this.commit('DELETED', table, prev, prev);
  }

  /**
   * Subscribes to a table's events after `fromRv`; past events still in history are replayed first.
   * Throws ResourceVersionTooOld when history no longer reaches back that far.
   */
  watch(sub: WatchSubscription, fromRv: number): () => void {
    if (fromRv < this.oldestWatchableRv) throw new ResourceVersionTooOld(`too old resource version: ${fromRv} (${this.oldestWatchableRv + 1})`);
    for (let i = this.historyStart; i < this.history.length; i++) {
      const ev = this.history[i]!;
      if (ev.rv > fromRv && ev.table === sub.table && (!sub.namespace || ev.namespace === sub.namespace)) sub.deliver(ev);
    }
    let set = this.watchers.get(sub.table);
    if (!set) this.watchers.set(sub.table, (set = new Set()));
    set.add(sub);
    return () => set.delete(sub);
  }

  watcherCount(): number {
    let n = 0;
    for (const s of this.watchers.values()) n += s.size;
    return n;
  }

  close(): void {
    this.wal?.close();
  }

  private commit(type: WatchEventType, table: string, obj: KubeObject, prev: KubeObject | undefined): KubeObject {
    const rv = ++this.rv;
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const stored: KubeObject = type === 'DELETED' ? obj : { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
    const entries = this.tableNs(table, namespace, true);
    if (type === 'DELETED') entries.delete(name);
    else entries.set(name, stored);
    if (this.wal) {
      this.wal.append({ rv, table, key: `${namespace}/${name}`, obj: type === 'DELETED' ? undefined : stored });
      if (this.wal.needsCompaction()) this.wal.compact(this.snapshot());
    }
    // A deleted object is reported with the deletion's resourceVersion, as the Kubernetes API does.
    const eventObj = type === 'DELETED' ? { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } } : stored;
    const event: StoreEvent = { rv, type, table, namespace, obj: eventObj, prev };
    this.remember(event);
    const subs = this.watchers.get(table);
    if (subs) {
      for (const sub of subs) if (!sub.namespace || sub.namespace === namespace) sub.deliver(event);
    }
    return stored;
  }

  private remember(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length - this.historyStart > this.historyLimit) {
      this.oldestWatchableRv = this.history[this.historyStart]!.rv;
      this.historyStart++;
      if (this.historyStart > this.historyLimit) {
        this.history.splice(0, this.historyStart);
        this.historyStart = 0;
      }
    }
  }

  private tableNs(table: string, namespace: string, create: true): Map<string, KubeObject> {
    let byNs = this.tables.get(table);
    if (!byNs) this.tables.set(table, (byNs = new Map()));
    let entries = byNs.get(namespace);
    if (!entries && create) byNs.set(namespace, (entries = new Map()));
    return entries!;
  }

  private snapshot(): RecoveredState {
    const objects = new Map<string, Map<string, KubeObject>>();
    for (const [table, byNs] of this.tables) {
      const flat = new Map<string, KubeObject>();
      for (const [ns, entries] of byNs) for (const [name, obj] of entries) flat.set(`${ns}/${name}`, obj);
      objects.set(table, flat);
    }
    return { rv: this.rv, objects };
  }
}
