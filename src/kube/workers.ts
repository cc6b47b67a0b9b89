import { errText, silentLogger, type KubeLogger } from './log.ts';
import type { QueueKey, WorkQueue } from './workqueue.ts';

/**
 * What a reconcile asks for next: nothing (success — failures are forgotten), a requeue after a
 * delay (time-based progress such as a pause end), or a rate-limited retry.
 */
export type WorkResult = void | { requeueAfterMs?: number; requeue?: boolean };

export interface RunWorkersOptions<K> {
  logger?: KubeLogger;
  /** Called after a handler throws (the key is then re-added rate-limited). */
  onError?: (key: K, err: unknown) => void;
}

/**
 * Runs `n` workers taking keys from `queue` until it shuts down; resolves when all have exited.
 * A thrown error re-adds the key rate-limited; success forgets its failures.
 */
export function runWorkers<K extends QueueKey>(
  queue: WorkQueue<K>,
  n: number,
  handler: (key: K) => Promise<WorkResult> | WorkResult,
  opts: RunWorkersOptions<K> = {},
): Promise<void> {
  const log = opts.logger ?? silentLogger;
  const worker = async (): Promise<void> => {
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      try {
        const result = await handler(key);
        if (result && result.requeueAfterMs !== undefined) {
          queue.forget(key);
          queue.addAfter(key, result.requeueAfterMs);
        } else if (result && result.requeue) {
          queue.addRateLimited(key);
        } else {
          queue.forget(key);
        }
      } catch (err) {
        log.warn({ queue: queue.name, key: String(key), requeues: queue.numRequeues(key), err: errText(err) }, 'reconcile failed; requeueing');
        try {
          opts.onError?.(key, err);
        } catch {
          // an observer must not kill the worker
        }
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  };
  return Promise.all(Array.from({ length: Math.max(1, n) }, worker)).then(() => undefined);
}
