/**
 * Ephemeral pod metadata (reference §1.5): canary/stable (or preview/active) labels and
 * annotations injected into a ReplicaSet's pod template and its live pods. What was injected is
 * remembered in the RS annotation `rollout.argoproj.io/ephemeral-metadata`, so that keys dropped
 * later are removed again.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { PodTemplateMetadata } from '../../api/types/meta.ts';
import { ANNOTATION_EPHEMERAL_METADATA } from '../../api/constants.ts';
import { jsonEqual } from '../../util/json.ts';
import { normalizeJson, type JsonObject } from './merge-patch.ts';

function clean(md: PodTemplateMetadata | undefined): PodTemplateMetadata | undefined {
  if (!md) return undefined;
  const out: PodTemplateMetadata = {};
  if (md.labels && Object.keys(md.labels).length > 0) out.labels = { ...md.labels };
  if (md.annotations && Object.keys(md.annotations).length > 0) out.annotations = { ...md.annotations };
  return out.labels || out.annotations ? out : undefined;
}

/** The metadata recorded in the RS annotation (undefined if none or unreadable). */
export function existingEphemeralMetadata(rs: ReplicaSet): PodTemplateMetadata | undefined {
  const raw = rs.metadata?.annotations?.[ANNOTATION_EPHEMERAL_METADATA];
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as PodTemplateMetadata;
    return clean(parsed);
  } catch {
    return undefined;
  }
}

/**
 * `SyncReplicaSetEphemeralPodMetadata`: the RS with previously injected keys removed from its pod
 * template and `metadata` injected; undefined when nothing changes.
 */
export function syncReplicaSetEphemeralMetadata(rs: ReplicaSet, metadata: PodTemplateMetadata | undefined): ReplicaSet | undefined {
  const existing = existingEphemeralMetadata(rs);
  const wanted = clean(metadata);
  if (jsonEqual(normalizeJson(existing ?? null), normalizeJson(wanted ?? null))) return undefined;
  const out = normalizeJson(rs);
  const tmplMeta = { ...(out.spec?.template?.metadata ?? {}) };
  const labels = { ...(tmplMeta.labels ?? {}) };
  const annotations = { ...(tmplMeta.annotations ?? {}) };
  for (const k of Object.keys(existing?.labels ?? {})) delete labels[k];
  for (const k of Object.keys(existing?.annotations ?? {})) delete annotations[k];
  Object.assign(labels, wanted?.labels ?? {});
  Object.assign(annotations, wanted?.annotations ?? {});
  tmplMeta.labels = labels;
  if (Object.keys(annotations).length > 0) tmplMeta.annotations = annotations;
  else delete tmplMeta.annotations;
  out.spec = { ...(out.spec ?? { selector: {} }), template: { ...(out.spec?.template ?? {}), metadata: tmplMeta } };
  const rsAnnotations = { ...(out.metadata?.annotations ?? {}) };
  if (wanted) rsAnnotations[ANNOTATION_EPHEMERAL_METADATA] = JSON.stringify(wanted);
  else delete rsAnnotations[ANNOTATION_EPHEMERAL_METADATA];
  out.metadata = { ...(out.metadata ?? {}), annotations: rsAnnotations };
  return out;
}

/** Merge patch for a live pod: drop previously injected keys, set the wanted ones. */
export function podMetadataPatch(previous: PodTemplateMetadata | undefined, wanted: PodTemplateMetadata | undefined): JsonObject | undefined {
  const section = (prev: Record<string, string> | undefined, next: Record<string, string> | undefined): JsonObject | undefined => {
    const out: JsonObject = {};
    for (const k of Object.keys(prev ?? {})) out[k] = null;
    for (const [k, v] of Object.entries(next ?? {})) out[k] = v;
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const labels = section(previous?.labels, wanted?.labels);
  const annotations = section(previous?.annotations, wanted?.annotations);
  if (!labels && !annotations) return undefined;
  const metadata: JsonObject = {};
  if (labels) metadata['labels'] = labels;
  if (annotations) metadata['annotations'] = annotations;
  return { metadata };
}

