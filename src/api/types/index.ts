export type * from './meta.ts';
export type * from './rollout.ts';
export type * from './rollout-strategy.ts';
export type * from './rollout-status.ts';
export type * from './rollout-analysis.ts';
export type * from './traffic-routing.ts';
export type * from './analysis.ts';
export type * from './metric-providers.ts';
export type * from './experiment.ts';
export type {
  CanaryStep,
  RolloutPause,
  SetCanaryScale,
  StringMatch,
  HeaderRoutingMatch,
  SetHeaderRoute,
  RouteMatch,
  SetMirrorRoute,
  PluginStep,
  ReplicaSetSpecRef,
  RolloutExperimentTemplate,
  RolloutExperimentStepAnalysisTemplateRef,
  RolloutExperimentStep,
  CanaryStepKind,
} from './canary-steps.ts';
export { CANARY_STEP_KINDS } from './canary-steps.ts';
export { METRIC_PROVIDER_KEYS } from './metric-providers.ts';
