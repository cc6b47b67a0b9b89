/**
 * Namespace lifecycle: when a namespace gets a deletionTimestamp, delete everything namespaced in it
 * (every served resource, from discovery), wait until it is empty, then clear the `kubernetes`
 * finalizer through the finalize subresource so that the API server removes the namespace.
 * Progress is driven by deletion events of the content (shared informers), not by polling.
 */
import type { KubeClient } from '../../../../kube/client.ts';
import { errText } from '../../../../kube/log.ts';
import { namespaces } from '../../../../kube/resources.ts';
import { isNotFound, isMethodNotAllowed } from '../../../../kube/rest-errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import type { SimContext, SimController } from '../../context.ts';
import type { ApiDiscovery } from '../common/api-discovery.ts';
import { hasVerbs, type ApiResource } from '../common/discovery.ts';
import { mapLimit } from '../common/map-limit.ts';
import { gcResources, ObjectGraph } from '../gc/graph.ts';
import { startWorkerPool, type WorkerPool } from '../../util/worker-pool.ts';
import { finalizeBody, namespacedContent, needsFinalization } from './decide.ts';

/** Content of kinds the shared informers do not watch (events, leases) is checked with a live list. */
const UNWATCHED_RECHECK_MS = 1_000;
const CONCURRENCY = 8;

export async function startNamespaceController(ctx: SimContext, discovery: ApiDiscovery): Promise<SimController> {
  const c = new NamespaceController(ctx, discovery);
  c.start();
  return c;
}

class NamespaceController implements SimController {
  private readonly pool: WorkerPool;
  private readonly namespaces;
  private readonly content: ObjectGraph;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ctx: SimContext,
    private readonly discovery: ApiDiscovery,
  ) {
    this.namespaces = ctx.informers.forResource<KubeObject>(namespaces);
    this.pool = startWorkerPool({
      name: 'namespace',
      workers: 2,
      informers: [this.namespaces, ...watched(discovery.resources).map((r) => ctx.informers.forResource(r.ref))],
      handler: (name) => this.sync(name),
      logger: ctx.logger,
      clock: ctx.clock,
      signal: ctx.signal,
    });
    // Deletions in a terminating namespace bring it back to the queue.
    const onContent = (obj: KubeObject): void => {
      const ns = obj.metadata.namespace;
      if (ns && needsFinalization(this.namespaces.cache.get(undefined, ns))) this.pool.queue.add(ns);
    };
    this.content = new ObjectGraph(ctx.informers, () => ({ onDelete: onContent }));
  }

  start(): void {
    const enqueue = (ns: KubeObject): void => {
      if (needsFinalization(ns)) this.pool.queue.add(ns.metadata.name ?? '');
    };
    this.namespaces.addEventHandler({ onAdd: enqueue, onUpdate: (_old, ns) => enqueue(ns) });
    this.content.sync(watched(this.discovery.resources));
    this.unsubscribe = this.discovery.onChange((all) => this.content.sync(watched(all)));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.pool.stop();
  }

  private async sync(name: string): Promise<{ requeueAfterMs: number } | void> {
    const ns = this.namespaces.cache.get(undefined, name);
    if (!ns || !needsFinalization(ns)) return;
    const resources = namespacedContent(this.discovery.resources);

    // What the informers know about: delete what is not yet being deleted, and wait for the rest.
    let waiting = false;
    for (const { resource, informer } of this.content.monitorList()) {
      const items = informer.cache.list(name);
      if (items.length === 0) continue;
      waiting = true;
      await deleteAll(this.ctx.client, resource, name, items.filter((o) => !o.metadata.deletionTimestamp));
    }
    if (waiting) return;

    // The caches say empty: confirm with the server, kind by kind, deleting what is left.
    const remaining = await mapLimit(resources, CONCURRENCY, (r) => this.deleteRemaining(r, name));
    if (remaining.some((n) => n > 0)) return { requeueAfterMs: UNWATCHED_RECHECK_MS };

    try {
      await this.ctx.client.request('PUT', `/api/v1/namespaces/${encodeURIComponent(name)}/finalize`, { body: finalizeBody(ns) });
      this.ctx.logger.info({ namespace: name }, 'namespace emptied and finalized');
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** Deletes what is left of one resource in the namespace; returns how many objects remain. */
  private async deleteRemaining(r: ApiResource, namespace: string): Promise<number> {
    try {
      const list = await this.ctx.client.list(r.ref, namespace);
      if (list.items.length === 0) return 0;
      await deleteAll(this.ctx.client, r, namespace, list.items.filter((o) => !o.metadata.deletionTimestamp));
      return list.items.length;
    } catch (err) {
      if (isNotFound(err) || isMethodNotAllowed(err)) return 0;
      this.ctx.logger.warn({ namespace, resource: r.ref.resource, err: errText(err) }, 'namespace content deletion failed');
      throw err;
    }
  }
}

/** Deletes objects of one resource in the background: one deletecollection when served, else one by one. */
/** The namespaced resources whose informers tell when a namespace's content is gone. */
function watched(all: readonly ApiResource[]): ApiResource[] {
  return gcResources(all).filter((r) => r.ref.namespaced);
}

async function deleteAll(client: KubeClient, r: ApiResource, namespace: string, items: readonly KubeObject[]): Promise<void> {
  if (items.length === 0) return;
  if (hasVerbs(r, 'deletecollection')) {
    await client.deleteCollection(r.ref, namespace, { propagationPolicy: 'Background' });
    return;
  }
  await mapLimit(items, CONCURRENCY, async (o) => {
    try {
      await client.delete(r.ref, namespace, o.metadata.name ?? '', { propagationPolicy: 'Background', preconditions: { uid: o.metadata.uid } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  });
}
