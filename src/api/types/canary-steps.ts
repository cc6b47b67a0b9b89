import type { IntOrString } from '../intstr.ts';
import type { AnalysisRunMetadata, DryRun, DurationString, LabelSelector, MeasurementRetention, PodTemplateMetadata } from './meta.ts';
import type { RolloutAnalysis, AnalysisRunArgument } from './rollout-analysis.ts';

/** `steps[].pause`: int seconds, numeric string seconds, or Go duration; absent = indefinite. */
export interface RolloutPause {
  duration?: IntOrString;
}

export interface SetCanaryScale {
  weight?: number;
  replicas?: number;
  matchTrafficWeight?: boolean;
}

/** Exactly one of exact/prefix/regex. */
export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

export interface HeaderRoutingMatch {
  headerName: string;
  headerValue?: StringMatch;
}

export interface SetHeaderRoute {
  name?: string;
  match?: HeaderRoutingMatch[];
}

export interface RouteMatch {
  method?: StringMatch;
  path?: StringMatch;
  headers?: Record<string, StringMatch>;
}

export interface SetMirrorRoute {
  name: string;
  match?: RouteMatch[];
  percentage?: number;
}

export interface PluginStep {
  name: string;
  config?: unknown;
}

export type ReplicaSetSpecRef = 'canary' | 'stable';

export interface TemplateService {
  name?: string;
}

export interface RolloutExperimentTemplate {
  name: string;
  specRef: ReplicaSetSpecRef;
  replicas?: number;
  metadata?: PodTemplateMetadata;
  selector?: LabelSelector;
  weight?: number;
  service?: TemplateService;
}

export interface RolloutExperimentStepAnalysisTemplateRef {
  name: string;
  templateName: string;
  clusterScope?: boolean;
  args?: AnalysisRunArgument[];
  requiredForCompletion?: boolean;
}

export interface RolloutExperimentStep {
  templates: RolloutExperimentTemplate[];
  duration?: DurationString;
  analyses?: RolloutExperimentStepAnalysisTemplateRef[];
  dryRun?: DryRun[];
  analysisRunMetadata?: AnalysisRunMetadata;
  /** *(new)* */
  scaleDownDelaySeconds?: number;
  measurementRetention?: MeasurementRetention[];
}

/** One canary step: exactly one key must be set. */
export interface CanaryStep {
  setWeight?: number;
  pause?: RolloutPause;
  experiment?: RolloutExperimentStep;
  analysis?: RolloutAnalysis;
  setCanaryScale?: SetCanaryScale;
  setHeaderRoute?: SetHeaderRoute;
  setMirrorRoute?: SetMirrorRoute;
  plugin?: PluginStep;
}

/** The keys a step may have, in Argo's order. */
export const CANARY_STEP_KINDS = [
  'setWeight',
  'pause',
  'experiment',
  'analysis',
  'setCanaryScale',
  'setHeaderRoute',
  'setMirrorRoute',
  'plugin',
] as const;
export type CanaryStepKind = (typeof CANARY_STEP_KINDS)[number];
