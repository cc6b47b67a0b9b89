/**
 * The Rollout controller: informers feed a rate-limited work queue of `namespace/name` keys;
 * each worker observes one Rollout from the caches, lets `decideRollout` plan the writes, applies
 * them (`actOnPlan`) and requeues for the earliest deadline. Any failure for one rollout is
 * logged, reported as a Warning event and retried with back-off; it never stops the controller.
 */
import type { KubeObject } from '../../cluster/store/object.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import { ConditionMessage, EventReason } from '../../api/constants.ts';
import type { KubeClient } from '../../kube/client.ts';
import type { EventRecorder } from '../../kube/events.ts';
import type { SharedInformerFactory } from '../../kube/informer-factory.ts';
import { errText, silentLogger, type KubeLogger } from '../../kube/log.ts';
import { isConflict } from '../../kube/rest-errors.ts';
import { runWorkers, type WorkResult } from '../../kube/workers.ts';
import { WorkQueue } from '../../kube/workqueue.ts';
import { decideRollout, type DecideOptions } from '../decide/decide.ts';
import type { PlannedEvent } from '../decide/types.ts';
import { actOnPlan, HashCollisionError } from './act.ts';
import { asRollout, setUpInformers, type RolloutInformers } from './informers.ts';
import { noopRolloutMetrics, rolloutMetricsState, type RolloutMetricsSink } from './metrics.ts';
import { observeRollout } from './observe.ts';
import { releaseServices } from './release-services.ts';

export interface RolloutControllerDeps {
  client: KubeClient;
  informers: SharedInformerFactory;
  recorder: EventRecorder;
  /** Epoch ms; defaults to Date.now. */
  clock?: () => number;
  /** `--instance-id`. */
  instanceId?: string;
  /** Watch only this namespace (`--namespaced`). */
  namespace?: string;
  metrics?: RolloutMetricsSink;
  logger?: KubeLogger;
  /** Every rollout is reconciled at least this often (Argo's `--rollout-resync`, default 15 min). */
  resyncMs?: number;
  decide?: DecideOptions;
}

export const RECONCILE_ERROR_REASON = 'ReconcileError';
const DEFAULT_RESYNC_MS = 15 * 60_000;

export class RolloutController {
  private readonly client: KubeClient;
  private readonly factory: SharedInformerFactory;
  private readonly recorder: EventRecorder;
  private readonly clock: () => number;
  private readonly metrics: RolloutMetricsSink;
  private readonly log: KubeLogger;
  private readonly resyncMs: number;
  private readonly queue = new WorkQueue<string>({ name: 'rollouts' });
  private readonly abort = new AbortController();
  private informers?: RolloutInformers;
  private workers?: Promise<void>;
  private stopped = false;

  constructor(private readonly deps: RolloutControllerDeps) {
    this.client = deps.client;
    this.factory = deps.informers;
    this.recorder = deps.recorder;
    this.clock = deps.clock ?? Date.now;
    this.metrics = deps.metrics ?? noopRolloutMetrics;
    this.log = deps.logger ?? silentLogger;
    this.resyncMs = deps.resyncMs ?? DEFAULT_RESYNC_MS;
  }

  /** Registers informer handlers, waits for the caches, then runs `threads` workers. */
  async start(threads: number): Promise<void> {
    if (this.informers) throw new Error('RolloutController already started');
    this.informers = setUpInformers(
      this.factory,
      { namespace: this.deps.namespace, instanceId: this.deps.instanceId },
      { enqueue: (key) => this.queue.add(key), onRolloutDeleted: (ro) => this.onRolloutDeleted(ro) },
    );
    this.factory.start();
    if (!(await this.factory.waitForCacheSync(this.abort.signal))) {
      if (this.stopped) return;
      throw new Error('rollout controller caches did not sync');
    }
    this.workers = runWorkers(this.queue, threads, (key) => this.reconcileKey(key), { logger: this.log });
    this.log.info({ threads, namespace: this.deps.namespace ?? '', instanceId: this.deps.instanceId ?? '' }, 'rollout controller started');
  }

  /** Stops the workers (in-flight API calls are aborted) and removes the informer handlers. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.queue.shutDown();
    await this.workers;
    this.informers?.release();
  }

  private emit(ro: Rollout, e: PlannedEvent): void {
    const involved = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: ro.metadata ?? {} } as unknown as KubeObject;
    this.recorder.event(involved, e.type, e.reason, e.message);
    this.metrics.countEvent({ namespace: ro.metadata?.namespace ?? '', name: ro.metadata?.name ?? '', type: e.type, reason: e.reason });
  }

  private onRolloutDeleted(ro: Rollout): void {
    const ns = ro.metadata?.namespace ?? '';
    const name = ro.metadata?.name ?? '';
    this.metrics.removeRollout(ns, name);
    this.emit(ro, { type: 'Normal', reason: EventReason.RolloutDeleted, message: ConditionMessage.rolloutDeleted(ns, name) });
    if (this.informers) {
      const informers = this.informers;
      void releaseServices(this.client, informers, ro, this.log);
    }
  }

  /** One reconcile of one key; throws to get a rate-limited retry. */
  private async reconcileKey(key: string): Promise<WorkResult> {
    if (this.stopped || !this.informers) return;
    const cached = this.informers.rollouts.cache.getByKey(key);
    if (!cached) return;
    const ro = asRollout(cached);
    if (ro.metadata?.deletionTimestamp) return;
    const started = performance.now();
    const ns = ro.metadata?.namespace ?? '';
    const name = ro.metadata?.name ?? '';
    let failed = false;
    try {
      const now = this.clock();
      const observation = await observeRollout({ client: this.client, informers: this.informers, now, signal: this.abort.signal }, ro);
      const plan = decideRollout(observation, this.deps.decide);
      for (const note of plan.notes) this.log.debug({ rollout: key }, note);
      const written = await actOnPlan(
        {
          client: this.client,
          informers: this.informers,
          logger: this.log,
          emit: (r, e) => this.emit(r, e),
          now: this.clock,
          signal: this.abort.signal,
        },
        ro,
        plan,
      );
      this.metrics.setRolloutState(rolloutMetricsState(written, plan.stopAfterRolloutPatch ? ro.status : plan.status));
      const after = Math.min(plan.requeueAfterMs ?? Infinity, this.resyncMs);
      return { requeueAfterMs: after };
    } catch (err) {
      failed = true;
      if (this.stopped) return;
      // A stale cache (409) or a bumped collisionCount: simply try again soon, rate-limited.
      if (isConflict(err) || err instanceof HashCollisionError) {
        this.log.debug({ rollout: key, err: errText(err) }, 'retrying rollout after a conflict');
        return { requeue: true };
      }
      this.log.warn({ rollout: key, err: errText(err) }, 'rollout reconcile failed');
      this.emit(ro, { type: 'Warning', reason: RECONCILE_ERROR_REASON, message: errText(err) });
      throw err;
    } finally {
      this.metrics.observeReconcile({ namespace: ns, name, durationSeconds: (performance.now() - started) / 1000, error: failed });
    }
  }
}
