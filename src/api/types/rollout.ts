import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { LabelSelector, ListMeta, Time, TypedObject } from './meta.ts';
import type { RolloutStrategy } from './rollout-strategy.ts';
import type { RolloutStatus } from './rollout-status.ts';

export type WorkloadRefScaleDown = 'never' | 'onsuccess' | 'progressively';

export interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  name?: string;
  scaleDown?: WorkloadRefScaleDown;
}

export interface RollbackWindowSpec {
  revisions?: number;
}

export interface AnalysisRunStrategy {
  successfulRunHistoryLimit?: number;
  unsuccessfulRunHistoryLimit?: number;
}

export interface RolloutSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  workloadRef?: ObjectRef;
  minReadySeconds?: number;
  strategy: RolloutStrategy;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
  progressDeadlineAbort?: boolean;
  restartAt?: Time;
  rollbackWindow?: RollbackWindowSpec;
  analysis?: AnalysisRunStrategy;
}

export interface Rollout extends TypedObject<'Rollout'> {
  spec: RolloutSpec;
  status?: RolloutStatus;
}

export interface RolloutList {
  apiVersion?: string;
  kind?: 'RolloutList';
  metadata?: ListMeta;
  items: Rollout[];
}
