import { objectKey, type KubeObject } from '../cluster/store/object.ts';

/** Values an object is filed under in one index (e.g. its namespace, each `key=value` label). */
export type IndexFunc<T extends KubeObject> = (obj: T) => string[];

export const NAMESPACE_INDEX = 'namespace';
export const LABEL_INDEX = 'label';
export const OWNER_UID_INDEX = 'ownerUid';

export const namespaceIndexFunc: IndexFunc<KubeObject> = (obj) => [obj.metadata.namespace ?? ''];

/** Files an object under `key=value` for each of its labels. */
export const labelIndexFunc: IndexFunc<KubeObject> = (obj) =>
  Object.entries(obj.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`);

/** Files an object under the UID of each owner reference. */
export const ownerUidIndexFunc: IndexFunc<KubeObject> = (obj) => (obj.metadata.ownerReferences ?? []).map((o) => o.uid);

/** The cache key of an object: `namespace/name`, or `name` when cluster-scoped (client-go's MetaNamespaceKeyFunc). */
export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
}

/**
 * A thread-safe-by-construction (single-threaded) object store with secondary indexes, like
 * client-go's cache.Indexer. Objects are stored as given; treat them as read-only (copy before editing).
 */
export class Indexer<T extends KubeObject = KubeObject> {
  private readonly items = new Map<string, T>();
  private readonly indexers = new Map<string, IndexFunc<T>>();
  /** index name → indexed value → keys */
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor(indexers: Record<string, IndexFunc<T>> = {}) {
    this.addIndexers({ [NAMESPACE_INDEX]: namespaceIndexFunc, [LABEL_INDEX]: labelIndexFunc, ...indexers });
  }

  /** Adds indexes (existing objects are indexed too). Re-adding a name with another function throws. */
  addIndexers(indexers: Record<string, IndexFunc<T>>): void {
    for (const [name, fn] of Object.entries(indexers)) {
      const existing = this.indexers.get(name);
      if (existing === fn) continue;
      if (existing) throw new Error(`indexer "${name}" already exists`);
      this.indexers.set(name, fn);
      const index = new Map<string, Set<string>>();
      this.indices.set(name, index);
      for (const [key, obj] of this.items) this.fileUnder(index, fn, key, obj);
    }
  }

  hasIndexer(name: string): boolean {
    return this.indexers.has(name);
  }

  /** Adds or replaces an object; returns the previous one. */
  upsert(obj: T): T | undefined {
    const key = keyOf(obj);
    const old = this.items.get(key);
    if (old) this.unindex(key, old);
    this.items.set(key, obj);
    for (const [name, fn] of this.indexers) this.fileUnder(this.indices.get(name) as Map<string, Set<string>>, fn, key, obj);
    return old;
  }

  /** Removes the object with this key; returns it. */
  deleteKey(key: string): T | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.unindex(key, old);
    this.items.delete(key);
    return old;
  }

  delete(obj: KubeObject): T | undefined {
    return this.deleteKey(keyOf(obj));
  }

  /** Replaces the whole content (after a relist). */
  replace(objs: T[]): void {
    this.items.clear();
    for (const index of this.indices.values()) index.clear();
    for (const obj of objs) this.upsert(obj);
  }

  getByKey(key: string): T | undefined {
    return this.items.get(key);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.items.get(objectKey(namespace, name));
  }

  /** All objects, or those of one namespace. */
  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.items.values()];
    return this.byIndex(NAMESPACE_INDEX, namespace);
  }

  listKeys(): string[] {
    return [...this.items.keys()];
  }

  get size(): number {
    return this.items.size;
  }

  /** Objects filed under `value` in index `name`. */
  byIndex(name: string, value: string): T[] {
    const index = this.indices.get(name);
    if (!index) throw new Error(`index "${name}" does not exist`);
    const keys = index.get(value);
    if (!keys) return [];
    const out: T[] = [];
    for (const key of keys) {
      const obj = this.items.get(key);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** Objects carrying every given label (optionally in one namespace), via the label index. */
  byLabels(labels: Record<string, string>, namespace?: string): T[] {
    const pairs = Object.entries(labels);
    if (pairs.length === 0) return this.list(namespace);
    const index = this.indices.get(LABEL_INDEX) as Map<string, Set<string>>;
    const sets = pairs.map(([k, v]) => index.get(`${k}=${v}`) ?? new Set<string>());
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets as [Set<string>, ...Set<string>[]];
    const out: T[] = [];
    for (const key of smallest) {
      if (!rest.every((s) => s.has(key))) continue;
      const obj = this.items.get(key);
      if (obj && (namespace === undefined || (obj.metadata.namespace ?? '') === namespace)) out.push(obj);
    }
    return out;
  }

  /** Objects whose ownerReferences name this UID (needs the ownerUid index). */
  byOwnerUid(uid: string): T[] {
    if (!this.indexers.has(OWNER_UID_INDEX)) this.addIndexers({ [OWNER_UID_INDEX]: ownerUidIndexFunc });
    return this.byIndex(OWNER_UID_INDEX, uid);
  }

  private fileUnder(index: Map<string, Set<string>>, fn: IndexFunc<T>, key: string, obj: T): void {
    for (const value of new Set(fn(obj))) {
      let keys = index.get(value);
      if (!keys) index.set(value, (keys = new Set()));
      keys.add(key);
    }
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of this.indexers) {
      const index = this.indices.get(name) as Map<string, Set<string>>;
      for (const value of new Set(fn(obj))) {
        const keys = index.get(value);
        if (!keys) continue;
        keys.delete(key);
        if (keys.size === 0) index.delete(value);
      }
    }
  }
}
