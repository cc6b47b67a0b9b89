/** Service node ports (30000-32767 by default), next-fit like the cluster IP allocator. */
export type PortReserveResult = 'ok' | 'out-of-range' | 'allocated';

export class NodePortAllocator {
  private readonly used = new Set<number>();
  private next: number;

  constructor(
    readonly min = 30000,
    readonly max = 32767,
  ) {
    this.next = min;
  }

  get range(): string {
    return `${this.min}-${this.max}`;
  }

  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.min && port <= this.max;
  }

  isAllocated(port: number): boolean {
    return this.used.has(port);
  }

  allocate(): number {
    const span = this.max - this.min + 1;
    for (let i = 0; i < span; i++) {
      const port = this.min + ((this.next - this.min + i) % span);
      if (!this.used.has(port)) {
        this.used.add(port);
        this.next = port + 1 > this.max ? this.min : port + 1;
        return port;
      }
    }
    throw new Error(`range is full: no more node ports available in ${this.range}`);
  }

  reserve(port: number): PortReserveResult {
    if (!this.contains(port)) return 'out-of-range';
    if (this.used.has(port)) return 'allocated';
    this.used.add(port);
    return 'ok';
  }

  release(port: number): void {
    this.used.delete(port);
  }
}
