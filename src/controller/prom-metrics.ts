import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestMetrics } from '../kube/request-metrics.ts';
import type {
  RolloutEventObservation,
  RolloutMetricsSink,
  RolloutMetricsState,
  RolloutReconcileObservation,
} from '../rollout/controller/index.ts';

/** How long a deleted rollout's series stay exported, as in Argo Rollouts. */
const REMOVAL_DELAY_MS = 65_000;

/**
 * The controller's Prometheus metrics with Argo Rollouts' names and labels (reference §11), backed
 * by prom-client. The Rollout controller reports through the RolloutMetricsSink interface.
 */
export class ControllerMetrics implements RolloutMetricsSink {
  readonly registry = new Registry();
  private readonly info: Gauge;
  private readonly phase: Gauge;
  private readonly available: Gauge;
  private readonly unavailable: Gauge;
  private readonly desired: Gauge;
  private readonly updated: Gauge;
  private readonly reconcile: Histogram;
  private readonly reconcileErrors: Counter;
  private readonly events: Counter;
  private readonly requests: Counter;
  private readonly lastState = new Map<string, RolloutMetricsState>();
  private readonly removals = new Map<string, NodeJS.Timeout>();

  constructor(version: string) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'argo_rollouts_controller_info', help: 'Running Argo-rollouts version', labelNames: ['version'], registers }).set({ version }, 1);
    new Gauge({ name: 'build_info', help: 'A metric with a constant 1 value labeled by version from which the controller was built', labelNames: ['version', 'goversion', 'goarch', 'commit'], registers }).set(
      { version, goversion: process.version, goarch: process.arch, commit: 'vane' },
      1,
    );
    this.info = new Gauge({ name: 'rollout_info', help: 'Information about rollout.', labelNames: ['namespace', 'name', 'strategy', 'traffic_router', 'phase'], registers });
    this.phase = new Gauge({ name: 'rollout_phase', help: 'Information on the state of the rollout (DEPRECATED - use rollout_info)', labelNames: ['namespace', 'name', 'strategy', 'phase'], registers });
    this.available = new Gauge({ name: 'rollout_info_replicas_available', help: 'The number of available replicas per rollout.', labelNames: ['namespace', 'name'], registers });
    this.unavailable = new Gauge({ name: 'rollout_info_replicas_unavailable', help: 'The number of unavailable replicas per rollout.', labelNames: ['namespace', 'name'], registers });
    this.desired = new Gauge({ name: 'rollout_info_replicas_desired', help: 'The number of desired replicas per rollout.', labelNames: ['namespace', 'name'], registers });
    this.updated = new Gauge({ name: 'rollout_info_replicas_updated', help: 'The number of updated replicas per rollout.', labelNames: ['namespace', 'name'], registers });
    this.reconcile = new Histogram({ name: 'rollout_reconcile', help: 'Rollout reconciliation performance.', labelNames: ['namespace', 'name'], buckets: [0.01, 0.15, 0.25, 0.5, 1], registers });
    this.reconcileErrors = new Counter({ name: 'rollout_reconcile_error', help: 'Error occurring during the rollout', labelNames: ['namespace', 'name'], registers });
    this.events = new Counter({ name: 'rollout_events_total', help: 'Count of rollout events', labelNames: ['namespace', 'name', 'type', 'reason'], registers });
    this.requests = new Counter({ name: 'controller_clientset_k8s_request_total', help: 'Number of kubernetes requests executed during application reconciliation.', labelNames: ['kind', 'namespace', 'name', 'verb', 'status_code'], registers });
  }

  /** Mirrors every API request of a client into controller_clientset_k8s_request_total. */
  countRequests(metrics: RequestMetrics): () => void {
    return metrics.onRequest((r) => this.requests.inc({ kind: r.kind, namespace: r.namespace, name: r.name, verb: r.verb, status_code: String(r.statusCode) }));
  }

  observeReconcile(r: RolloutReconcileObservation): void {
    this.reconcile.observe({ namespace: r.namespace, name: r.name }, r.durationSeconds);
    if (r.error) this.reconcileErrors.inc({ namespace: r.namespace, name: r.name });
  }

  setRolloutState(state: RolloutMetricsState): void {
    const key = `${state.namespace}/${state.name}`;
    const pending = this.removals.get(key);
    if (pending) {
      clearTimeout(pending);
      this.removals.delete(key);
    }
    const previous = this.lastState.get(key);
    if (previous) this.removeInfoSeries(previous);
    this.lastState.set(key, state);
    const id = { namespace: state.namespace, name: state.name };
    this.info.set({ ...id, strategy: state.strategy, traffic_router: state.trafficRouter, phase: state.phase }, 1);
    this.phase.set({ ...id, strategy: state.strategy, phase: state.phase }, 1);
    this.available.set(id, state.available);
    this.unavailable.set(id, state.unavailable);
    this.desired.set(id, state.desired);
    this.updated.set(id, state.updated);
  }

  removeRollout(namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    if (this.removals.has(key)) return;
    const timer = setTimeout(() => {
      this.removals.delete(key);
      const state = this.lastState.get(key);
      if (!state) return;
      this.lastState.delete(key);
      this.removeInfoSeries(state);
      const id = { namespace, name };
      for (const g of [this.available, this.unavailable, this.desired, this.updated]) g.remove(id);
      this.reconcile.remove(id);
    }, REMOVAL_DELAY_MS);
    timer.unref();
    this.removals.set(key, timer);
  }

  countEvent(e: RolloutEventObservation): void {
    this.events.inc({ namespace: e.namespace, name: e.name, type: e.type, reason: e.reason });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  close(): void {
    for (const t of this.removals.values()) clearTimeout(t);
    this.removals.clear();
  }

  private removeInfoSeries(state: RolloutMetricsState): void {
    const id = { namespace: state.namespace, name: state.name };
    this.info.remove({ ...id, strategy: state.strategy, traffic_router: state.trafficRouter, phase: state.phase });
    this.phase.remove({ ...id, strategy: state.strategy, phase: state.phase });
  }
}
