/** A ReplicaSet's status from its active pods (Kubernetes' calculateStatus), and when it next changes. Pure. */
import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1.js';
import { formatTime } from '../../../kube/time-format.ts';
import { matchesLabels } from '../util/labels.ts';
import { getCondition, removeCondition, setCondition } from '../util/conditions.ts';
import { isPodAvailable, isPodReady, podAvailableAt } from '../util/pod-readiness.ts';
import { semanticEqual } from '../util/semantic.ts';
import type { PodObject, ReplicaSetObject } from '../util/types.ts';

export const REPLICA_FAILURE = 'ReplicaFailure';

export interface StatusResult {
  status: ReplicaSetStatus;
  /** When a ready pod becomes available (minReadySeconds), if one will. */
  nextAvailableAt?: number;
}

/**
 * `pods` are the active pods the ReplicaSet owns (before this sync's creates/deletes);
 * `manageError` is the error of this sync's creates/deletes, if any.
 */
export function calculateStatus(rs: ReplicaSetObject, pods: readonly PodObject[], manageError: string | undefined, now: number): StatusResult {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let nextAvailableAt: number | undefined;
  for (const pod of pods) {
    if (matchesLabels(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (!isPodReady(pod)) continue;
    ready++;
    if (isPodAvailable(pod, minReady, now)) available++;
    else {
      const at = podAvailableAt(pod, minReady, now);
      if (at !== undefined && (nextAvailableAt === undefined || at < nextAvailableAt)) nextAvailableAt = at;
    }
  }
  const prev = rs.status ?? { replicas: 0 };
  let conditions: ReplicaSetCondition[] | undefined = prev.conditions;
  const failure = getCondition(prev.conditions, REPLICA_FAILURE);
  if (manageError !== undefined && !failure) {
    const diff = pods.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = setCondition(prev.conditions, {
      type: REPLICA_FAILURE,
      status: 'True',
      reason,
      message: manageError,
      lastTransitionTime: formatTime(now),
    });
  } else if (manageError === undefined && failure) {
    conditions = removeCondition(prev.conditions, REPLICA_FAILURE);
  }
  const status: ReplicaSetStatus = {
    replicas: pods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 0,
  };
  if (conditions && conditions.length > 0) status.conditions = conditions;
  return { status, nextAvailableAt };
}

/** True when the stored status already says this (zero counts and absent fields are the same). */
export function rsStatusEqual(current: ReplicaSetStatus | undefined, next: ReplicaSetStatus): boolean {
  const c = current ?? { replicas: 0 };
  return (
    (c.replicas ?? 0) === next.replicas &&
    (c.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (c.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (c.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (c.observedGeneration ?? 0) === (next.observedGeneration ?? 0) &&
    semanticEqual(c.conditions, next.conditions)
  );
}
