/** `undo [--to-revision N]`: pick the ReplicaSet of the target revision and restore its pod template. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import { ANNOTATION_REVISION, LABEL_POD_TEMPLATE_HASH } from '../../api/constants.ts';
import { deepDerivative } from './deep-derivative.ts';

function revisionOf(rs: ReplicaSet): number | undefined {
  const raw = rs.metadata?.annotations?.[ANNOTATION_REVISION];
  if (raw === undefined) return 0;
  return /^[+-]?\d+$/.test(raw) ? Number.parseInt(raw, 10) : undefined;
}

/**
 * The ReplicaSet to roll back to: revision `toRevision`, or (0) the second newest revision.
 * Throws Argo's messages when there is none.
 */
export function rolloutRevision(rolloutName: string, owned: readonly ReplicaSet[], toRevision: number): ReplicaSet {
  let latest: { rs: ReplicaSet; rev: number } | undefined;
  let previous: { rs: ReplicaSet; rev: number } | undefined;
  for (const rs of owned) {
    const rev = revisionOf(rs);
    if (rev === undefined) continue;
    if (toRevision === 0) {
      if ((latest?.rev ?? -1) < rev) {
        previous = latest;
        latest = { rs, rev };
      } else if ((previous?.rev ?? -1) < rev) {
        previous = { rs, rev };
      }
    } else if (rev === toRevision) {
      return rs;
    }
  }
  if (toRevision > 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new Error(`no revision found for rollout ${JSON.stringify(rolloutName)}`);
  return previous.rs;
}

export function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(template ?? {}) as PodTemplateSpec & { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) delete copy.metadata.labels[LABEL_POD_TEMPLATE_HASH];
  return copy;
}

/** The rollout's template already equals the ReplicaSet's (ignoring the hash label). */
export function templateMatches(rolloutTemplate: PodTemplateSpec | undefined, rs: ReplicaSet): boolean {
  if (!rolloutTemplate) return false;
  return deepDerivative(withoutHashLabel(rolloutTemplate), withoutHashLabel(rs.spec?.template));
}

/** The JSON patch that puts the ReplicaSet's template (minus the hash label) back on the rollout. */
export function undoPatch(rs: ReplicaSet): Array<{ op: 'replace'; path: '/spec/template'; value: PodTemplateSpec }> {
  return [{ op: 'replace', path: '/spec/template', value: withoutHashLabel(rs.spec?.template) }];
}

export function isControlledBy(rs: ReplicaSet, uid: string): boolean {
  return (rs.metadata?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}
