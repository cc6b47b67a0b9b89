/**
 * The new ReplicaSet (reference §3.1, §2.4): finding it (hash, then semantic template equality),
 * building it (`<rollout>-<hash>`, labels, selector, annotations, owner reference, injected
 * anti-affinity and ephemeral metadata), detecting name collisions, and keeping its revision
 * annotations in sync (`getAllReplicaSetsAndSyncRevision`).
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { Rollout } from '../../api/types/rollout.ts';
import type { PodTemplateMetadata } from '../../api/types/meta.ts';
import {
  ANNOTATION_DESIRED_REPLICAS,
  ANNOTATION_REVISION,
  ANNOTATION_REVISION_HISTORY,
  ANNOTATIONS_NOT_COPIED_TO_RS,
  API_VERSION,
  ConditionMessage,
  ConditionReason,
  EventReason,
  KIND_ROLLOUT,
  LABEL_POD_TEMPLATE_HASH,
  RolloutConditionType,
} from '../../api/constants.ts';
import { getCondition, newCondition } from '../conditions.ts';
import { currentPodHash } from '../hash.ts';
import { maxRevision, podTemplateHash, rsName, sortByCreation } from '../replicasets.ts';
import { generateReplicaSetAffinity, injectedAntiAffinityNeedsUpdate } from './anti-affinity.ts';
import type { DecideContext } from './context.ts';
import { syncReplicaSetEphemeralMetadata } from './ephemeral-metadata.ts';
import { normalizeJson } from './merge-patch.ts';
import { podTemplateEqualIgnoreHash } from './template-equality.ts';
import type { PlannedEvent } from './types.ts';

/** `FindNewReplicaSet`: by hash label first, then by semantic template equality (oldest first). */
export function findNewReplicaSet(ro: Rollout, list: readonly ReplicaSet[]): ReplicaSet | undefined {
  const sorted = sortByCreation(list);
  const hash = currentPodHash(ro);
  return sorted.find((rs) => podTemplateHash(rs) === hash) ?? sorted.find((rs) => podTemplateEqualIgnoreHash(rs, ro.spec.template));
}

/** `<rollout name>-<hash>`. */
export function newReplicaSetName(ro: Rollout, hash: string): string {
  return `${ro.metadata?.name ?? ''}-${hash}`;
}

export function controllerRef(ro: Rollout): OwnerReference {
  return {
    apiVersion: API_VERSION,
    kind: KIND_ROLLOUT,
    name: ro.metadata?.name ?? '',
    uid: ro.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** True when the RS's controller owner reference is this rollout. */
export function isControlledBy(rs: ReplicaSet, ro: Rollout): boolean {
  const uid = ro.metadata?.uid;
  return (rs.metadata?.ownerReferences ?? []).some((o) => o.controller === true && !!uid && o.uid === uid);
}

/**
 * `SetNewReplicaSetAnnotations`: copy the rollout's annotations (bar the skip list), raise the
 * revision to `newRevision` if it is lower (recording the old one in revision-history), and on
 * creation set desired-replicas. Returns the new annotation map and whether it changed.
 */
export function newReplicaSetAnnotations(
  ro: Rollout,
  existing: Record<string, string> | undefined,
  newRevision: number,
  exists: boolean,
): { annotations: Record<string, string>; changed: boolean } {
  const out: Record<string, string> = { ...(existing ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries(ro.metadata?.annotations ?? {})) {
    if (ANNOTATIONS_NOT_COPIED_TO_RS.includes(k) || out[k] === v) continue;
    out[k] = v;
    changed = true;
  }
  const oldRevision = out[ANNOTATION_REVISION];
  const had = oldRevision !== undefined;
  let oldInt = 0;
  if (had && oldRevision !== '') {
    if (!/^\d+$/.test(oldRevision)) return { annotations: out, changed: false };
    oldInt = Number.parseInt(oldRevision, 10);
  }
  let revisionChanged = false;
  if (oldInt < newRevision) {
    out[ANNOTATION_REVISION] = String(newRevision);
    changed = true;
    revisionChanged = true;
  }
  if (had && revisionChanged && oldRevision !== undefined) {
    const history = out[ANNOTATION_REVISION_HISTORY] ?? '';
    out[ANNOTATION_REVISION_HISTORY] = history === '' ? oldRevision : `${history},${oldRevision}`;
  }
  if (!exists) {
    const desired = String(ro.spec.replicas ?? 1);
    if (out[ANNOTATION_DESIRED_REPLICAS] !== desired) {
      out[ANNOTATION_DESIRED_REPLICAS] = desired;
      changed = true;
    }
  }
  return { annotations: out, changed };
}

/** Ephemeral metadata a brand-new RS starts with: canary/preview while a distinct stable exists. */
function initialEphemeralMetadata(ctx: DecideContext): PodTemplateMetadata | undefined {
  const { canary, blueGreen } = ctx.ro.spec.strategy;
  const distinctStable = ctx.stableRS !== undefined && ctx.stableRS !== ctx.newRS;
  if (canary) return distinctStable ? canary.canaryMetadata : canary.stableMetadata;
  if (blueGreen) return distinctStable ? blueGreen.previewMetadata : blueGreen.activeMetadata;
  return undefined;
}

/** The RS `createDesiredReplicaSet` would create (replicas 0; scaling happens afterwards). */
export function buildNewReplicaSet(ctx: DecideContext): ReplicaSet {
  const ro = ctx.ro;
  const hash = currentPodHash(ro);
  const revision = maxRevision(ctx.olderRSs) + 1;
  const template = normalizeJson(ro.spec.template ?? {});
  const affinity = generateReplicaSetAffinity(ro);
  template.spec = { ...(template.spec ?? { containers: [] }) };
  if (affinity) template.spec.affinity = affinity;
  else delete template.spec.affinity;
  const labels = { ...(ro.spec.template?.metadata?.labels ?? {}), [LABEL_POD_TEMPLATE_HASH]: hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  const selector = normalizeJson(ro.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [LABEL_POD_TEMPLATE_HASH]: hash };
  const { annotations } = newReplicaSetAnnotations(ro, undefined, revision, false);
  let rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: newReplicaSetName(ro, hash),
      namespace: ctx.namespace,
      labels: { ...labels },
      annotations,
      ownerReferences: [controllerRef(ro)],
    },
    spec: { replicas: 0, minReadySeconds: ro.spec.minReadySeconds ?? 0, selector, template },
  };
  rs = syncReplicaSetEphemeralMetadata(rs, initialEphemeralMetadata(ctx)) ?? rs;
  return rs;
}

/**
 * `syncReplicaSetRevision` for an existing new RS: annotations, minReadySeconds and an outdated
 * injected anti-affinity are brought up to date; the rollout takes the RS's revision; a missing
 * Progressing condition is initialised with FoundNewReplicaSet.
 */
export function syncReplicaSetRevision(ctx: DecideContext): void {
  const newRS = ctx.newRS;
  if (!newRS) return;
  const ro = ctx.ro;
  const newRevision = maxRevision(ctx.olderRSs) + 1;
  const current = ctx.current(newRS);
  const { annotations, changed } = newReplicaSetAnnotations(ro, current.metadata?.annotations, newRevision, true);
  const minReadySeconds = ro.spec.minReadySeconds ?? 0;
  const minReadyChanged = (current.spec?.minReadySeconds ?? 0) !== minReadySeconds;
  const affinityChanged = injectedAntiAffinityNeedsUpdate(current.spec?.template?.spec?.affinity, ro);
  if (changed || minReadyChanged || affinityChanged) {
    current.metadata = { ...(current.metadata ?? {}), annotations };
    const spec = { ...(current.spec ?? { selector: {} }), minReadySeconds };
    if (affinityChanged && spec.template) {
      const affinity = generateReplicaSetAffinity(ro);
      const podSpec = { ...(spec.template.spec ?? { containers: [] }) };
      if (affinity) podSpec.affinity = affinity;
      else delete podSpec.affinity;
      spec.template = { ...spec.template, spec: podSpec };
    }
    current.spec = spec;
  }
  const revision = current.metadata?.annotations?.[ANNOTATION_REVISION];
  if (revision !== undefined && ctx.setRolloutRevision(revision)) {
    ctx.event('Normal', EventReason.RolloutUpdated, ConditionMessage.rolloutUpdated(revision));
  }
  if (!getCondition({ conditions: ctx.conditions }, RolloutConditionType.Progressing)) {
    ctx.setCondition(
      newCondition(RolloutConditionType.Progressing, 'True', ConditionReason.FoundNewReplicaSet, ConditionMessage.foundNewRS(rsName(newRS)), ctx.now),
    );
  }
}

export type CreateOutcome = { kind: 'created'; rs: ReplicaSet } | { kind: 'collision'; existing: ReplicaSet };

/**
 * `createDesiredReplicaSet`: plans the creation (or detects a hash collision with an RS of the
 * same name that is not ours or holds another template — the caller then bumps collisionCount).
 */
export function createDesiredReplicaSet(ctx: DecideContext): CreateOutcome {
  const rs = buildNewReplicaSet(ctx);
  const name = rsName(rs);
  const existing = ctx.observation.replicaSetNamed?.(name) ?? ctx.allRSs.find((x) => rsName(x) === name);
  if (existing && !(isControlledBy(existing, ctx.ro) && podTemplateEqualIgnoreHash(existing, ctx.ro.spec.template))) {
    return { kind: 'collision', existing };
  }
  const revision = rs.metadata?.annotations?.[ANNOTATION_REVISION] ?? '1';
  const events: PlannedEvent[] = [
    { type: 'Normal', reason: EventReason.NewReplicaSetCreated, message: ConditionMessage.newReplicaSetDetailed(name, Number(revision)) },
  ];
  ctx.recordCreated(rs, events);
  if (ctx.setRolloutRevision(revision)) ctx.event('Normal', EventReason.RolloutUpdated, ConditionMessage.rolloutUpdated(revision));
  ctx.setCondition(newCondition(RolloutConditionType.Progressing, 'True', ConditionReason.NewReplicaSetCreated, ConditionMessage.newReplicaSet(name), ctx.now));
  return { kind: 'created', rs };
}

/**
 * `getAllReplicaSetsAndSyncRevision`: syncs the existing new RS, or (when asked) plans the
 * creation. Returns false when a hash collision ended the pass.
 */
export function getAllReplicaSetsAndSyncRevision(ctx: DecideContext, createIfNotExisted: boolean): boolean {
  if (ctx.newRS) {
    syncReplicaSetRevision(ctx);
    return true;
  }
  if (!createIfNotExisted) return true;
  const outcome = createDesiredReplicaSet(ctx);
  if (outcome.kind === 'collision') {
    const before = ctx.ro.status?.collisionCount ?? 0;
    ctx.carried.collisionCount = before + 1;
    ctx.note(`hash collision with ReplicaSet ${rsName(outcome.existing)}: collisionCount ${before} -> ${before + 1}`);
    ctx.stopped = true;
    return false;
  }
  return true;
}
