/**
 * The two halves of a reconcile meet here: what the controller observed about one Rollout
 * (`RolloutObservation`, read from informer caches) and what it should write (`RolloutPlan`).
 * `decideRollout` turns the first into the second without any I/O.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod, PodTemplateSpec, Service } from 'kubernetes-types/core/v1.js';
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { Rollout } from '../../api/types/rollout.ts';
import type { RolloutStatus } from '../../api/types/rollout-status.ts';
import type { JsonObject } from './merge-patch.ts';

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'PodTemplate';

/** The object behind `spec.workloadRef`, in the shape the resolver needs. */
export interface WorkloadObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  /** Deployment / ReplicaSet. */
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec };
  /** PodTemplate. */
  template?: PodTemplateSpec;
  status?: { readyReplicas?: number; replicas?: number };
}

export interface WorkloadObservation {
  kind: string;
  name: string;
  /** undefined: not found (or not synced yet). */
  object?: WorkloadObject;
}

export interface RolloutObservation {
  /** The Rollout as read from the cache (nothing defaulted). */
  rollout: Rollout;
  /** ReplicaSets whose controller owner reference is this Rollout. */
  replicaSets: readonly ReplicaSet[];
  /** Any ReplicaSet of the rollout's namespace by name (hash-collision detection). */
  replicaSetNamed?: (name: string) => ReplicaSet | undefined;
  /** Services of the rollout's namespace by name (only the referenced ones are consulted). */
  services: ReadonlyMap<string, Service>;
  /** Pods of the rollout's ReplicaSets; the controller supplies them only when `needsPods` says so. */
  pods?: readonly Pod[];
  /** The `spec.workloadRef` object. */
  workload?: WorkloadObservation;
  now: number;
}

export type EventType = 'Normal' | 'Warning';

export interface PlannedEvent {
  type: EventType;
  reason: string;
  message: string;
}

/** Merge patch for an existing object, with the events to record once it is written. */
export interface PlannedPatch {
  name: string;
  patch: JsonObject;
  events: PlannedEvent[];
}

export interface PlannedReplicaSetCreate {
  replicaSet: ReplicaSet;
  events: PlannedEvent[];
}

/** Ephemeral labels/annotations to apply to the live pods of one ReplicaSet. */
export interface PlannedPodMetadataUpdate {
  replicaSetName: string;
  podTemplateHash: string;
  /** metadata merge patch for each pod of the ReplicaSet (null = remove). */
  patch: JsonObject;
}

export interface PlannedWorkloadScale {
  kind: WorkloadKind;
  name: string;
  replicas: number;
}

/** Weights for traffic routers (a later issue plugs routers in; the plan only carries them). */
export interface PlannedTrafficWeights {
  canaryHash: string;
  stableHash: string;
  weight: number;
}

export interface RolloutPlan {
  /** Merge patch on the Rollout itself (metadata annotations, `spec.replicas` default). */
  rolloutPatch?: JsonObject;
  /** When true, nothing else is to be written this round (e.g. spec.replicas defaulting). */
  stopAfterRolloutPatch?: boolean;
  createReplicaSet?: PlannedReplicaSetCreate;
  replicaSetPatches: PlannedPatch[];
  servicePatches: PlannedPatch[];
  /** Pods to evict (restart), in order. */
  evictPods: string[];
  podMetadataUpdates: PlannedPodMetadataUpdate[];
  deleteReplicaSets: string[];
  workloadScale?: PlannedWorkloadScale;
  trafficWeights?: PlannedTrafficWeights;
  /** The complete new status. */
  status: RolloutStatus;
  /** Merge patch for the status subresource; undefined when the status did not change. */
  statusPatch?: JsonObject;
  /** Events to record after the status is written. */
  events: PlannedEvent[];
  /** Reconcile again after this many ms (earliest deadline), if set. */
  requeueAfterMs?: number;
  /** Why this reconcile ended where it did (logs, tests). */
  notes: string[];
}
