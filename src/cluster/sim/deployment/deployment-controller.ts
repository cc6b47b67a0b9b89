/**
 * The Deployment controller: claims ReplicaSets, asks planDeploymentSync what to do, and carries the
 * writes out in order (stopping at the first failure; the key is retried). Time-based progress (the
 * progress deadline) is a requeue-after.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1.js';
import { keyOf } from '../../../kube/cache.ts';
import { EventRecorder } from '../../../kube/events.ts';
import { errText } from '../../../kube/log.ts';
import { deployments as deployRef, pods as podsRef, replicasets as rsRef } from '../../../kube/resources.ts';
import { isAlreadyExists, isNotFound } from '../../../kube/rest-errors.ts';
import type { WorkResult } from '../../../kube/workers.ts';
import type { SimContext, SimController } from '../context.ts';
import { adoptPatch, planClaims, releasePatch } from '../util/claim.ts';
import { controllerOf, newControllerRef } from '../util/controller-ref.ts';
import { selectorMatches } from '../util/labels.ts';
import { controlledBy, resolveControllerRef } from '../util/owner-lookup.ts';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../util/types.ts';
import { startWorkerPool } from '../util/worker-pool.ts';
import type { DeploymentAction } from './actions.ts';
import { planDeploymentSync } from './plan.ts';
import { equalIgnoreHash } from './rs-util.ts';
import { specOf } from './spec.ts';
import { newCondition, PROGRESSING, REASON_FAILED_RS_CREATE, setDeploymentCondition } from './status.ts';

export const DEPLOYMENT_WORKERS = 8;

class StopSync extends Error {}

export async function startDeploymentController(ctx: SimContext): Promise<SimController> {
  const dInformer = ctx.informers.forResource<DeploymentObject>(deployRef);
  const rsInformer = ctx.informers.forResource<ReplicaSetObject>(rsRef);
  const podInformer = ctx.informers.forResource<PodObject>(podsRef);
  const events = new EventRecorder(ctx.client, { component: 'deployment-controller', logger: ctx.logger, clock: ctx.clock });

  const deploymentForRS = (rs: ReplicaSetObject): DeploymentObject | undefined =>
    resolveControllerRef(dInformer.cache, rs.metadata.namespace, controllerOf(rs), 'apps', 'Deployment');
  const deploymentsMatching = (rs: ReplicaSetObject): DeploymentObject[] =>
    dInformer.cache.list(rs.metadata.namespace ?? '').filter((d) => selectorMatches(d.spec?.selector, rs.metadata.labels));

  const claimReplicaSets = async (d: DeploymentObject): Promise<ReplicaSetObject[]> => {
    const ns = d.metadata.namespace ?? '';
    const candidates = new Set([...rsInformer.cache.byOwnerUid(d.metadata.uid ?? ''), ...rsInformer.cache.list(ns).filter((rs) => !controllerOf(rs))]);
    const plan = planClaims(d, candidates, (rs) => selectorMatches(d.spec?.selector, rs.metadata.labels));
    const owned = [...plan.owned];
    const ref = newControllerRef(d, 'apps/v1', 'Deployment');
    for (const rs of plan.adopt) {
      try {
        owned.push(await ctx.client.patch<ReplicaSetObject>(rsRef, ns, rs.metadata.name ?? '', adoptPatch(rs, ref), 'strategic', { signal: ctx.signal }));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    for (const rs of plan.release) {
      await ctx.client.patch(rsRef, ns, rs.metadata.name ?? '', releasePatch(rs, d.metadata.uid ?? ''), 'strategic', { signal: ctx.signal }).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    }
    return owned;
  };

  const writeStatus = (d: DeploymentObject, status: DeploymentStatus): Promise<unknown> =>
    ctx.client.patch(deployRef, d.metadata.namespace, d.metadata.name ?? '', { status: { ...status, conditions: status.conditions ?? null } }, 'merge', {
      subresource: 'status',
      signal: ctx.signal,
    });

  const createReplicaSet = async (d: DeploymentObject, rs: ReplicaSetObject): Promise<void> => {
    const ns = d.metadata.namespace;
    try {
      await ctx.client.create(rsRef, ns, rs, { signal: ctx.signal });
      return;
    } catch (err) {
      if (isAlreadyExists(err)) {
        const existing = rsInformer.cache.get(ns, rs.metadata.name ?? '') ?? (await ctx.client.get<ReplicaSetObject>(rsRef, ns, rs.metadata.name ?? '', { signal: ctx.signal }));
        if (controllerOf(existing)?.uid === d.metadata.uid && equalIgnoreHash(existing.spec?.template, d.spec?.template)) throw new StopSync();
        // A pod-template-hash collision: bump collisionCount so the next hash differs.
        await writeStatus(d, { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 });
        throw new StopSync();
      }
      const msg = `Failed to create new replica set "${rs.metadata.name}": ${errText(err)}`;
      if (specOf(d).progressDeadlineSeconds !== undefined) {
        const status: DeploymentStatus = { ...(d.status ?? {}) };
        setDeploymentCondition(status, newCondition(PROGRESSING, 'False', REASON_FAILED_RS_CREATE, msg, ctx.clock.now()));
        await writeStatus(d, status).catch(() => undefined);
      }
      events.event(d, 'Warning', REASON_FAILED_RS_CREATE, msg);
      throw err;
    }
  };

  const execute = async (d: DeploymentObject, action: DeploymentAction): Promise<void> => {
    const ns = d.metadata.namespace;
    const name = d.metadata.name ?? '';
    switch (action.kind) {
      case 'createReplicaSet':
        return createReplicaSet(d, action.rs);
      case 'updateReplicaSet':
        await ctx.client.update(rsRef, ns, action.rs, { signal: ctx.signal });
        return;
      case 'deleteReplicaSet':
        await ctx.client.delete(rsRef, ns, action.rs.metadata.name ?? '', { preconditions: { uid: action.rs.metadata.uid }, signal: ctx.signal }).catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
        return;
      case 'setRevision':
        await ctx.client.patch(deployRef, ns, name, { metadata: { annotations: { 'deployment.kubernetes.io/revision': action.revision } } }, 'merge', { signal: ctx.signal });
        return;
      case 'updateStatus':
        await writeStatus(d, action.status);
        return;
      case 'event':
        events.event(d, action.type, action.reason, action.message);
        return;
    }
  };

  const sync = async (key: string): Promise<WorkResult> => {
    const d = dInformer.cache.getByKey(key);
    if (!d) return;
    const rsList = await claimReplicaSets(d);
    const podsByRs = new Map<string, PodObject[]>();
    if (specOf(d).strategy === 'Recreate') for (const rs of rsList) podsByRs.set(rs.metadata.uid ?? '', controlledBy(podInformer.cache, rs.metadata.uid));
    const plan = planDeploymentSync(d, rsList, podsByRs, ctx.clock.now());
    try {
      for (const action of plan.actions) await execute(d, action);
    } catch (err) {
      if (err instanceof StopSync) return { requeueAfterMs: 1 };
      if (isNotFound(err)) return;
      throw err;
    }
    return plan.requeueAfterMs !== undefined ? { requeueAfterMs: plan.requeueAfterMs } : undefined;
  };

  const pool = startWorkerPool({
    name: 'deployment',
    workers: DEPLOYMENT_WORKERS,
    informers: [dInformer, rsInformer, podInformer],
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
    handler: sync,
  });
  const enqueue = (d: DeploymentObject | undefined): void => {
    if (d) pool.queue.add(keyOf(d));
  };

  dInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_o, d) => enqueue(d), onDelete: enqueue });
  rsInformer.addEventHandler({
    onAdd: (rs) => {
      if (controllerOf(rs)) return enqueue(deploymentForRS(rs));
      for (const d of deploymentsMatching(rs)) enqueue(d);
    },
    onUpdate: (old, rs) => {
      if (old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
      const oldRef = controllerOf(old);
      const curRef = controllerOf(rs);
      if (oldRef && oldRef.uid !== curRef?.uid) enqueue(deploymentForRS(old));
      if (curRef) return enqueue(deploymentForRS(rs));
      for (const d of deploymentsMatching(rs)) enqueue(d);
    },
    onDelete: (rs) => enqueue(deploymentForRS(rs)),
  });
  podInformer.addEventHandler({
    onDelete: (pod) => {
      const rs = resolveControllerRef(rsInformer.cache, pod.metadata.namespace, controllerOf(pod), 'apps', 'ReplicaSet');
      const d = rs ? deploymentForRS(rs) : undefined;
      if (d && specOf(d).strategy === 'Recreate') enqueue(d);
    },
  });

  return {
    async stop() {
      await pool.stop();
      await events.flush();
    },
  };
}
