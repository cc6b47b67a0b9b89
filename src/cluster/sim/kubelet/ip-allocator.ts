/**
 * Pod IPs from 10.244.0.0/16 (the pod network of a kind cluster), handed out round-robin so that an IP
 * is reused as late as possible; addresses ending in .0 or .255 are skipped.
 */
const BASE = (10 << 24) | (244 << 16);
const SIZE = 1 << 16;

export function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function offsetOf(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts[0] !== 10 || parts[1] !== 244) return undefined;
  return ((parts[2] as number) << 8) | (parts[3] as number);
}

function usable(offset: number): boolean {
  const last = offset & 255;
  return last !== 0 && last !== 255;
}

export class PodIpAllocator {
  private readonly used = new Set<number>();
  private cursor = 0;

  /** Marks an IP found on an existing pod as taken. */
  reserve(ip: string): void {
    const off = offsetOf(ip);
    if (off !== undefined) this.used.add(off);
  }

  release(ip: string): void {
    const off = offsetOf(ip);
    if (off !== undefined) this.used.delete(off);
  }

  allocate(): string {
    for (let i = 0; i < SIZE; i++) {
      this.cursor = (this.cursor + 1) % SIZE;
      if (usable(this.cursor) && !this.used.has(this.cursor)) {
        this.used.add(this.cursor);
        return ipToString((BASE | this.cursor) >>> 0);
      }
    }
    throw new Error('the simulated pod network 10.244.0.0/16 is exhausted');
  }

  get size(): number {
    return this.used.size;
  }
}
