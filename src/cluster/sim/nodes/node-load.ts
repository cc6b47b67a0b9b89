/**
 * How many pods each node holds, kept incrementally from pod events plus the scheduler's own
 * assumptions (pods it has just bound but not yet seen bound), like the scheduler cache's "assume".
 */
export class NodeLoad {
  private readonly nodeOf = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  /** Sets (or clears, with undefined) the node that pod `key` counts against. */
  set(key: string, node: string | undefined): void {
    const prev = this.nodeOf.get(key);
    if (prev === node) return;
    if (prev !== undefined) this.counts.set(prev, (this.counts.get(prev) ?? 1) - 1);
    if (node === undefined) this.nodeOf.delete(key);
    else {
      this.nodeOf.set(key, node);
      this.counts.set(node, (this.counts.get(node) ?? 0) + 1);
    }
  }

  has(key: string): boolean {
    return this.nodeOf.has(key);
  }

  count(node: string): number {
    return this.counts.get(node) ?? 0;
  }
}
