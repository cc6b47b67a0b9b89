/** Read-only helpers over observed ReplicaSets (apps/v1), as the controller's decision functions see them. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Rollout } from '../api/types/rollout.ts';
import { ANNOTATION_REVISION, ANNOTATION_SCALE_DOWN_DEADLINE, LABEL_POD_TEMPLATE_HASH } from '../api/constants.ts';

export type { ReplicaSet };

/** `spec.replicas` (the API server defaults a missing value to 1). */
export function specReplicas(rs: ReplicaSet | undefined): number {
  if (!rs) return 0;
  return rs.spec?.replicas ?? 1;
}

export function availableReplicas(rs: ReplicaSet | undefined): number {
  return rs?.status?.availableReplicas ?? 0;
}

export function readyReplicas(rs: ReplicaSet | undefined): number {
  return rs?.status?.readyReplicas ?? 0;
}

/** `status.replicas`: pods that actually exist. */
export function actualReplicas(rs: ReplicaSet | undefined): number {
  return rs?.status?.replicas ?? 0;
}

export function podTemplateHash(rs: ReplicaSet | undefined): string {
  return rs?.metadata?.labels?.[LABEL_POD_TEMPLATE_HASH] ?? '';
}

export function rsName(rs: ReplicaSet | undefined): string {
  return rs?.metadata?.name ?? '';
}

export function sameReplicaSet(a: ReplicaSet | undefined, b: ReplicaSet | undefined): boolean {
  return a !== undefined && b !== undefined && rsName(a) === rsName(b);
}

export function sumSpecReplicas(list: ReadonlyArray<ReplicaSet | undefined>): number {
  return list.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

export function sumAvailableReplicas(list: ReadonlyArray<ReplicaSet | undefined>): number {
  return list.reduce((n, rs) => n + availableReplicas(rs), 0);
}

export function sumReadyReplicas(list: ReadonlyArray<ReplicaSet | undefined>): number {
  return list.reduce((n, rs) => n + readyReplicas(rs), 0);
}

export function sumActualReplicas(list: ReadonlyArray<ReplicaSet | undefined>): number {
  return list.reduce((n, rs) => n + actualReplicas(rs), 0);
}

/** The RS whose hash label equals `hash` ('' never matches). */
export function findByHash(list: readonly ReplicaSet[], hash: string | undefined): ReplicaSet | undefined {
  if (!hash) return undefined;
  return list.find((rs) => podTemplateHash(rs) === hash);
}

/** Stable RS = RS whose hash is `status.stableRS` (the new RS first). */
export function getStableRS(ro: Rollout, newRS: ReplicaSet | undefined, all: readonly ReplicaSet[]): ReplicaSet | undefined {
  const stable = ro.status?.stableRS;
  if (!stable) return undefined;
  if (newRS && podTemplateHash(newRS) === stable) return newRS;
  return findByHash(all, stable);
}

/** True when a stable RS exists and it is not the new RS. */
export function checkStableRSExists(newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined): boolean {
  if (!stableRS) return false;
  if (!newRS) return true;
  return rsName(newRS) !== rsName(stableRS);
}

/** All RSs that are neither new nor stable. */
export function getOtherRSs(newRS: ReplicaSet | undefined, stableRS: ReplicaSet | undefined, all: readonly ReplicaSet[]): ReplicaSet[] {
  return all.filter((rs) => !(stableRS && rsName(rs) === rsName(stableRS)) && !(newRS && rsName(rs) === rsName(newRS)));
}

/** RSs that have, or ought to have, pods. */
export function filterActive(list: readonly ReplicaSet[]): ReplicaSet[] {
  return list.filter((rs) => specReplicas(rs) > 0);
}

/** `rollout.argoproj.io/revision` as a number; 0 when absent, NaN when unparsable. */
export function revisionOf(rs: ReplicaSet | undefined): number {
  const v = rs?.metadata?.annotations?.[ANNOTATION_REVISION];
  if (v === undefined) return 0;
  return /^\d+$/.test(v) ? Number.parseInt(v, 10) : Number.NaN;
}

export function maxRevision(list: readonly ReplicaSet[]): number {
  return list.reduce((m, rs) => {
    const r = revisionOf(rs);
    return Number.isFinite(r) && r > m ? r : m;
  }, 0);
}

function creationMs(rs: ReplicaSet): number {
  const t = rs.metadata?.creationTimestamp;
  return t ? Date.parse(t) : 0;
}

/** Oldest revision first; creationTimestamp breaks ties; unparsable revisions sort first. */
export function sortByRevision(list: readonly ReplicaSet[]): ReplicaSet[] {
  return [...list].sort((a, b) => {
    const ra = revisionOf(a);
    const rb = revisionOf(b);
    const ea = !Number.isFinite(ra);
    const eb = !Number.isFinite(rb);
    if (ea && eb) return creationMs(a) - creationMs(b);
    if (ea) return -1;
    if (eb) return 1;
    if (ra === rb) return creationMs(a) - creationMs(b);
    return ra - rb;
  });
}

/** Oldest creationTimestamp first (name breaks ties), like `ReplicaSetsByCreationTimestamp`. */
export function sortByCreation(list: readonly ReplicaSet[]): ReplicaSet[] {
  return [...list].sort((a, b) => creationMs(a) - creationMs(b) || rsName(a).localeCompare(rsName(b)));
}

export function hasScaleDownDeadline(rs: ReplicaSet | undefined): boolean {
  return !!rs?.metadata?.annotations?.[ANNOTATION_SCALE_DOWN_DEADLINE];
}

/** The `scale-down-deadline` annotation in epoch ms; undefined if absent or unparsable. */
export function scaleDownDeadlineMs(rs: ReplicaSet | undefined): number | undefined {
  const v = rs?.metadata?.annotations?.[ANNOTATION_SCALE_DOWN_DEADLINE];
  if (!v) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Scaled up and every desired pod available. */
export function isReplicaSetAvailable(rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const replicas = specReplicas(rs);
  const available = availableReplicas(rs);
  return replicas !== 0 && available !== 0 && replicas <= available;
}

export function isReplicaSetPartiallyAvailable(rs: ReplicaSet | undefined): boolean {
  return availableReplicas(rs) > 0;
}

/** RFC3339 (seconds precision, UTC) as Go's `time.RFC3339` formatting of a UTC time. */
export function formatRFC3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
