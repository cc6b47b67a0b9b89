import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { LeaseSpec } from 'kubernetes-types/coordination/v1.js';
import type { KubeObject } from '../cluster/store/object.ts';
import type { KubeClient } from './client.ts';
import { realClock, sleep, type Clock } from './clock.ts';
import { errText, silentLogger, type KubeLogger } from './log.ts';
import { leases } from './resources.ts';
import { isAlreadyExists, isConflict, isNotFound } from './rest-errors.ts';
import { formatMicroTime, parseTime } from './time-format.ts';

export interface LeaseObject extends KubeObject {
  spec?: LeaseSpec;
}

export interface LeaderElectionOptions {
  namespace: string;
  /** Lease name; Argo's is `argo-rollouts-controller-lock`. */
  name?: string;
  /** Default `<hostname>_<uuid>`. */
  identity?: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  /** Give the lease up on stop so another replica takes over at once (default true). */
  releaseOnCancel?: boolean;
  /** Runs when this replica becomes leader; `signal` aborts when leadership ends. */
  onStartedLeading: (signal: AbortSignal) => void | Promise<void>;
  /** Runs when leadership ends (lost or stopped), only if it had started. */
  onStoppedLeading?: () => void;
  /** Runs whenever a different holder is observed (including this replica). */
  onNewLeader?: (identity: string) => void;
  logger?: KubeLogger;
  clock?: Clock;
}

export const DEFAULT_LEASE_NAME = 'argo-rollouts-controller-lock';

interface Observed {
  holder: string;
  renewTime: string;
  transitions: number;
  durationSeconds: number;
}

/**
 * Lease-based leader election (client-go's leaderelection with a LeaseLock): acquire by creating or
 * updating the Lease with its resourceVersion (a 409 means someone else won this round), renew every
 * retry period, and give up leadership when no renewal succeeded within the renew deadline. Expiry of
 * another holder is judged by when *this* replica last saw the record change, not by remote clocks.
 */
export class LeaderElector {
  readonly identity: string;
  readonly name: string;
  private readonly leaseMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryMs: number;
  private readonly clock: Clock;
  private readonly log: KubeLogger;
  private observed: Observed | undefined;
  private observedAt = 0;
  private leading = false;
  private stopper = new AbortController();
  private running: Promise<void> | undefined;
  private reportedLeader: string | undefined;

  constructor(
    private readonly client: KubeClient,
    private readonly opts: LeaderElectionOptions,
  ) {
    this.identity = opts.identity ?? `${os.hostname()}_${randomUUID()}`;
    this.name = opts.name ?? DEFAULT_LEASE_NAME;
    this.leaseMs = opts.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = opts.renewDeadlineMs ?? 10_000;
    this.retryMs = opts.retryPeriodMs ?? 2_000;
    if (!(this.leaseMs > this.renewDeadlineMs && this.renewDeadlineMs > this.retryMs && this.retryMs > 0)) {
      throw new Error('leader election needs leaseDuration > renewDeadline > retryPeriod > 0');
    }
    this.clock = opts.clock ?? realClock;
    this.log = opts.logger ?? silentLogger;
  }

  isLeader(): boolean {
    return this.leading;
  }

  /** The holder last observed on the Lease. */
  getLeader(): string | undefined {
    return this.observed?.holder || undefined;
  }

  /**
   * Campaigns until leader, leads until leadership is lost or `stop()`/`signal` ends it, then
   * resolves. Call again to campaign anew.
   */
  run(signal?: AbortSignal): Promise<void> {
    if (this.running) return this.running;
    this.stopper = new AbortController();
    const onAbort = (): void => this.stopper.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) this.stopper.abort();
    this.running = this.loop().finally(() => {
      signal?.removeEventListener('abort', onAbort);
      this.running = undefined;
    });
    return this.running;
  }

  /** Ends the campaign or leadership (releasing the lease if configured) and waits for run() to end. */
  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
  }

  private get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  private async loop(): Promise<void> {
    // Acquire.
    while (!this.stopped) {
      if (await this.tryAcquireOrRenew()) break;
      await sleep(this.retryMs * (1 + Math.random() * 0.2), this.stopper.signal, this.clock);
    }
    if (this.stopped) return;

    this.leading = true;
    const leadership = new AbortController();
    this.log.info({ lease: this.name, identity: this.identity }, 'became leader');
    try {
      void Promise.resolve()
        .then(() => this.opts.onStartedLeading(leadership.signal))
        .catch((err) => this.log.error({ err: errText(err) }, 'onStartedLeading failed'));

      // Renew.
      while (!this.stopped) {
        await sleep(this.retryMs, this.stopper.signal, this.clock);
        if (this.stopped) break;
        if (!(await this.renewWithinDeadline())) {
          this.log.warn({ lease: this.name, identity: this.identity }, 'failed to renew lease; leadership lost');
          break;
        }
      }
    } finally {
      this.leading = false;
      leadership.abort();
      if (this.stopped && (this.opts.releaseOnCancel ?? true)) await this.release();
      try {
        this.opts.onStoppedLeading?.();
      } catch (err) {
        this.log.error({ err: errText(err) }, 'onStoppedLeading failed');
      }
    }
  }

  private async renewWithinDeadline(): Promise<boolean> {
    const deadline = this.clock.now() + this.renewDeadlineMs;
    while (!this.stopped) {
      const left = deadline - this.clock.now();
      if (left <= 0) return false;
      if (await this.tryAcquireOrRenew(left)) return true;
      if (deadline - this.clock.now() <= this.retryMs) return false;
      await sleep(this.retryMs, this.stopper.signal, this.clock);
    }
    return true; // stopping: not a loss
  }

  private record(holder: string, now: number, acquireMs: string | undefined, transitions: number): LeaseSpec {
    const renewTime = formatMicroTime(now);
    return {
      holderIdentity: holder,
      leaseDurationSeconds: Math.max(1, Math.ceil(this.leaseMs / 1000)),
      acquireTime: acquireMs ?? renewTime,
      renewTime,
      leaseTransitions: transitions,
    };
  }

  private observe(spec: LeaseSpec | undefined): void {
    const next: Observed = {
      holder: spec?.holderIdentity ?? '',
      renewTime: spec?.renewTime ?? '',
      transitions: spec?.leaseTransitions ?? 0,
      durationSeconds: spec?.leaseDurationSeconds ?? Math.ceil(this.leaseMs / 1000),
    };
    const o = this.observed;
    if (!o || o.holder !== next.holder || o.renewTime !== next.renewTime || o.transitions !== next.transitions) {
      this.observed = next;
      this.observedAt = this.clock.now();
    }
    if (next.holder && next.holder !== this.reportedLeader) {
      this.reportedLeader = next.holder;
      try {
        this.opts.onNewLeader?.(next.holder);
      } catch (err) {
        this.log.error({ err: errText(err) }, 'onNewLeader failed');
      }
    }
  }

  /** One round: true if this replica holds the lease afterwards. */
  private async tryAcquireOrRenew(timeoutMs?: number): Promise<boolean> {
    const ns = this.opts.namespace;
    const call = { timeoutMs: timeoutMs ?? this.renewDeadlineMs, signal: this.stopper.signal };
    const now = this.clock.now();
    let lease: LeaseObject;
    try {
      lease = await this.client.get<LeaseObject>(leases, ns, this.name, call);
    } catch (err) {
      if (!isNotFound(err)) {
        if (!this.stopped) this.log.warn({ lease: this.name, err: errText(err) }, 'cannot read lease');
        return false;
      }
      try {
        const created = await this.client.create<LeaseObject>(
          leases,
          ns,
          { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.name, namespace: ns }, spec: this.record(this.identity, now, undefined, 0) },
          call,
        );
        this.observe(created.spec);
        return true;
      } catch (createErr) {
        if (!isAlreadyExists(createErr) && !this.stopped) this.log.warn({ lease: this.name, err: errText(createErr) }, 'cannot create lease');
        return false;
      }
    }

    this.observe(lease.spec);
    const o = this.observed as Observed;
    const heldByOther = o.holder !== '' && o.holder !== this.identity;
    if (heldByOther && this.observedAt + o.durationSeconds * 1000 > this.clock.now()) return false;

    const mine = o.holder === this.identity;
    const spec = mine
      ? this.record(this.identity, now, lease.spec?.acquireTime, o.transitions)
      : this.record(this.identity, now, undefined, o.transitions + 1);
    try {
      const updated = await this.client.update<LeaseObject>(leases, ns, { ...lease, spec }, call);
      this.observe(updated.spec);
      return true;
    } catch (err) {
      if (!isConflict(err) && !this.stopped) this.log.warn({ lease: this.name, err: errText(err) }, 'cannot update lease');
      return false;
    }
  }

  /** Gives the lease up: empty holder, 1 s duration, so others acquire it at their next retry. */
  private async release(): Promise<void> {
    try {
      const lease = await this.client.get<LeaseObject>(leases, this.opts.namespace, this.name, { timeoutMs: this.renewDeadlineMs });
      if (lease.spec?.holderIdentity !== this.identity) return;
      const now = this.clock.now();
      const spec: LeaseSpec = {
        holderIdentity: '',
        leaseDurationSeconds: 1,
        acquireTime: formatMicroTime(now),
        renewTime: formatMicroTime(now),
        leaseTransitions: lease.spec?.leaseTransitions ?? 0,
      };
      await this.client.update<LeaseObject>(leases, this.opts.namespace, { ...lease, spec }, { timeoutMs: this.renewDeadlineMs });
      this.log.info({ lease: this.name, identity: this.identity }, 'released lease');
    } catch (err) {
      this.log.warn({ lease: this.name, err: errText(err) }, 'failed to release lease');
    }
  }
}

/** When the Lease's current holder last renewed it (ms), for diagnostics. */
export function leaseRenewedAt(lease: LeaseObject): number | undefined {
  return parseTime(lease.spec?.renewTime);
}
