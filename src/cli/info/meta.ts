/** Shared helpers of the info builders: metadata, owner references, revision annotations. */
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { ANNOTATION_EXPERIMENT_TEMPLATE_NAME, ANNOTATION_REVISION, ANNOTATION_SCALE_DOWN_DEADLINE } from '../../api/constants.ts';
import type { ObjectInfo } from './types.ts';

export function objectInfo(meta: ObjectMeta | undefined): ObjectInfo {
  return {
    name: meta?.name ?? '',
    namespace: meta?.namespace ?? '',
    uid: meta?.uid ?? '',
    creationTimestamp: meta?.creationTimestamp ?? '',
  };
}

/** The UID among `uids` that one of the object's owner references points to. */
export function ownerUid(meta: ObjectMeta | undefined, uids: ReadonlySet<string>): string | undefined {
  for (const ref of meta?.ownerReferences ?? []) if (uids.has(ref.uid)) return ref.uid;
  return undefined;
}

export function isOwnedBy(meta: ObjectMeta | undefined, uid: string): boolean {
  return uid !== '' && ownerUid(meta, new Set([uid])) !== undefined;
}

/** `rollout.argoproj.io/revision` as an int (0 when absent or not a number, as Go's Atoi). */
export function parseRevision(meta: ObjectMeta | undefined): number {
  const raw = meta?.annotations?.[ANNOTATION_REVISION];
  return raw !== undefined && /^[+-]?\d+$/.test(raw) ? Number.parseInt(raw, 10) : 0;
}

export function experimentTemplateName(meta: ObjectMeta | undefined): string {
  return meta?.annotations?.[ANNOTATION_EXPERIMENT_TEMPLATE_NAME] ?? '';
}

export function scaleDownDeadline(meta: ObjectMeta | undefined): string {
  return meta?.annotations?.[ANNOTATION_SCALE_DOWN_DEADLINE] ?? '';
}

/** Milliseconds of an RFC 3339 timestamp; empty/invalid sorts first, as Go's zero time. */
export function timeValue(ts: string): number {
  const ms = ts ? Date.parse(ts) : Number.NaN;
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
}
