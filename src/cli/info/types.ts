/**
 * The tree view's model (Argo's `info` package): plain records derived from a Rollout or
 * Experiment and the objects it owns. Built by the pure functions next to this file.
 */

export interface ObjectInfo {
  name: string;
  namespace: string;
  uid: string;
  /** RFC 3339, empty when unknown. */
  creationTimestamp: string;
}

export interface PodInfo extends ObjectInfo {
  status: string;
  icon: string;
  /** `ready/total` containers. */
  ready: string;
  restarts: number;
}

export interface ReplicaSetInfo extends ObjectInfo {
  status: string;
  icon: string;
  revision: number;
  /** Experiment template name (experiment ReplicaSets). */
  template: string;
  /** The `scale-down-deadline` annotation, if any. */
  scaleDownDeadline: string;
  stable: boolean;
  canary: boolean;
  active: boolean;
  preview: boolean;
  ping: boolean;
  pong: boolean;
  replicas: number;
  available: number;
  images: string[];
  pods: PodInfo[];
}

export interface JobInfo extends ObjectInfo {
  status: string;
  icon: string;
  metricName: string;
}

export interface AnalysisRunInfo extends ObjectInfo {
  status: string;
  icon: string;
  revision: number;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  jobs: JobInfo[];
}

export interface ExperimentInfo extends ObjectInfo {
  status: string;
  message: string;
  icon: string;
  revision: number;
  replicaSets: ReplicaSetInfo[];
  analysisRuns: AnalysisRunInfo[];
}

export interface RolloutInfo extends ObjectInfo {
  status: string;
  message: string;
  icon: string;
  /** `Canary`, `BlueGreen` or empty. */
  strategy: string;
  /** `i/n`, empty without steps. */
  step: string;
  setWeight: string;
  actualWeight: string;
  desired: number;
  current: number;
  updated: number;
  ready: number;
  available: number;
  replicaSets: ReplicaSetInfo[];
  experiments: ExperimentInfo[];
  analysisRuns: AnalysisRunInfo[];
}

export interface ImageInfo {
  image: string;
  tags: string[];
}
