import type { IntOrString } from '../intstr.ts';
import type { PodTemplateMetadata } from './meta.ts';
import type { CanaryStep } from './canary-steps.ts';
import type { RolloutAnalysis, RolloutAnalysisBackground } from './rollout-analysis.ts';
import type { RolloutTrafficRouting } from './traffic-routing.ts';

export interface PreferredDuringSchedulingIgnoredDuringExecution {
  weight: number;
}

export interface RequiredDuringSchedulingIgnoredDuringExecution {}

/** Exactly one of the two. */
export interface AntiAffinity {
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredDuringSchedulingIgnoredDuringExecution;
  requiredDuringSchedulingIgnoredDuringExecution?: RequiredDuringSchedulingIgnoredDuringExecution;
}

export interface BlueGreenStrategy {
  activeService: string;
  previewService?: string;
  previewReplicaCount?: number;
  autoPromotionEnabled?: boolean;
  autoPromotionSeconds?: number;
  maxUnavailable?: IntOrString;
  scaleDownDelaySeconds?: number;
  scaleDownDelayRevisionLimit?: number;
  abortScaleDownDelaySeconds?: number;
  prePromotionAnalysis?: RolloutAnalysis;
  postPromotionAnalysis?: RolloutAnalysis;
  antiAffinity?: AntiAffinity;
  previewMetadata?: PodTemplateMetadata;
  activeMetadata?: PodTemplateMetadata;
}

export interface PingPongSpec {
  pingService: string;
  pongService: string;
}

/** *(new)* step completion threshold for setWeight/setCanaryScale steps. */
export interface ReplicaProgressThreshold {
  type: 'Percent' | 'Pods';
  value: number;
}

export interface CanaryStrategy {
  canaryService?: string;
  stableService?: string;
  steps?: CanaryStep[];
  trafficRouting?: RolloutTrafficRouting;
  maxUnavailable?: IntOrString;
  maxSurge?: IntOrString;
  analysis?: RolloutAnalysisBackground;
  antiAffinity?: AntiAffinity;
  canaryMetadata?: PodTemplateMetadata;
  stableMetadata?: PodTemplateMetadata;
  scaleDownDelaySeconds?: number;
  scaleDownDelayRevisionLimit?: number;
  abortScaleDownDelaySeconds?: number;
  dynamicStableScale?: boolean;
  pingPong?: PingPongSpec;
  minPodsPerReplicaSet?: number;
  replicaProgressThreshold?: ReplicaProgressThreshold;
}

export interface RolloutStrategy {
  blueGreen?: BlueGreenStrategy;
  canary?: CanaryStrategy;
}
