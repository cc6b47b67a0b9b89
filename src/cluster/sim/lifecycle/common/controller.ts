/** A workqueue with workers that start once the controller's informers have synced. */
import { setMaxListeners } from 'node:events';
import { WorkQueue } from '../../../../kube/workqueue.ts';
import { runWorkers, type WorkResult } from '../../../../kube/workers.ts';
import type { SimContext, SimController } from '../../context.ts';

export interface Syncable {
  waitForSync(signal?: AbortSignal): Promise<boolean>;
}

export class QueueController implements SimController {
  readonly queue: WorkQueue<string>;
  private readonly stopper = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly ctx: SimContext,
    readonly name: string,
    private readonly handler: (key: string) => Promise<WorkResult>,
    private readonly workers = 1,
  ) {
    this.queue = new WorkQueue<string>({ name, clock: ctx.clock });
  }

  /** Keys queued before the caches have synced wait; workers run from then until stop(). */
  startWhenSynced(informers: readonly Syncable[]): void {
    const signal = AbortSignal.any([this.ctx.signal, this.stopper.signal]);
    setMaxListeners(0, signal); // one listener per informer waited for
    this.running = (async () => {
      const synced = await Promise.all(informers.map((i) => i.waitForSync(signal)));
      if (!synced.every(Boolean) || this.queue.isShuttingDown()) return;
      // After stop(), keys still queued are drained without work.
      const handle = (key: string): Promise<WorkResult> | WorkResult => (signal.aborted ? undefined : this.handler(key));
      await runWorkers(this.queue, this.workers, handle, { logger: this.ctx.logger });
    })();
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    this.queue.shutDown();
    await this.running;
  }
}
