import { realClock, sleep, type Clock } from './clock.ts';
import { isConflict } from './rest-errors.ts';

export interface RetryBackoff {
  /** Attempts in total (client-go's DefaultRetry: 5). */
  steps: number;
  durationMs: number;
  factor: number;
  jitter: number;
}

/** client-go's retry.DefaultRetry: 5 attempts, 10 ms apart, jitter 0.1. */
export const DEFAULT_RETRY: RetryBackoff = { steps: 5, durationMs: 10, factor: 1, jitter: 0.1 };

/** client-go's retry.DefaultBackoff: 4 attempts, 10 ms ×5 each time, jitter 0.1. */
export const DEFAULT_BACKOFF: RetryBackoff = { steps: 4, durationMs: 10, factor: 5, jitter: 0.1 };

/**
 * Runs `fn` until it succeeds, a non-retriable error is thrown, or the attempts run out (the last
 * error is thrown).
 */
export async function retryOnError<T>(
  backoff: RetryBackoff,
  retriable: (err: unknown) => boolean,
  fn: () => Promise<T>,
  clock: Clock = realClock,
): Promise<T> {
  let delay = backoff.durationMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= backoff.steps || !retriable(err)) throw err;
    }
    await sleep(delay * (1 + Math.random() * backoff.jitter), undefined, clock);
    delay *= backoff.factor;
  }
}

/** Re-runs a read-modify-write `fn` when it fails with 409 Conflict (client-go's retry.RetryOnConflict). */
export function retryOnConflict<T>(fn: () => Promise<T>, backoff: RetryBackoff = DEFAULT_RETRY): Promise<T> {
  return retryOnError(backoff, isConflict, fn);
}
