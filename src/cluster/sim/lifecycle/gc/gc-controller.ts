/**
 * The garbage collector: deletes objects whose owners are gone (background cascade), deletes the
 * dependents of owners deleted in the foreground and then releases them, and detaches dependents
 * from owners deleted with the orphan policy. Event-driven from the ObjectGraph's informers.
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { KubeObject } from '../../../store/object.ts';
import { errText } from '../../../../kube/log.ts';
import { isConflict, isNotFound } from '../../../../kube/rest-errors.ts';
import type { ResourceRef } from '../../../../kube/resources.ts';
import type { SimContext, SimController } from '../../context.ts';
import type { ApiDiscovery } from '../common/api-discovery.ts';
import { FOREGROUND_FINALIZER, groupOf, ORPHAN_FINALIZER, ownerRefs, type PropagationPolicy } from '../common/meta.ts';
import { listOrNull, patchMetadata } from '../common/patch-meta.ts';
import { AbsentOwnerCache } from './absent-owners.ts';
import {
  decideDependent,
  decideForegroundOwner,
  deletionWork,
  isDeletingDependents,
  withoutFinalizer,
  withoutOwner,
  type OwnerState,
} from './decide.ts';
import { startWorkerPool, type WorkerPool } from '../../util/worker-pool.ts';
import { gcResources, ObjectGraph, type GraphNode } from './graph.ts';

const WORKERS = 8;

export async function startGarbageCollector(ctx: SimContext, discovery: ApiDiscovery): Promise<SimController> {
  const gc = new GarbageCollector(ctx, discovery);
  gc.start();
  return gc;
}

class GarbageCollector implements SimController {
  private readonly graph: ObjectGraph;
  private readonly pool: WorkerPool;
  private readonly absent = new AbsentOwnerCache();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ctx: SimContext,
    private readonly discovery: ApiDiscovery,
  ) {
    const initial = gcResources(discovery.resources);
    this.pool = startWorkerPool({
      name: 'garbage-collector',
      workers: WORKERS,
      // The graph takes the same shared informers from the factory.
      informers: initial.map((r) => ctx.informers.forResource(r.ref)),
      handler: (uid) => this.process(uid),
      logger: ctx.logger,
      clock: ctx.clock,
      signal: ctx.signal,
    });
    this.graph = new ObjectGraph(ctx.informers, () => ({
      onAdd: (obj) => this.changed(undefined, obj),
      onUpdate: (old, obj) => this.changed(old, obj),
      onDelete: (obj) => this.deleted(obj),
    }));
  }

  start(): void {
    this.graph.sync(gcResources(this.discovery.resources));
    this.unsubscribe = this.discovery.onChange((resources) => this.graph.sync(gcResources(resources)));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.pool.stop();
  }

  private enqueue(uid: string | undefined): void {
    if (uid) this.pool.queue.add(uid);
  }

  // ---- graph events ------------------------------------------------------------------------

  private changed(old: KubeObject | undefined, obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (deletionWork(obj)) this.enqueue(uid);
    // Entering foreground deletion: every dependent is up for deletion.
    if (isDeletingDependents(obj) && !(old && isDeletingDependents(old))) {
      for (const dep of this.graph.dependents(uid ?? '')) this.enqueue(dep.obj.metadata.uid);
    }
    for (const ref of ownerRefs(obj)) {
      const owner = this.graph.byUid(ref.uid);
      if (!owner || deletionWork(owner.obj)) this.enqueue(uid);
      if (owner && deletionWork(owner.obj)) this.enqueue(ref.uid);
    }
    // A reference dropped from an owner that waits for its dependents may unblock it.
    if (old) {
      const kept = new Set(ownerRefs(obj).map((r) => r.uid));
      for (const ref of ownerRefs(old)) if (!kept.has(ref.uid)) this.enqueueIfWaiting(ref.uid);
    }
  }

  private deleted(obj: KubeObject): void {
    for (const dep of this.graph.dependents(obj.metadata.uid ?? '')) this.enqueue(dep.obj.metadata.uid);
    for (const ref of ownerRefs(obj)) this.enqueueIfWaiting(ref.uid);
  }

  private enqueueIfWaiting(ownerUid: string): void {
    const owner = this.graph.byUid(ownerUid);
    if (owner && deletionWork(owner.obj)) this.enqueue(ownerUid);
  }

  // ---- work --------------------------------------------------------------------------------

  private async process(uid: string): Promise<void> {
    const node = this.graph.byUid(uid);
    if (!node) return;
    const work = deletionWork(node.obj);
    if (work === 'orphan') return this.orphanDependents(node);
    if (work === 'foreground') return this.finishForeground(node);
    if (ownerRefs(node.obj).length === 0) return;
    await this.collect(node);
  }

  /** A dependent: keep it, drop dangling references, or delete it. */
  private async collect(node: GraphNode): Promise<void> {
    const { obj } = node;
    const states = new Map<string, OwnerState>();
    for (const ref of ownerRefs(obj)) states.set(ref.uid, await this.ownerState(obj, ref));
    const decision = decideDependent(obj, (ref) => states.get(ref.uid) ?? 'unknown', this.graph.hasDependents(obj.metadata.uid ?? ''));
    if (decision.action === 'patchOwnerRefs') {
      const keep = new Set(decision.ownerReferences.map((r) => r.uid));
      await patchMetadata(this.ctx.client, node.resource.ref, obj, (current) => {
        const next = ownerRefs(current).filter((r) => keep.has(r.uid));
        return next.length === ownerRefs(current).length ? undefined : { ownerReferences: listOrNull(next) };
      });
    } else if (decision.action === 'delete') {
      await this.deleteObject(node.resource.ref, obj, decision.propagationPolicy);
    }
  }

  /** An owner deleted with the orphan policy: detach every dependent, then let the owner go. */
  private async orphanDependents(node: GraphNode): Promise<void> {
    const ownerUid = node.obj.metadata.uid ?? '';
    await Promise.all(
      this.graph.dependents(ownerUid).map((dep) =>
        patchMetadata(this.ctx.client, dep.resource.ref, dep.obj, (current) =>
          ownerRefs(current).some((r) => r.uid === ownerUid) ? { ownerReferences: listOrNull(withoutOwner(current, ownerUid)) } : undefined,
        ),
      ),
    );
    await this.removeFinalizer(node, ORPHAN_FINALIZER);
  }

  /** An owner deleted in the foreground: delete its blocking dependents; once none is left, let it go. */
  private async finishForeground(node: GraphNode): Promise<void> {
    const dependents = this.graph.dependents(node.obj.metadata.uid ?? '').map((d) => d.obj);
    const decision = decideForegroundOwner(node.obj, dependents);
    if (decision.action === 'removeFinalizer') return this.removeFinalizer(node, FOREGROUND_FINALIZER);
    // Their deletion (or removal) brings the owner back through the graph events.
    for (const dep of decision.toDelete) this.enqueue(dep.metadata.uid);
  }

  private async removeFinalizer(node: GraphNode, finalizer: string): Promise<void> {
    await patchMetadata(this.ctx.client, node.resource.ref, node.obj, (current) =>
      (current.metadata.finalizers ?? []).includes(finalizer) ? { finalizers: listOrNull(withoutFinalizer(current, finalizer)) } : undefined,
    );
  }

  /**
   * Whether an owner exists: from the graph when it is there, otherwise by reading it (an owner
   * created a moment ago may not have reached the informer yet). Absent owners are remembered.
   */
  private async ownerState(dependent: KubeObject, ref: OwnerReference): Promise<OwnerState> {
    const namespace = dependent.metadata.namespace ?? '';
    const absentKey = `${namespace}|${ref.uid}`;
    if (this.absent.has(absentKey)) return 'dangling';
    const node = this.graph.byUid(ref.uid);
    if (node && (!node.resource.ref.namespaced || (node.obj.metadata.namespace ?? '') === namespace)) {
      return isDeletingDependents(node.obj) ? 'waiting' : 'solid';
    }
    const resource = this.discovery.byGroupKind(groupOf(ref.apiVersion), ref.kind);
    if (!resource) return 'unknown';
    // A cluster-scoped dependent cannot have a namespaced owner.
    if (resource.ref.namespaced && !namespace) return this.markAbsent(absentKey);
    try {
      const live = await this.ctx.client.get(resource.ref, resource.ref.namespaced ? namespace : undefined, ref.name);
      if (live.metadata.uid !== ref.uid) return this.markAbsent(absentKey);
      return isDeletingDependents(live) ? 'waiting' : 'solid';
    } catch (err) {
      if (isNotFound(err)) return this.markAbsent(absentKey);
      throw err;
    }
  }

  private markAbsent(key: string): OwnerState {
    this.absent.add(key);
    return 'dangling';
  }

  /**
   * Deletes with uid and resourceVersion preconditions. A conflict caused only by other changes
   * (status, labels) is retried with the uid alone, if the owner references are still the same.
   */
  private async deleteObject(ref: ResourceRef, obj: KubeObject, propagationPolicy: PropagationPolicy): Promise<void> {
    const namespace = obj.metadata.namespace;
    const name = obj.metadata.name ?? '';
    const uid = obj.metadata.uid;
    try {
      await this.ctx.client.delete(ref, namespace, name, { propagationPolicy, preconditions: { uid, resourceVersion: obj.metadata.resourceVersion } });
      return;
    } catch (err) {
      if (isNotFound(err)) return;
      if (!isConflict(err)) throw err;
    }
    let live: KubeObject;
    try {
      live = await this.ctx.client.get(ref, namespace, name);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (live.metadata.uid !== uid) return;
    if (JSON.stringify(ownerRefs(live)) !== JSON.stringify(ownerRefs(obj))) {
      // The references changed: the informer brings the new version, decide again then.
      this.ctx.logger.debug({ name, err: 'owner references changed' }, 'garbage collector: re-evaluating');
      return;
    }
    try {
      await this.ctx.client.delete(ref, namespace, name, { propagationPolicy, preconditions: { uid } });
    } catch (err) {
      if (isNotFound(err) || isConflict(err)) return;
      this.ctx.logger.warn({ name, err: errText(err) }, 'garbage collector: delete failed');
      throw err;
    }
  }
}
