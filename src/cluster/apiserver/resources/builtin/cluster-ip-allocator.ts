/**
 * Service cluster IPs from one IPv4 CIDR (10.96.0.0/12 by default), handed out deterministically:
 * next-fit from the last allocation, skipping the network and broadcast addresses. The first
 * usable address (10.96.0.1) is what the `kubernetes` service conventionally takes.
 */
export function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export type IpReserveResult = 'ok' | 'invalid' | 'out-of-range' | 'allocated';

export class ClusterIpAllocator {
  readonly cidr: string;
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();
  private next = 1;

  constructor(cidr = '10.96.0.0/12') {
    const [addr, bitsText] = cidr.split('/');
    const base = ipv4ToInt(addr ?? '');
    const bits = Number(bitsText);
    if (base === undefined || !Number.isInteger(bits) || bits < 1 || bits > 30) throw new Error(`invalid service CIDR ${cidr}`);
    this.size = 2 ** (32 - bits);
    this.base = base - (base % this.size);
    this.cidr = `${intToIpv4(this.base)}/${bits}`;
  }

  /** Number of addresses that can be handed out. */
  get capacity(): number {
    return this.size - 2;
  }

  get allocatedCount(): number {
    return this.used.size;
  }

  private offsetOf(ip: string): number | undefined {
    const n = ipv4ToInt(ip);
    if (n === undefined) return undefined;
    return n - this.base;
  }

  contains(ip: string): boolean {
    const off = this.offsetOf(ip);
    return off !== undefined && off >= 1 && off < this.size - 1;
  }

  isAllocated(ip: string): boolean {
    const off = this.offsetOf(ip);
    return off !== undefined && this.used.has(off);
  }

  /** The next free address. Throws when the range is exhausted. */
  allocate(): string {
    for (let i = 0; i < this.capacity; i++) {
      const off = ((this.next - 1 + i) % this.capacity) + 1;
      if (!this.used.has(off)) {
        this.used.add(off);
        this.next = (off % this.capacity) + 1;
        return intToIpv4(this.base + off);
      }
    }
    throw new Error(`range is full: no more cluster IPs available in ${this.cidr}`);
  }

  /** Claims a specific address (user-requested, or restored from storage at start). */
  reserve(ip: string): IpReserveResult {
    const off = this.offsetOf(ip);
    if (off === undefined) return 'invalid';
    if (off < 1 || off >= this.size - 1) return 'out-of-range';
    if (this.used.has(off)) return 'allocated';
    this.used.add(off);
    return 'ok';
  }

  release(ip: string): void {
    const off = this.offsetOf(ip);
    if (off !== undefined) this.used.delete(off);
  }
}
