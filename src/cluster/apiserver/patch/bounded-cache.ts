/**
 * A memo table that forgets everything once it holds `limit` entries: for the path-element
 * spellings and parses that recur in every request, without growing with whatever clients send.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, from `make(key)` when it is not cached. */
  get(key: K, make: (key: K) => V): V {
    let value = this.entries.get(key);
    if (value === undefined && !this.entries.has(key)) {
      value = make(key);
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(key, value);
    }
    return value as V;
  }
}
