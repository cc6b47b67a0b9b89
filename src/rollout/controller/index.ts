/** The Rollout controller (I/O half): informers, work queue, observe → decide → act. */
export { RolloutController, RECONCILE_ERROR_REASON, type RolloutControllerDeps } from './rollout-controller.ts';
export {
  noopRolloutMetrics,
  rolloutMetricsState,
  type RolloutMetricsSink,
  type RolloutMetricsState,
  type RolloutReconcileObservation,
  type RolloutEventObservation,
} from './metrics.ts';
export { instanceLabelSelector } from './informers.ts';
