import type { Time } from './meta.ts';
import type { RolloutAnalysisRunStatus } from './rollout-analysis.ts';

export interface PauseCondition {
  reason: string;
  startTime: Time;
}

export interface RolloutCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: Time;
  lastTransitionTime: Time;
  reason: string;
  message: string;
}

export interface WeightDestination {
  weight: number;
  serviceName?: string;
  podTemplateHash?: string;
}

export interface TrafficWeights {
  canary: WeightDestination;
  stable: WeightDestination;
  additional?: WeightDestination[];
  verified?: boolean;
}

export type StepPluginOperation = 'Run' | 'Terminate' | 'Abort';
export type StepPluginPhase = 'Running' | 'Successful' | 'Failed' | 'Error';

export interface StepPluginStatus {
  index: number;
  name: string;
  operation: StepPluginOperation;
  phase?: StepPluginPhase;
  message?: string;
  startedAt?: Time;
  updatedAt?: Time;
  finishedAt?: Time;
  /** Go duration string. */
  backoff?: string;
  executions?: number;
  disabled?: boolean;
  status?: unknown;
}

export type PingPongType = 'ping' | 'pong';

export interface CanaryStatus {
  currentStepAnalysisRunStatus?: RolloutAnalysisRunStatus;
  currentBackgroundAnalysisRunStatus?: RolloutAnalysisRunStatus;
  currentExperiment?: string;
  weights?: TrafficWeights;
  stablePingPong?: PingPongType;
  stepPluginStatuses?: StepPluginStatus[];
}

export interface BlueGreenStatus {
  previewSelector?: string;
  activeSelector?: string;
  scaleUpPreviewCheckPoint?: boolean;
  prePromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
  postPromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
}

export interface AwsResourceRef {
  name: string;
  arn: string;
  fullName?: string;
}

export interface ALBStatus {
  loadBalancer?: AwsResourceRef;
  canaryTargetGroup?: AwsResourceRef;
  stableTargetGroup?: AwsResourceRef;
  ingress?: string;
}

/** *(new)* rollout timing bookkeeping. */
export interface RolloutDuration {
  rolloutStartedAt?: Time;
  manualPauseStartedAt?: Time;
  totalManualPauseDurationSeconds?: number;
  finishedAt?: Time;
  completionStatus?: string;
}

export interface RolloutStatus {
  abort?: boolean;
  pauseConditions?: PauseCondition[];
  controllerPause?: boolean;
  abortedAt?: Time;
  currentPodHash?: string;
  currentStepHash?: string;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  currentStepIndex?: number;
  collisionCount?: number;
  /** A **string** (`strconv.Itoa(metadata.generation)`). */
  observedGeneration?: string;
  conditions?: RolloutCondition[];
  canary?: CanaryStatus;
  blueGreen?: BlueGreenStatus;
  /** Capitalised JSON key, as Argo. */
  HPAReplicas?: number;
  selector?: string;
  stableRS?: string;
  restartedAt?: Time;
  promoteFull?: boolean;
  phase?: string;
  message?: string;
  workloadObservedGeneration?: string;
  alb?: ALBStatus;
  albs?: ALBStatus[];
  duration?: RolloutDuration;
}
