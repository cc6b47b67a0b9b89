import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { AnalysisRunMetadata, DryRun, DurationString, LabelSelector, ListMeta, MeasurementRetention, Time, TypedObject } from './meta.ts';
import type { Argument } from './analysis.ts';

export interface TemplateService {
  name?: string;
}

export interface TemplateSpec {
  name: string;
  replicas?: number;
  minReadySeconds?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  service?: TemplateService;
}

export interface ExperimentAnalysisTemplateRef {
  name: string;
  templateName: string;
  clusterScope?: boolean;
  args?: Argument[];
  requiredForCompletion?: boolean;
}

export interface ExperimentSpec {
  templates: TemplateSpec[];
  duration?: DurationString;
  progressDeadlineSeconds?: number;
  terminate?: boolean;
  analyses?: ExperimentAnalysisTemplateRef[];
  scaleDownDelaySeconds?: number;
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  analysisRunMetadata?: AnalysisRunMetadata;
}

export type TemplateStatusCode = 'Progressing' | 'Running' | 'Successful' | 'Failed' | 'Error';

export interface TemplateStatus {
  name: string;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  collisionCount?: number;
  status?: TemplateStatusCode;
  message?: string;
  lastTransitionTime?: Time;
  serviceName?: string;
  podTemplateHash?: string;
}

export type ExperimentConditionType = 'InvalidSpec' | 'Completed' | 'Progressing' | 'Running' | 'ReplicaFailure';

export interface ExperimentCondition {
  type: ExperimentConditionType;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: Time;
  lastTransitionTime: Time;
  reason: string;
  message: string;
}

export interface ExperimentAnalysisRunStatus {
  name: string;
  analysisRun: string;
  phase: string;
  message?: string;
}

export interface ExperimentStatus {
  phase?: string;
  message?: string;
  templateStatuses?: TemplateStatus[];
  availableAt?: Time;
  conditions?: ExperimentCondition[];
  analysisRuns?: ExperimentAnalysisRunStatus[];
}

export interface Experiment extends TypedObject<'Experiment'> {
  spec: ExperimentSpec;
  status?: ExperimentStatus;
}

export interface ExperimentList {
  apiVersion?: string;
  kind?: 'ExperimentList';
  metadata?: ListMeta;
  items: Experiment[];
}
