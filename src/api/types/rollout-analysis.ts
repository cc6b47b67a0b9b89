import type { AnalysisRunMetadata, DryRun, MeasurementRetention } from './meta.ts';

export interface RolloutAnalysisTemplate {
  templateName: string;
  clusterScope?: boolean;
}

export interface FieldRef {
  fieldPath: string;
}

export type ValueFromPodTemplateHash = 'Stable' | 'Latest';

export interface ArgumentValueFrom {
  podTemplateHashValue?: ValueFromPodTemplateHash;
  fieldRef?: FieldRef;
}

/** Rollout-side argument (`value` is a plain string). */
export interface AnalysisRunArgument {
  name: string;
  value?: string;
  valueFrom?: ArgumentValueFrom;
}

/** Analysis used by steps, background analysis and blue-green pre/post promotion. */
export interface RolloutAnalysis {
  templates?: RolloutAnalysisTemplate[];
  args?: AnalysisRunArgument[];
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  analysisRunMetadata?: AnalysisRunMetadata;
}

/** `canary.analysis`: background analysis with an optional starting step. */
export interface RolloutAnalysisBackground extends RolloutAnalysis {
  startingStep?: number;
}

export interface RolloutAnalysisRunStatus {
  name: string;
  status: string;
  message?: string;
}
