/** Owners confirmed absent (uids are never reused, so an answer stays true); bounded, oldest evicted. */
export class AbsentOwnerCache {
  private readonly keys = new Set<string>();

  constructor(private readonly max = 4096) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    this.keys.delete(key);
    this.keys.add(key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value as string);
  }
}
