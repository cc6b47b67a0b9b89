/**
 * The ReplicaSet controller (Kubernetes' replica_set.go): claims the pods its selector matches, creates
 * or deletes pods to match spec.replicas — creates in slow-start batches, guarded by expectations so a
 * burst is never repeated before the informer has seen it — and keeps status up to date.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { keyOf } from '../../../kube/cache.ts';
import { EventRecorder } from '../../../kube/events.ts';
import { errText } from '../../../kube/log.ts';
import { pods as podsRef, replicasets as rsRef } from '../../../kube/resources.ts';
import { isNotFound } from '../../../kube/rest-errors.ts';
import type { WorkResult } from '../../../kube/workers.ts';
import type { SimContext, SimController } from '../context.ts';
import { adoptPatch, planClaims, releasePatch } from '../util/claim.ts';
import { controllerOf, newControllerRef } from '../util/controller-ref.ts';
import { ControllerExpectations } from '../util/expectations.ts';
import { selectorMatches } from '../util/labels.ts';
import { controlledBy, resolveControllerRef } from '../util/owner-lookup.ts';
import { isPodActive, isPodReady } from '../util/pod-readiness.ts';
import { slowStartBatch } from '../util/slow-start.ts';
import type { PodObject, ReplicaSetObject } from '../util/types.ts';
import { startWorkerPool } from '../util/worker-pool.ts';
import { podsToDelete } from './active-pods.ts';
import { podFromTemplate } from './pod-template.ts';
import { calculateStatus, rsStatusEqual } from './rs-status.ts';

export const REPLICASET_WORKERS = 16;
/** Kubernetes' BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;
export const SLOW_START_INITIAL_BATCH = 1;

function labelsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ak = Object.keys(a ?? {});
  if (ak.length !== Object.keys(b ?? {}).length) return false;
  return ak.every((k) => a?.[k] === b?.[k]);
}

export async function startReplicaSetController(ctx: SimContext): Promise<SimController> {
  const rsInformer = ctx.informers.forResource<ReplicaSetObject>(rsRef);
  const podInformer = ctx.informers.forResource<PodObject>(podsRef);
  const expectations = new ControllerExpectations(ctx.clock);
  const events = new EventRecorder(ctx.client, { component: 'replicaset-controller', logger: ctx.logger, clock: ctx.clock });

  const rsForRef = (pod: PodObject): ReplicaSetObject | undefined =>
    resolveControllerRef(rsInformer.cache, pod.metadata.namespace, controllerOf(pod), 'apps', 'ReplicaSet');

  /** ReplicaSets whose selector matches an orphan pod. */
  const rsesMatching = (pod: PodObject): ReplicaSetObject[] =>
    rsInformer.cache.list(pod.metadata.namespace ?? '').filter((rs) => selectorMatches(rs.spec?.selector, pod.metadata.labels));

  /** Owned pods plus orphans that may match the selector (via the label index when possible). */
  const candidatePods = (rs: ReplicaSetObject): PodObject[] => {
    const owned = podInformer.cache.byOwnerUid(rs.metadata.uid ?? '');
    const selector: LabelSelector | undefined = rs.spec?.selector;
    const ns = rs.metadata.namespace ?? '';
    const pool = selector?.matchLabels && Object.keys(selector.matchLabels).length > 0 ? podInformer.cache.byLabels(selector.matchLabels, ns) : podInformer.cache.list(ns);
    const orphans = pool.filter((p) => !controllerOf(p));
    return orphans.length === 0 ? owned : [...new Set([...owned, ...orphans])];
  };

  /** Pods of the ReplicaSets sharing this one's controller (for ranking deletions by node). */
  const relatedPods = (rs: ReplicaSetObject): PodObject[] => {
    const ctrl = controllerOf(rs);
    const siblings = ctrl ? controlledBy(rsInformer.cache, ctrl.uid) : [rs];
    return siblings.flatMap((s) => controlledBy(podInformer.cache, s.metadata.uid));
  };

  const manageReplicas = async (rs: ReplicaSetObject, key: string, owned: PodObject[]): Promise<string | undefined> => {
    const desired = rs.spec?.replicas ?? 1;
    const diff = owned.length - desired;
    const ns = rs.metadata.namespace;
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      expectations.expectCreations(key, n);
      const ref = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
      const { successes, error } = await slowStartBatch(n, SLOW_START_INITIAL_BATCH, async () => {
        await ctx.client.create(podsRef, ns, podFromTemplate(rs, ref), { signal: ctx.signal });
      });
      for (let i = successes; i < n; i++) expectations.creationObserved(key);
      if (error !== undefined) {
        const msg = errText(error);
        events.event(rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`);
        return msg;
      }
      return undefined;
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(owned, relatedPods(rs), n, ctx.clock.now());
      expectations.expectDeletions(key, victims.map(keyOf));
      const results = await Promise.allSettled(victims.map((p) => ctx.client.delete(podsRef, ns, p.metadata.name ?? '', { signal: ctx.signal })));
      let firstError: string | undefined;
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') return;
        const victim = victims[i] as PodObject;
        expectations.deletionObserved(key, keyOf(victim));
        if (!isNotFound(r.reason)) {
          firstError ??= errText(r.reason);
          events.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errText(r.reason)}`);
        }
      });
      return firstError;
    }
    return undefined;
  };

  const claim = async (rs: ReplicaSetObject): Promise<PodObject[]> => {
    const selector = rs.spec?.selector;
    const active = candidatePods(rs).filter(isPodActive);
    const plan = planClaims(rs, active, (p) => selectorMatches(selector, p.metadata.labels));
    const owned = [...plan.owned];
    const ns = rs.metadata.namespace;
    const ref = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
    for (const pod of plan.adopt) {
      try {
        owned.push(await ctx.client.patch<PodObject>(podsRef, ns, pod.metadata.name ?? '', adoptPatch(pod, ref), 'strategic', { signal: ctx.signal }));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    for (const pod of plan.release) {
      await ctx.client.patch(podsRef, ns, pod.metadata.name ?? '', releasePatch(pod, rs.metadata.uid ?? ''), 'strategic', { signal: ctx.signal }).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    }
    return owned;
  };

  const sync = async (key: string): Promise<WorkResult> => {
    const rs = rsInformer.cache.getByKey(key);
    if (!rs) {
      expectations.delete(key);
      return;
    }
    const needsSync = expectations.satisfied(key);
    const owned = await claim(rs);
    let manageError: string | undefined;
    if (needsSync && !rs.metadata.deletionTimestamp) manageError = await manageReplicas(rs, key, owned);
    const now = ctx.clock.now();
    const { status, nextAvailableAt } = calculateStatus(rs, owned, manageError, now);
    if (!rsStatusEqual(rs.status, status)) {
      try {
        await ctx.client.patch(rsRef, rs.metadata.namespace, rs.metadata.name ?? '', { status: { ...status, conditions: status.conditions ?? null } }, 'merge', {
          subresource: 'status',
          signal: ctx.signal,
        });
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
    }
    if (manageError !== undefined) return { requeue: true };
    if (nextAvailableAt !== undefined) return { requeueAfterMs: Math.max(1, nextAvailableAt - now) };
    return;
  };

  const pool = startWorkerPool({
    name: 'replicaset',
    workers: REPLICASET_WORKERS,
    informers: [rsInformer, podInformer],
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
    handler: sync,
  });
  const enqueue = (rs: ReplicaSetObject): void => pool.queue.add(keyOf(rs));

  const podDeleted = (pod: PodObject): void => {
    const rs = rsForRef(pod);
    if (!rs) return;
    const key = keyOf(rs);
    expectations.deletionObserved(key, keyOf(pod));
    pool.queue.add(key);
  };

  rsInformer.addEventHandler({
    onAdd: enqueue,
    onUpdate: (_old, rs) => enqueue(rs),
    onDelete: (rs) => {
      expectations.delete(keyOf(rs));
      enqueue(rs);
    },
  });

  podInformer.addEventHandler({
    onAdd: (pod) => {
      if (pod.metadata.deletionTimestamp) return podDeleted(pod);
      if (controllerOf(pod)) {
        const rs = rsForRef(pod);
        if (!rs) return;
        const key = keyOf(rs);
        expectations.creationObserved(key);
        pool.queue.add(key);
        return;
      }
      for (const rs of rsesMatching(pod)) enqueue(rs);
    },
    onUpdate: (old, cur) => {
      if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
      const labelsChanged = !labelsEqual(old.metadata.labels, cur.metadata.labels);
      if (cur.metadata.deletionTimestamp) {
        podDeleted(cur);
        if (labelsChanged) podDeleted(old);
        return;
      }
      const oldRef = controllerOf(old);
      const curRef = controllerOf(cur);
      const refChanged = oldRef?.uid !== curRef?.uid;
      if (refChanged && oldRef) {
        const prev = rsForRef(old);
        if (prev) enqueue(prev);
      }
      if (curRef) {
        const rs = rsForRef(cur);
        if (!rs) return;
        enqueue(rs);
        const minReady = rs.spec?.minReadySeconds ?? 0;
        if (minReady > 0 && !isPodReady(old) && isPodReady(cur)) pool.queue.addAfter(keyOf(rs), minReady * 1000 + 1000);
        return;
      }
      if (labelsChanged || refChanged) for (const rs of rsesMatching(cur)) enqueue(rs);
    },
    onDelete: podDeleted,
  });

  return {
    async stop() {
      await pool.stop();
      await events.flush();
    },
  };
}
