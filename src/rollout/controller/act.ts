/**
 * The act half of a reconcile: applies a `RolloutPlan` through the Kubernetes API in a fixed
 * order — rollout metadata, new ReplicaSet, ephemeral pod labels, ReplicaSet patches, Service
 * switches, evictions, history cleanup, workload scaling, and last the status (merge patch on the
 * `status` subresource, conditional on the resourceVersion read). Each write's events are
 * recorded once it succeeded; the first failure stops the pass (the key is retried rate-limited).
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { KubeObject } from '../../cluster/store/object.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import { ConditionMessage, ConditionReason, RolloutConditionType } from '../../api/constants.ts';
import type { KubeClient } from '../../kube/client.ts';
import { errText, type KubeLogger } from '../../kube/log.ts';
import { isAlreadyExists, isNotFound, isTooManyRequests } from '../../kube/rest-errors.ts';
import * as resources from '../../kube/resources.ts';
import { newCondition, setCondition } from '../conditions.ts';
import { createMergePatch, normalizeJson, type JsonObject } from '../decide/merge-patch.ts';
import { isControlledBy } from '../decide/new-replicaset.ts';
import { podTemplateEqualIgnoreHash, replicaSetTemplateWithoutInjections } from '../decide/template-equality.ts';
import type { PlannedEvent, PlannedPodMetadataUpdate, RolloutPlan } from '../decide/types.ts';
import { WORKLOAD_REFS, type RolloutInformers } from './informers.ts';
import { writeBack } from './write-back.ts';

export interface ActDeps {
  client: KubeClient;
  informers: RolloutInformers;
  logger: KubeLogger;
  /** Records an event about the rollout (and counts it). */
  emit(ro: Rollout, e: PlannedEvent): void;
  now: () => number;
  signal?: AbortSignal;
}

/** A hash collision was found on create; collisionCount was bumped and the key must be retried. */
export class HashCollisionError extends Error {}

function asKube<T>(obj: T): KubeObject {
  return obj as unknown as KubeObject;
}

function statusBody(patch: JsonObject, resourceVersion: string | undefined): JsonObject {
  const body: JsonObject = { status: patch };
  if (resourceVersion) body['metadata'] = { resourceVersion };
  return body;
}

async function patchRolloutStatus(deps: ActDeps, ro: Rollout, patch: JsonObject, resourceVersion: string | undefined): Promise<Rollout> {
  const updated = await deps.client.patch(resources.rollouts, ro.metadata?.namespace, ro.metadata?.name ?? '', statusBody(patch, resourceVersion), 'merge', {
    subresource: 'status',
    signal: deps.signal,
  });
  writeBack(deps.informers.rollouts, updated);
  return updated as unknown as Rollout;
}

/** AlreadyExists on create: ours (same template, our controller ref) or a collision. */
async function handleAlreadyExists(deps: ActDeps, ro: Rollout, planned: ReplicaSet, resourceVersion: string | undefined): Promise<void> {
  const name = planned.metadata?.name ?? '';
  const existing = (await deps.client.get(resources.replicasets, ro.metadata?.namespace, name, { signal: deps.signal })) as unknown as ReplicaSet;
  if (isControlledBy(existing, ro) && podTemplateEqualIgnoreHash(existing, replicaSetTemplateWithoutInjections(planned))) {
    writeBack(deps.informers.replicaSets, asKube(existing));
    return;
  }
  const count = (ro.status?.collisionCount ?? 0) + 1;
  await patchRolloutStatus(deps, ro, { collisionCount: count }, resourceVersion);
  throw new HashCollisionError(`hash collision on ReplicaSet ${name}: collisionCount bumped to ${count}`);
}

/** A create that failed for another reason: `ReplicaSetCreateError` event and Progressing=False. */
async function reportCreateFailure(deps: ActDeps, ro: Rollout, name: string, err: unknown, resourceVersion: string | undefined): Promise<void> {
  const msg = ConditionMessage.failedRSCreate(name, errText(err));
  deps.emit(ro, { type: 'Warning', reason: ConditionReason.FailedRSCreate, message: msg });
  const before = normalizeJson(ro.status ?? {});
  const conditions = setCondition(before.conditions, newCondition(RolloutConditionType.Progressing, 'False', ConditionReason.FailedRSCreate, msg, deps.now())).conditions;
  const patch = createMergePatch(before, { ...before, conditions });
  if (!patch) return;
  try {
    await patchRolloutStatus(deps, ro, patch, resourceVersion);
  } catch (patchErr) {
    deps.logger.warn({ rollout: ro.metadata?.name, err: errText(patchErr) }, 'could not record ReplicaSetCreateError');
  }
}

async function createReplicaSet(deps: ActDeps, ro: Rollout, plan: RolloutPlan, resourceVersion: string | undefined): Promise<void> {
  const create = plan.createReplicaSet;
  if (!create) return;
  const rs = create.replicaSet;
  try {
    const created = await deps.client.create(resources.replicasets, ro.metadata?.namespace, asKube(rs), { signal: deps.signal });
    writeBack(deps.informers.replicaSets, created);
    for (const e of create.events) deps.emit(ro, e);
  } catch (err) {
    if (isAlreadyExists(err)) return handleAlreadyExists(deps, ro, rs, resourceVersion);
    await reportCreateFailure(deps, ro, rs.metadata?.name ?? '', err, resourceVersion);
    throw err;
  }
}

async function updatePodMetadata(deps: ActDeps, ro: Rollout, update: PlannedPodMetadataUpdate): Promise<void> {
  const ns = ro.metadata?.namespace;
  const list = await deps.client.list(resources.pods, ns, { labelSelector: `rollouts-pod-template-hash=${update.podTemplateHash}`, signal: deps.signal });
  for (const pod of list.items) {
    const owned = (pod.metadata.ownerReferences ?? []).some((o) => o.controller === true && o.name === update.replicaSetName);
    if (!owned || pod.metadata.deletionTimestamp) continue;
    try {
      await deps.client.patch(resources.pods, ns, pod.metadata.name ?? '', update.patch, 'merge', { signal: deps.signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

async function evictPod(deps: ActDeps, ro: Rollout, name: string): Promise<void> {
  const ns = ro.metadata?.namespace ?? '';
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}/eviction`;
  try {
    await deps.client.request('POST', path, {
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns } },
      contentType: 'application/json',
      verb: 'create',
      resource: 'pods',
      signal: deps.signal,
    });
  } catch (err) {
    if (isTooManyRequests(err)) {
      deps.logger.info({ rollout: ro.metadata?.name, pod: name, err: errText(err) }, 'eviction refused by a disruption budget; retrying later');
      return;
    }
    if (isNotFound(err)) return;
    throw err;
  }
}

/** Applies the plan; returns the rollout as last written (or as read when nothing was written). */
export async function actOnPlan(deps: ActDeps, ro: Rollout, plan: RolloutPlan): Promise<Rollout> {
  const ns = ro.metadata?.namespace;
  const name = ro.metadata?.name ?? '';
  let current = ro;
  let resourceVersion = ro.metadata?.resourceVersion;
  if (plan.rolloutPatch) {
    const updated = await deps.client.patch(resources.rollouts, ns, name, plan.rolloutPatch, 'merge', { signal: deps.signal });
    writeBack(deps.informers.rollouts, updated);
    current = updated as unknown as Rollout;
    resourceVersion = updated.metadata.resourceVersion;
    if (plan.stopAfterRolloutPatch) return current;
  }
  await createReplicaSet(deps, ro, plan, resourceVersion);
  // Live pods first, then their ReplicaSet (as Argo): a failed RS write leaves the pod patch to be
  // planned again, while the other order could lose it.
  for (const u of plan.podMetadataUpdates) await updatePodMetadata(deps, ro, u);
  for (const p of plan.replicaSetPatches) {
    const updated = await deps.client.patch(resources.replicasets, ns, p.name, p.patch, 'merge', { signal: deps.signal });
    writeBack(deps.informers.replicaSets, updated);
    for (const e of p.events) deps.emit(ro, e);
  }
  for (const p of plan.servicePatches) {
    const updated = await deps.client.patch(resources.services, ns, p.name, p.patch, 'merge', { signal: deps.signal });
    writeBack(deps.informers.services, updated);
    for (const e of p.events) deps.emit(ro, e);
  }
  for (const pod of plan.evictPods) await evictPod(deps, ro, pod);
  for (const rsName of plan.deleteReplicaSets) {
    try {
      await deps.client.delete(resources.replicasets, ns, rsName, { signal: deps.signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  if (plan.workloadScale) {
    const w = plan.workloadScale;
    await deps.client.patch(WORKLOAD_REFS[w.kind], ns, w.name, { spec: { replicas: w.replicas } }, 'merge', { signal: deps.signal });
  }
  if (plan.statusPatch) current = await patchRolloutStatus(deps, current, plan.statusPatch, resourceVersion);
  for (const e of plan.events) deps.emit(ro, e);
  return current;
}
