/** The deployment.kubernetes.io/* annotations on ReplicaSets (deploymentutil). Pure; functions mutate the given copy. */
import type { DeploymentObject, ReplicaSetObject } from '../util/types.ts';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  specReplicas,
} from './rs-util.ts';

/** Kubernetes' default --deployment-controller revision-history annotation limit, in characters. */
export const MAX_REV_HISTORY_CHARS = 2000;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
const SKIPPED = new Set([LAST_APPLIED, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);

export function skipCopyAnnotation(key: string): boolean {
  return SKIPPED.has(key);
}

/** Copies the deployment's annotations (but the skipped ones) onto the ReplicaSet; true if any changed. */
export function copyDeploymentAnnotations(d: DeploymentObject, rs: ReplicaSetObject): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

function parseRevision(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return 0;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true if they changed. */
export function setReplicasAnnotations(rs: ReplicaSetObject, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSetObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copies the deployment's annotations, moves the revision up to
 * `newRevision` (keeping the old one in revision-history when rolling back to this ReplicaSet), and on a
 * ReplicaSet about to be created sets the replica annotations. True if anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: DeploymentObject,
  rs: ReplicaSetObject,
  newRevision: string,
  exists: boolean,
  desired: number,
  max: number,
  historyLimitChars = MAX_REV_HISTORY_CHARS,
): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const had = Object.prototype.hasOwnProperty.call(annotations, REVISION_ANNOTATION);
  const oldRevision = annotations[REVISION_ANNOTATION] ?? '';
  const oldInt = parseRevision(oldRevision);
  const newInt = parseRevision(newRevision);
  if (oldInt === undefined || newInt === undefined) return false;
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (had && oldInt < newInt) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
    let old = history.split(',');
    if (old[0] === '') annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > historyLimitChars && start < old.length) {
        total -= (old[start] as string).length + 1;
        start++;
      }
      if (total <= historyLimitChars) {
        old = [...old.slice(start), oldRevision];
        annotations[REVISION_HISTORY_ANNOTATION] = old.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, desired, max)) changed = true;
  return changed;
}

/** IsSaturated: the ReplicaSet runs exactly the deployment's replicas, all available. */
export function isSaturated(desired: number, rs: ReplicaSetObject | undefined): boolean {
  if (!rs) return false;
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return false;
  return specReplicas(rs) === desired && Number(v) === desired && (rs.status?.availableReplicas ?? 0) === desired;
}

/** GetDesiredReplicasAnnotation. */
export function desiredReplicasAnnotation(rs: ReplicaSetObject): number | undefined {
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** getMaxReplicasAnnotation. */
export function maxReplicasAnnotation(rs: ReplicaSetObject): number | undefined {
  const v = rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export { specReplicas };
