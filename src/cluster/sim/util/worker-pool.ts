/**
 * A controller's work loop: a rate-limited workqueue of string keys served by N workers, started
 * only once the controller's informers have synced (a sync against a half-filled cache would, for
 * instance, create pods that already exist). After stop(), keys still queued are dropped unprocessed
 * (controllers pass the stop signal to their requests, so in-flight ones end at once).
 */
import { errText, type KubeLogger } from '../../../kube/log.ts';
import { runWorkers, type WorkResult } from '../../../kube/workers.ts';
import { WorkQueue } from '../../../kube/workqueue.ts';
import type { Clock } from '../../../kube/clock.ts';

export interface Syncable {
  waitForSync(signal?: AbortSignal): Promise<boolean>;
}

export interface WorkerPoolOptions {
  name: string;
  workers: number;
  /** Informers that must have synced before the first key is processed. */
  informers: Syncable[];
  handler: (key: string) => Promise<WorkResult> | WorkResult;
  logger: KubeLogger;
  clock: Clock;
  signal: AbortSignal;
}

export interface WorkerPool {
  queue: WorkQueue<string>;
  stop(): Promise<void>;
}

export function startWorkerPool(opts: WorkerPoolOptions): WorkerPool {
  const queue = new WorkQueue<string>({ name: opts.name, clock: opts.clock });
  let stopped = false;
  const handler = async (key: string): Promise<WorkResult> => {
    if (stopped) return;
    try {
      return await opts.handler(key);
    } catch (err) {
      if (stopped) return; // requests are aborted on stop: not a failure worth logging
      throw err;
    }
  };
  const done = (async () => {
    const synced = await Promise.all(opts.informers.map((i) => i.waitForSync(opts.signal)));
    if (stopped || !synced.every(Boolean)) return;
    await runWorkers(queue, opts.workers, handler, {
      logger: opts.logger,
      onError: (key, err) => opts.logger.debug({ controller: opts.name, key, err: errText(err) }, 'sync failed'),
    });
  })();
  const onAbort = (): void => {
    stopped = true;
    queue.shutDown();
  };
  opts.signal.addEventListener('abort', onAbort, { once: true });
  return {
    queue,
    async stop() {
      opts.signal.removeEventListener('abort', onAbort);
      onAbort();
      await done;
    },
  };
}
