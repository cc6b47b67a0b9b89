/**
 * Strategic-merge metadata: for each position in an object, how a list there merges and
 * whether maps there take `$retainKeys`. It is a walker (field → child, list → items) built
 * from a small declarative spec; positions the spec does not mention are atomic.
 */

/** How a list merges: replaced whole, merged by a key field, or as a set of primitives. */
export type ListStrategy =
  | { readonly type: 'atomic' }
  | { readonly type: 'map'; readonly key: string }
  | { readonly type: 'set' };

export interface PatchMeta {
  /** Strategy for a list at this position (atomic when the spec says nothing). */
  readonly list: ListStrategy;
  /**
   * The `retainKeys` patch strategy: a map here (or each element of the list here) may carry
   * a `$retainKeys` directive. Appliers honour `$retainKeys` wherever it appears, as Kubernetes does.
   */
  readonly retainKeys: boolean;
  /** Metadata for field `name` of a map at this position. */
  field(name: string): PatchMeta;
  /** Metadata for the elements of a list at this position. */
  items(): PatchMeta;
}

/** Declarative form of PatchMeta; see builtin-patch-meta.ts for the built-in kinds. */
export interface PatchMetaSpec {
  readonly list?: ListStrategy;
  readonly retainKeys?: boolean;
  readonly fields?: Readonly<Record<string, PatchMetaSpec>>;
  readonly items?: PatchMetaSpec;
}

const ATOMIC_LIST: ListStrategy = Object.freeze({ type: 'atomic' });

class SpecWalker implements PatchMeta {
  readonly list: ListStrategy;
  readonly retainKeys: boolean;

  constructor(private readonly spec: PatchMetaSpec) {
    this.list = spec.list ?? ATOMIC_LIST;
    this.retainKeys = spec.retainKeys ?? false;
  }

  field(name: string): PatchMeta {
    const fields = this.spec.fields;
    if (!fields || !Object.prototype.hasOwnProperty.call(fields, name)) return ATOMIC_META;
    return new SpecWalker(fields[name]!);
  }

  items(): PatchMeta {
    return this.spec.items ? new SpecWalker(this.spec.items) : ATOMIC_META;
  }
}

/** Metadata that knows nothing: every list is atomic, no retainKeys, all the way down. */
export const ATOMIC_META: PatchMeta = new SpecWalker({});

export function patchMetaFromSpec(spec: PatchMetaSpec): PatchMeta {
  return new SpecWalker(spec);
}

/** A struct-like map with the given fields. */
export function struct(fields: Record<string, PatchMetaSpec>, opts: { retainKeys?: boolean } = {}): PatchMetaSpec {
  return { fields, ...(opts.retainKeys ? { retainKeys: true } : {}) };
}

/** A list of maps merged by `key`; `item` describes each element. */
export function mapList(key: string, item: PatchMetaSpec = {}, opts: { retainKeys?: boolean } = {}): PatchMetaSpec {
  return { list: { type: 'map', key }, items: item, ...(opts.retainKeys ? { retainKeys: true } : {}) };
}

/** A list of primitives merged as a set (`patchStrategy:"merge"` on a []string). */
export function setList(): PatchMetaSpec {
  return { list: { type: 'set' } };
}

/** An explicitly atomic list (the default; used where documenting it helps). */
export function atomicList(): PatchMetaSpec {
  return { list: ATOMIC_LIST };
}
