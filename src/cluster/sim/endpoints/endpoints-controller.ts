/**
 * Endpoints and EndpointSlices for every Service with a selector, from the pods it selects: one queue
 * keyed by Service, refreshed when a selected pod's address, readiness or termination changes, and
 * cleaned up when the Service goes.
 */
import { keyOf } from '../../../kube/cache.ts';
import { endpoints as endpointsRef, endpointslices as slicesRef, nodes as nodesRef, pods as podsRef, services as servicesRef } from '../../../kube/resources.ts';
import { isAlreadyExists, isNotFound } from '../../../kube/rest-errors.ts';
import type { WorkResult } from '../../../kube/workers.ts';
import type { SimContext, SimController } from '../context.ts';
import { isControlledBy } from '../util/controller-ref.ts';
import type { EndpointSliceObject, EndpointsObject, NodeObject, PodObject, ServiceObject } from '../util/types.ts';
import { startWorkerPool } from '../util/worker-pool.ts';
import { desiredEndpoints } from './build-endpoints.ts';
import { desiredSliceContents, MANAGED_BY, MANAGED_BY_LABEL, planSlices, SERVICE_NAME_LABEL } from './build-slices.ts';
import { endpointSignature, managesEndpoints, serviceSelects } from './pod-endpoint.ts';

export const ENDPOINTS_WORKERS = 4;

const ignoreNotFound = (err: unknown): void => {
  if (!isNotFound(err)) throw err;
};

export async function startEndpointsController(ctx: SimContext): Promise<SimController> {
  const svcInformer = ctx.informers.forResource<ServiceObject>(servicesRef);
  const podInformer = ctx.informers.forResource<PodObject>(podsRef);
  const epInformer = ctx.informers.forResource<EndpointsObject>(endpointsRef);
  const sliceInformer = ctx.informers.forResource<EndpointSliceObject>(slicesRef);
  const nodeInformer = ctx.informers.forResource<NodeObject>(nodesRef);
  const zoneOf = (node: string): string | undefined => nodeInformer.cache.get(undefined, node)?.metadata.labels?.['topology.kubernetes.io/zone'];

  const managedSlices = (ns: string, name: string): EndpointSliceObject[] =>
    sliceInformer.cache.byLabels({ [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY }, ns);

  const syncEndpoints = async (svc: ServiceObject, pods: PodObject[]): Promise<void> => {
    const ns = svc.metadata.namespace;
    const current = epInformer.cache.get(ns, svc.metadata.name ?? '');
    const want = desiredEndpoints(svc, pods, current);
    if (!want) return;
    if (!current) {
      try {
        await ctx.client.create(endpointsRef, ns, want, { signal: ctx.signal });
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        throw new Error(`endpoints ${ns}/${svc.metadata.name} appeared meanwhile; retrying`);
      }
      return;
    }
    await ctx.client.update(endpointsRef, ns, want, { signal: ctx.signal });
  };

  const syncSlices = async (svc: ServiceObject, pods: PodObject[]): Promise<void> => {
    const ns = svc.metadata.namespace ?? '';
    const existing = managedSlices(ns, svc.metadata.name ?? '').filter((s) => isControlledBy(s, svc.metadata.uid));
    const plan = planSlices(svc, desiredSliceContents(svc, pods, zoneOf), existing);
    for (const s of plan.update) await ctx.client.update(slicesRef, ns, s, { signal: ctx.signal });
    for (const s of plan.create) await ctx.client.create(slicesRef, ns, s, { signal: ctx.signal });
    for (const s of plan.delete) await ctx.client.delete(slicesRef, ns, s.metadata.name ?? '', { signal: ctx.signal }).catch(ignoreNotFound);
  };

  const cleanUp = async (ns: string, name: string): Promise<void> => {
    if (epInformer.cache.get(ns, name)) await ctx.client.delete(endpointsRef, ns, name, { signal: ctx.signal }).catch(ignoreNotFound);
    for (const s of managedSlices(ns, name)) await ctx.client.delete(slicesRef, ns, s.metadata.name ?? '', { signal: ctx.signal }).catch(ignoreNotFound);
  };

  const sync = async (key: string): Promise<WorkResult> => {
    const svc = svcInformer.cache.getByKey(key);
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    const name = key.slice(slash + 1);
    if (!svc) return cleanUp(ns, name);
    if (!managesEndpoints(svc)) return;
    const selector = svc.spec?.selector ?? {};
    const pods = (Object.keys(selector).length > 0 ? podInformer.cache.byLabels(selector, ns) : podInformer.cache.list(ns)).filter((p) => serviceSelects(svc, p));
    await syncEndpoints(svc, pods);
    await syncSlices(svc, pods);
    return;
  };

  const pool = startWorkerPool({
    name: 'endpoints',
    workers: ENDPOINTS_WORKERS,
    informers: [svcInformer, podInformer, epInformer, sliceInformer, nodeInformer],
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
    handler: sync,
  });
  const enqueueFor = (pod: PodObject): void => {
    for (const svc of svcInformer.cache.list(pod.metadata.namespace ?? '')) if (serviceSelects(svc, pod)) pool.queue.add(keyOf(svc));
  };

  svcInformer.addEventHandler({
    onAdd: (s) => pool.queue.add(keyOf(s)),
    onUpdate: (_o, s) => pool.queue.add(keyOf(s)),
    onDelete: (s) => pool.queue.add(keyOf(s)),
  });
  podInformer.addEventHandler({
    onAdd: enqueueFor,
    onUpdate: (old, cur) => {
      if (endpointSignature(old) === endpointSignature(cur)) return;
      enqueueFor(cur);
      if (JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(cur.metadata.labels ?? {})) enqueueFor(old);
    },
    onDelete: enqueueFor,
  });
  const byOwner = (obj: EndpointsObject | EndpointSliceObject): void => {
    const name = obj.kind === 'Endpoints' ? obj.metadata.name : obj.metadata.labels?.[SERVICE_NAME_LABEL];
    if (name && svcInformer.cache.get(obj.metadata.namespace, name)) pool.queue.add(`${obj.metadata.namespace ?? ''}/${name}`);
  };
  // Repair writes made by others (and our own stale views) by re-syncing the owning service.
  epInformer.addEventHandler({ onUpdate: (_o, e) => byOwner(e), onDelete: byOwner });
  sliceInformer.addEventHandler({ onUpdate: (_o, s) => byOwner(s), onDelete: byOwner });

  return { stop: () => pool.stop() };
}
