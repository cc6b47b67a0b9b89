/** deploymentutil's ReplicaSet helpers: ordering, revisions, new/old ReplicaSets, replica counts. Pure. */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import { parseTime } from '../../../kube/time-format.ts';
import { normalizeSemantic } from '../util/semantic.ts';
import { jsonEqual } from '../../../util/json.ts';
import type { DeploymentObject, ReplicaSetObject } from '../util/types.ts';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

export const specReplicas = (rs: ReplicaSetObject | undefined): number => rs?.spec?.replicas ?? 1;

function created(rs: ReplicaSetObject): number {
  return parseTime(rs.metadata.creationTimestamp ?? undefined) ?? 0;
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const ta = created(a);
  const tb = created(b);
  if (ta !== tb) return ta - tb;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes older first. */
export function bySizeOlder(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreation(a, b);
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes newer first. */
export function bySizeNewer(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreation(b, a);
}

export function revisionOf(rs: ReplicaSetObject): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number(v);
}

/** ReplicaSetsByRevision: lower revision first, then by creation. */
export function byRevision(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreation(a, b);
}

export function maxRevision(rses: readonly ReplicaSetObject[]): number {
  return rses.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** Templates equal apart from the pod-template-hash label (null/empty treated as absent). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined): unknown => {
    const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { creationTimestamp?: unknown; labels?: Record<string, string> } };
    if (copy.metadata) {
      delete copy.metadata.creationTimestamp;
      if (copy.metadata.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    }
    return normalizeSemantic(copy);
  };
  return jsonEqual(strip(a), strip(b));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the deployment's. */
export function findNewReplicaSet(d: DeploymentObject, rses: readonly ReplicaSetObject[]): ReplicaSetObject | undefined {
  return [...rses].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export function filterActive(rses: readonly (ReplicaSetObject | undefined)[]): ReplicaSetObject[] {
  return rses.filter((rs): rs is ReplicaSetObject => rs !== undefined && specReplicas(rs) > 0);
}

const sum = (rses: readonly (ReplicaSetObject | undefined)[], f: (rs: ReplicaSetObject) => number): number =>
  rses.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);

/** Sum of spec.replicas. */
export const replicaCount = (rses: readonly (ReplicaSetObject | undefined)[]): number => sum(rses, specReplicas);
/** Sum of status.replicas. */
export const actualReplicaCount = (rses: readonly (ReplicaSetObject | undefined)[]): number => sum(rses, (rs) => rs.status?.replicas ?? 0);
export const readyReplicaCount = (rses: readonly (ReplicaSetObject | undefined)[]): number => sum(rses, (rs) => rs.status?.readyReplicas ?? 0);
export const availableReplicaCount = (rses: readonly (ReplicaSetObject | undefined)[]): number => sum(rses, (rs) => rs.status?.availableReplicas ?? 0);
