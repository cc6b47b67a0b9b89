/**
 * What the Rollout controller reports for `/metrics` (reference §11): reconcile durations and
 * errors, per-rollout phase and replica gauges (`rollout_info`, `rollout_info_replicas_*`,
 * `rollout_phase`) and event counts (`rollout_events_total`). The prom-client implementation lives
 * with the metrics server; the controller only talks to this interface.
 */
import type { Rollout } from '../../api/types/rollout.ts';
import type { RolloutStatus } from '../../api/types/rollout-status.ts';
import { getReplicasOrDefault } from '../../api/defaults.ts';

export interface RolloutReconcileObservation {
  namespace: string;
  name: string;
  durationSeconds: number;
  /** The reconcile failed (`rollout_reconcile_error`). */
  error: boolean;
}

export interface RolloutMetricsState {
  namespace: string;
  name: string;
  /** `canary`, `blueGreen` or '' (invalid spec). */
  strategy: string;
  /** Comma-joined router names (`SMI`, `Istio`, ...), '' for none. */
  trafficRouter: string;
  phase: string;
  desired: number;
  available: number;
  unavailable: number;
  updated: number;
}

export interface RolloutEventObservation {
  namespace: string;
  name: string;
  type: string;
  reason: string;
}

export interface RolloutMetricsSink {
  observeReconcile(r: RolloutReconcileObservation): void;
  setRolloutState(state: RolloutMetricsState): void;
  /** The rollout is gone (Argo drops its series after a delay; the sink decides). */
  removeRollout(namespace: string, name: string): void;
  countEvent(e: RolloutEventObservation): void;
}

export const noopRolloutMetrics: RolloutMetricsSink = {
  observeReconcile() {},
  setRolloutState() {},
  removeRollout() {},
  countEvent() {},
};

const ROUTER_NAMES: Record<string, string> = {
  smi: 'SMI',
  istio: 'Istio',
  nginx: 'Nginx',
  alb: 'ALB',
  ambassador: 'Ambassador',
  appMesh: 'AppMesh',
  traefik: 'Traefik',
  apisix: 'Apisix',
  plugins: 'Plugins',
};

/** The gauges of one rollout, from its spec and (new) status. */
export function rolloutMetricsState(ro: Rollout, status: RolloutStatus | undefined): RolloutMetricsState {
  const strategy = ro.spec?.strategy?.canary ? 'canary' : ro.spec?.strategy?.blueGreen ? 'blueGreen' : '';
  const routing = ro.spec?.strategy?.canary?.trafficRouting ?? {};
  const trafficRouter = Object.keys(routing)
    .filter((k) => ROUTER_NAMES[k])
    .map((k) => ROUTER_NAMES[k])
    .join(',');
  const desired = getReplicasOrDefault(ro.spec?.replicas);
  const available = status?.availableReplicas ?? 0;
  return {
    namespace: ro.metadata?.namespace ?? '',
    name: ro.metadata?.name ?? '',
    strategy,
    trafficRouter,
    phase: status?.phase ?? '',
    desired,
    available,
    unavailable: Math.max(0, (status?.replicas ?? 0) - available),
    updated: status?.updatedReplicas ?? 0,
  };
}
