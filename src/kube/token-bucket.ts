import { realClock, sleep, type Clock } from './clock.ts';

/**
 * Token bucket (client-go's flowcontrol.NewTokenBucketRateLimiter): `burst` tokens, refilled at `qps`
 * per second. Reservations are handed out in call order, so waiters are served first come, first served.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly qps: number,
    readonly burst: number,
    private readonly clock: Clock = realClock,
  ) {
    if (!(qps > 0) || !(burst >= 1)) throw new Error(`invalid token bucket: qps=${qps} burst=${burst}`);
    this.tokens = burst;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.qps);
  }

  /** Takes a token if one is available now. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Reserves a token and returns how long (ms) the caller must wait before using it. */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.qps) * 1000);
  }

  /** Returns an unused reservation (e.g. the request was cancelled while waiting). */
  cancelReservation(): void {
    this.refill();
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** Waits for a token. Resolves false (and returns the reservation) if `signal` aborts first. */
  async take(signal?: AbortSignal): Promise<boolean> {
    const waitMs = this.reserve();
    if (waitMs === 0) return true;
    await sleep(waitMs, signal, this.clock);
    if (signal?.aborted) {
      this.cancelReservation();
      return false;
    }
    return true;
  }
}
