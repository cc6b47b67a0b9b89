/**
 * Jittered exponential backoff for reconnect loops (informer watches, leader election retries):
 * initial → initial·factor → … capped at max; each delay is shortened by up to `jitter` of itself so
 * that many clients restarting together do not reconnect in lockstep.
 */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** Fraction in [0, 1]: a delay d is drawn uniformly from [d·(1−jitter), d]. */
  jitter?: number;
  random?: () => number;
}

export class ExponentialBackoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;
  private attempt = 0;

  constructor(opts: BackoffOptions = {}) {
    this.initialMs = opts.initialMs ?? 1000;
    this.maxMs = opts.maxMs ?? 30_000;
    this.factor = opts.factor ?? 2;
    this.jitter = Math.min(1, Math.max(0, opts.jitter ?? 0.2));
    this.random = opts.random ?? Math.random;
  }

  /** The un-jittered delay of the next attempt. */
  peekBaseMs(): number {
    return Math.min(this.maxMs, this.initialMs * Math.pow(this.factor, this.attempt));
  }

  /** The delay before the next attempt; each call moves one step up. */
  nextDelayMs(): number {
    const base = this.peekBaseMs();
    if (base < this.maxMs) this.attempt++;
    return base * (1 - this.jitter * this.random());
  }

  /** Call after a success so the next failure starts from the initial delay again. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
