import type { IntOrString } from '../intstr.ts';
import type { DryRun, DurationString, ListMeta, MeasurementRetention, Time, TypedObject } from './meta.ts';
import type { MetricProvider } from './metric-providers.ts';

export interface SecretKeyRef {
  name: string;
  key: string;
}

export interface ValueFrom {
  secretKeyRef?: SecretKeyRef;
  fieldRef?: { fieldPath: string };
}

/** Template/run argument: `value` absent (and no valueFrom) = required. */
export interface Argument {
  name: string;
  value?: string;
  valueFrom?: ValueFrom;
}

export interface Metric {
  name: string;
  interval?: DurationString;
  initialDelay?: DurationString;
  count?: IntOrString;
  successCondition?: string;
  failureCondition?: string;
  failureLimit?: IntOrString;
  inconclusiveLimit?: IntOrString;
  consecutiveErrorLimit?: IntOrString;
  consecutiveSuccessLimit?: IntOrString;
  provider: MetricProvider;
}

export interface AnalysisTemplateRef {
  templateName: string;
  clusterScope?: boolean;
}

export interface AnalysisTemplateSpec {
  metrics?: Metric[];
  args?: Argument[];
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  templates?: AnalysisTemplateRef[];
}

export interface AnalysisTemplate extends TypedObject<'AnalysisTemplate'> {
  spec: AnalysisTemplateSpec;
}

export interface ClusterAnalysisTemplate extends TypedObject<'ClusterAnalysisTemplate'> {
  spec: AnalysisTemplateSpec;
}

export interface TTLStrategy {
  secondsAfterCompletion?: number;
  secondsAfterFailure?: number;
  secondsAfterSuccess?: number;
}

export interface AnalysisRunSpec {
  metrics: Metric[];
  args?: Argument[];
  terminate?: boolean;
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  ttlStrategy?: TTLStrategy;
}

export interface Measurement {
  phase: string;
  message?: string;
  startedAt?: Time;
  finishedAt?: Time;
  value?: string;
  metadata?: Record<string, string>;
  resumeAt?: Time;
}

export interface MetricResult {
  name: string;
  phase: string;
  measurements?: Measurement[];
  message?: string;
  count?: number;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
  consecutiveError?: number;
  consecutiveSuccess?: number;
  dryRun?: boolean;
  metadata?: Record<string, string>;
}

export interface RunSummary {
  count?: number;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
}

export interface AnalysisRunStatus {
  phase: string;
  message?: string;
  metricResults?: MetricResult[];
  startedAt?: Time;
  completedAt?: Time;
  runSummary?: RunSummary;
  dryRunSummary?: RunSummary;
}

export interface AnalysisRun extends TypedObject<'AnalysisRun'> {
  spec: AnalysisRunSpec;
  status?: AnalysisRunStatus;
}

export interface AnalysisTemplateList {
  apiVersion?: string;
  kind?: 'AnalysisTemplateList';
  metadata?: ListMeta;
  items: AnalysisTemplate[];
}

export interface AnalysisRunList {
  apiVersion?: string;
  kind?: 'AnalysisRunList';
  metadata?: ListMeta;
  items: AnalysisRun[];
}
