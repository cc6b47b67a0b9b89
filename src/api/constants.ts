/**
 * Strings of the argoproj.io/v1alpha1 API that other tools rely on: group/version, labels and
 * annotations (reference §2.4), pause reasons, phases, condition types, reasons and messages (§2.3).
 */

export const GROUP = 'argoproj.io';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}`;

export const KIND_ROLLOUT = 'Rollout';
export const KIND_ANALYSIS_TEMPLATE = 'AnalysisTemplate';
export const KIND_CLUSTER_ANALYSIS_TEMPLATE = 'ClusterAnalysisTemplate';
export const KIND_ANALYSIS_RUN = 'AnalysisRun';
export const KIND_EXPERIMENT = 'Experiment';

// ---- labels & annotations (§2.4) -------------------------------------------------------------

/** Label on RS, RS selector, RS pod template and pods: the pod-template hash. */
export const LABEL_POD_TEMPLATE_HASH = 'rollouts-pod-template-hash';
/** RS and Rollout annotation: revision number. */
export const ANNOTATION_REVISION = 'rollout.argoproj.io/revision';
/** RS annotation: comma list of previous revisions (rollback to an existing RS). */
export const ANNOTATION_REVISION_HISTORY = 'rollout.argoproj.io/revision-history';
/** RS annotation: spec.replicas at last scale (mismatch on new/stable RS ⇒ scaling event). */
export const ANNOTATION_DESIRED_REPLICAS = 'rollout.argoproj.io/desired-replicas';
/** RS annotation: RFC3339 time after which the RS is scaled to 0. */
export const ANNOTATION_SCALE_DOWN_DEADLINE = 'scale-down-deadline';
/** RS annotation: JSON of injected ephemeral metadata. */
export const ANNOTATION_EPHEMERAL_METADATA = 'rollout.argoproj.io/ephemeral-metadata';
/** Rollout annotation: observed generation of the workloadRef object. */
export const ANNOTATION_WORKLOAD_GENERATION = 'rollout.argoproj.io/workload-generation';
/** Service / DestinationRule / VirtualNode annotation: name of the managing rollout. */
export const ANNOTATION_MANAGED_BY_ROLLOUTS = 'argo-rollouts.argoproj.io/managed-by-rollouts';
/** Ingress (ALB) bookkeeping annotation. */
export const ANNOTATION_MANAGED_ALB_ANNOTATIONS = 'rollouts.argoproj.io/managed-alb-annotations';
/** Deprecated ALB bookkeeping annotation. */
export const ANNOTATION_MANAGED_ALB_ACTIONS = 'rollouts.argoproj.io/managed-alb-actions';
/** Label on Rollouts/AnalysisRuns/Experiments for controller instance segregation. */
export const LABEL_CONTROLLER_INSTANCE_ID = 'argo-rollouts.argoproj.io/controller-instance-id';
/** ReplicaSet restart annotation (restart itself works by eviction). */
export const ANNOTATION_RESTARTED_AFTER = 'argo-rollouts.argoproj.io/restarted-after';
/** AnalysisRun label: how the rollout created it. */
export const LABEL_ROLLOUT_TYPE = 'rollout-type';
/** AnalysisRun label: step index (Step runs only). */
export const LABEL_STEP_INDEX = 'step-index';
export const ROLLOUT_TYPE_STEP = 'Step';
export const ROLLOUT_TYPE_BACKGROUND = 'Background';
export const ROLLOUT_TYPE_PRE_PROMOTION = 'PrePromotion';
export const ROLLOUT_TYPE_POST_PROMOTION = 'PostPromotion';
/** Experiment RS/Service annotations. */
export const ANNOTATION_EXPERIMENT_NAME = 'experiment.argoproj.io/name';
export const ANNOTATION_EXPERIMENT_TEMPLATE_NAME = 'experiment.argoproj.io/template-name';
/** Analysis Job label/annotations. */
export const LABEL_ANALYSIS_RUN_UID = 'analysisrun.argoproj.io/uid';
export const ANNOTATION_ANALYSIS_RUN_NAME = 'analysisrun.argoproj.io/name';
export const ANNOTATION_ANALYSIS_RUN_NAMESPACE = 'analysisrun.argoproj.io/namespace';
export const ANNOTATION_ANALYSIS_METRIC_NAME = 'analysisrun.argoproj.io/metric-name';
/** Rollout annotations that are NOT copied onto ReplicaSets. */
export const ANNOTATIONS_NOT_COPIED_TO_RS: readonly string[] = [
  'kubectl.kubernetes.io/last-applied-configuration',
  ANNOTATION_REVISION,
  ANNOTATION_REVISION_HISTORY,
  ANNOTATION_DESIRED_REPLICAS,
  'notified.notifications.argoproj.io',
];

// ---- phases & pause reasons ------------------------------------------------------------------

export const RolloutPhase = {
  Healthy: 'Healthy',
  Degraded: 'Degraded',
  Progressing: 'Progressing',
  Paused: 'Paused',
} as const;
export type RolloutPhase = (typeof RolloutPhase)[keyof typeof RolloutPhase];

export const PauseReason = {
  InconclusiveAnalysisRun: 'InconclusiveAnalysisRun',
  InconclusiveExperiment: 'InconclusiveExperiment',
  CanaryPauseStep: 'CanaryPauseStep',
  BlueGreenPause: 'BlueGreenPause',
} as const;
export type PauseReason = (typeof PauseReason)[keyof typeof PauseReason];

export const AnalysisPhase = {
  Pending: 'Pending',
  Running: 'Running',
  Successful: 'Successful',
  Failed: 'Failed',
  Error: 'Error',
  Inconclusive: 'Inconclusive',
} as const;
export type AnalysisPhase = (typeof AnalysisPhase)[keyof typeof AnalysisPhase];

/** Successful, Failed, Error and Inconclusive are terminal. */
export function isAnalysisPhaseCompleted(phase: string | undefined): boolean {
  return phase === 'Successful' || phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive';
}

export const CompletionStatus = {
  Promoted: 'Promoted',
  FastPromoted: 'FastPromoted',
  Aborted: 'Aborted',
  Superseded: 'Superseded',
  RolledBack: 'RolledBack',
  FastRolledBack: 'FastRolledBack',
} as const;
export type CompletionStatus = (typeof CompletionStatus)[keyof typeof CompletionStatus];

// ---- conditions (§2.3) -----------------------------------------------------------------------

export const RolloutConditionType = {
  InvalidSpec: 'InvalidSpec',
  Available: 'Available',
  Progressing: 'Progressing',
  ReplicaFailure: 'ReplicaFailure',
  Paused: 'Paused',
  Completed: 'Completed',
  Healthy: 'Healthy',
} as const;
export type RolloutConditionType = (typeof RolloutConditionType)[keyof typeof RolloutConditionType];

export const ConditionReason = {
  InvalidSpec: 'InvalidSpec',
  Available: 'AvailableReason',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ReplicaSetNotAvailable: 'ReplicaSetNotAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  RolloutAborted: 'RolloutAborted',
  RolloutRetry: 'RolloutRetry',
  RolloutPaused: 'RolloutPaused',
  RolloutResumed: 'RolloutResumed',
  RolloutHealthy: 'RolloutHealthy',
  RolloutCompleted: 'RolloutCompleted',
  ServiceReferenceError: 'ServiceReferenceError',
} as const;

/** Kubernetes Event reasons the controller emits (not conditions, but the same vocabulary). */
export const EventReason = {
  RolloutUpdated: 'RolloutUpdated',
  RolloutCompleted: 'RolloutCompleted',
  RolloutNotCompleted: 'RolloutNotCompleted',
  RolloutStepCompleted: 'RolloutStepCompleted',
  RolloutPaused: 'RolloutPaused',
  RolloutResumed: 'RolloutResumed',
  RolloutAborted: 'RolloutAborted',
  ScalingReplicaSet: 'ScalingReplicaSet',
  SwitchService: 'SwitchService',
  TrafficWeightUpdated: 'TrafficWeightUpdated',
  SkipSteps: 'SkipSteps',
  TargetGroupVerified: 'TargetGroupVerified',
  TargetGroupUnverified: 'TargetGroupUnverified',
  TargetGroupVerifyError: 'TargetGroupVerifyError',
  WeightVerifyError: 'WeightVerifyError',
  TrafficRoutingError: 'TrafficRoutingError',
  StepPluginTransition: 'StepPluginTransition',
  RolloutDeleted: 'RolloutDeleted',
  RolloutAddedToInformer: 'RolloutAddedToInformer',
  NewReplicaSetCreated: 'NewReplicaSetCreated',
} as const;

/** Go's `%q` for the strings we quote in messages (JSON escaping is identical for printable text). */
export function quote(s: string): string {
  return JSON.stringify(s);
}

export const ConditionMessage = {
  missingField: (field: string) => `Rollout has missing field '${field}'`,
  selectAll: 'This rollout is selecting all pods. A non-empty selector is required.',
  notAvailable: 'Rollout does not have minimum availability',
  available: 'Rollout has minimum availability',
  rolloutProgressing: (name: string) => `Rollout ${quote(name)} is progressing.`,
  replicaSetProgressing: (rs: string) => `ReplicaSet ${quote(rs)} is progressing.`,
  failedRSCreate: (rs: string, err: string) => `Failed to create new replica set ${quote(rs)}: ${err}`,
  newReplicaSet: (rs: string) => `Created new replica set ${quote(rs)}`,
  newReplicaSetDetailed: (rs: string, revision: number) => `Created ReplicaSet ${rs} (revision ${revision})`,
  foundNewRS: (rs: string) => `Found new replica set ${quote(rs)}`,
  rolloutUpdated: (revision: string) => `Rollout updated to revision ${revision}`,
  rolloutCompleted: (revision: number, hash: string, reason: string) =>
    `Rollout completed update to revision ${revision} (${hash}): ${reason}`,
  rolloutNotCompleted: (revision: number, hash: string) =>
    `Rollout not completed, started update to revision ${revision} (${hash})`,
  healthy: 'Rollout is healthy',
  notHealthy: 'Rollout is not healthy',
  /** `Rollout aborted update to revision %d` (+ `: <msg>` when a cause is known). */
  aborted: (revision: number, detail?: string) =>
    `Rollout aborted update to revision ${revision}${detail ? `: ${detail}` : ''}`,
  retry: 'Retrying Rollout after abort',
  paused: 'Rollout is paused',
  resumed: 'Rollout is resumed',
  stepCompleted: (step: number, total: number, description: string) =>
    `Rollout step ${step}/${total} completed (${description})`,
  trafficWeightUpdated: (details: string) => `Traffic weight updated ${details}`,
  rolloutTimedOut: (name: string) => `Rollout ${quote(name)} has timed out progressing.`,
  replicaSetTimedOut: (rs: string) => `ReplicaSet ${quote(rs)} has timed out progressing.`,
  replicaSetCompleted: (rs: string) => `ReplicaSet ${quote(rs)} has successfully progressed.`,
  rolloutDeleted: (ns: string, name: string) => `Rollout ${ns}/${name} is deleted.`,
  scalingReplicaSet: (direction: 'up' | 'down', rs: string, revision: number, from: number, to: number) =>
    `Scaled ${direction} ReplicaSet ${rs} (revision ${revision}) from ${from} to ${to}`,
  serviceManagedByOther: (svc: string) => `Service ${quote(svc)} is managed by another Rollout`,
  analysisRunFailed: (run: string, rollout: string) => `AnalysisRun '${run}' owned by the Rollout '${quote(rollout)}' failed.`,
  weightVerifyError: (err: string) => `Failed to verify weight: ${err}`,
} as const;

/** Phase messages written to `status.message` (§2.2). */
export const PhaseMessage = {
  manuallyPaused: 'manually paused',
  restarting: 'rollout is restarting',
  moreReplicasNeedUpdate: 'more replicas need to be updated',
  updatedReplicasBecomingAvailable: 'updated replicas are still becoming available',
  activeCutoverPending: 'active service cutover pending',
  waitingForAnalysis: 'waiting for analysis to complete',
  waitingForPostPromotionVerification: 'waiting for post-promotion verification to complete',
  oldReplicasPendingTermination: 'old replicas are pending termination',
  waitingForAllSteps: 'waiting for all steps to complete',
  waitingForSpecObserved: 'waiting for rollout spec update to be observed',
  waitingForUnpause: 'waiting for rollout to unpause',
  waitingForWorkloadObserved: 'waiting for rollout spec update to be observed for the reference workload',
} as const;

// ---- defaults (§1) ---------------------------------------------------------------------------

export const DEFAULT_REPLICAS = 1;
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
export const DEFAULT_MAX_SURGE = '25';
export const DEFAULT_MAX_UNAVAILABLE = '25';
export const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
export const DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS = 30;
export const DEFAULT_AUTO_PROMOTION_ENABLED = true;
export const DEFAULT_ANALYSIS_RUN_SUCCESSFUL_HISTORY_LIMIT = 5;
export const DEFAULT_ANALYSIS_RUN_UNSUCCESSFUL_HISTORY_LIMIT = 5;
export const DEFAULT_MAX_TRAFFIC_WEIGHT = 100;
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
export const DEFAULT_MEASUREMENTS_RETAINED = 10;
export const DEFAULT_EXPERIMENT_TEMPLATE_REPLICAS = 1;
/** InvalidSpec rollouts are requeued every 20s. */
export const INVALID_SPEC_REQUEUE_SECONDS = 20;
/** Unverified traffic weight requeue (`ROLLOUT_VERIFY_RETRY_INTERVAL`). */
export const DEFAULT_VERIFY_RETRY_INTERVAL_SECONDS = 10;
