/** The writes a Deployment sync decides on, executed in order by the controller. */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1.js';
import type { EventType } from '../../../kube/events.ts';
import type { ReplicaSetObject } from '../util/types.ts';

export type DeploymentAction =
  /** Create the new ReplicaSet (on AlreadyExists the controller checks for a hash collision). */
  | { kind: 'createReplicaSet'; rs: ReplicaSetObject }
  /** PUT an existing ReplicaSet (scale, annotations, minReadySeconds); conditional on its resourceVersion. */
  | { kind: 'updateReplicaSet'; rs: ReplicaSetObject }
  | { kind: 'deleteReplicaSet'; rs: ReplicaSetObject }
  /** Set the deployment's revision annotation (Kubernetes writes it through /status). */
  | { kind: 'setRevision'; revision: string }
  | { kind: 'updateStatus'; status: DeploymentStatus }
  | { kind: 'event'; type: EventType; reason: string; message: string };

export interface DeploymentPlan {
  actions: DeploymentAction[];
  /** Look again after this long (progress deadline). */
  requeueAfterMs?: number;
}
