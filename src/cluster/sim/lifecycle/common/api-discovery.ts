/**
 * The served resources, kept current: read once at start, and re-read (debounced) whenever a
 * CustomResourceDefinition is added, changed or deleted. Listeners hear about every change.
 */
import type { TimerHandle } from '../../../../kube/clock.ts';
import type { HandlerRegistration } from '../../../../kube/informer.ts';
import { errText } from '../../../../kube/log.ts';
import { crds } from '../../../../kube/resources.ts';
import type { SimContext } from '../../context.ts';
import { fetchApiResources, type ApiResource } from './discovery.ts';

const DEBOUNCE_MS = 100;
const RETRY_MS = 5_000;

export type DiscoveryListener = (resources: readonly ApiResource[]) => void;

export class ApiDiscovery {
  private current: readonly ApiResource[] = [];
  private fingerprint = '';
  private readonly listeners = new Set<DiscoveryListener>();
  private timer: TimerHandle | undefined;
  private registration: HandlerRegistration | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly ctx: SimContext) {}

  /** Reads discovery once and starts following CRD changes. */
  async start(): Promise<void> {
    await this.refresh();
    const schedule = (): void => this.schedule(DEBOUNCE_MS);
    this.registration = this.ctx.informers.forResource(crds).addEventHandler({ onAdd: schedule, onUpdate: schedule, onDelete: schedule });
  }

  stop(): void {
    this.stopped = true;
    this.registration?.remove();
    if (this.timer !== undefined) this.ctx.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  get resources(): readonly ApiResource[] {
    return this.current;
  }

  /** Calls `fn` after every change of the served resources; returns the unsubscribe function. */
  onChange(fn: DiscoveryListener): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** The served resource of a kind in a group (any version of the group names the same resource). */
  byGroupKind(group: string, kind: string): ApiResource | undefined {
    return this.current.find((r) => r.ref.group === group && r.ref.kind === kind);
  }

  private schedule(ms: number): void {
    if (this.stopped || this.timer !== undefined) return;
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = undefined;
      void this.refresh().catch((err: unknown) => {
        this.ctx.logger.warn({ err: errText(err) }, 'discovery refresh failed; retrying');
        this.schedule(RETRY_MS);
      });
    }, ms);
  }

  private async refresh(): Promise<void> {
    // One read at a time; a change that arrives meanwhile schedules another.
    while (this.inFlight) await this.inFlight;
    this.inFlight = this.read();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = undefined;
    }
  }

  private async read(): Promise<void> {
    const resources = await fetchApiResources(this.ctx.client, this.ctx.logger, this.ctx.signal);
    if (this.stopped) return;
    const fingerprint = JSON.stringify(resources.map((r) => [r.ref.group, r.ref.version, r.ref.resource, r.ref.namespaced, r.verbs, r.subresources]));
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.current = resources;
    for (const fn of [...this.listeners]) {
      try {
        fn(resources);
      } catch (err) {
        this.ctx.logger.error({ err: errText(err) }, 'discovery listener failed');
      }
    }
  }
}
