/** The serviceaccount controller: every active namespace has a `default` ServiceAccount. */
import { namespaces, serviceaccounts } from '../../../../kube/resources.ts';
import { isAlreadyExists, isForbidden, isNotFound } from '../../../../kube/rest-errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import type { SimContext, SimController } from '../../context.ts';
import { startWorkerPool } from '../../util/worker-pool.ts';
import { isActive } from './decide.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export async function startServiceAccountController(ctx: SimContext): Promise<SimController> {
  const nsInformer = ctx.informers.forResource<KubeObject>(namespaces);
  const saInformer = ctx.informers.forResource<KubeObject>(serviceaccounts);
  const sync = async (name: string): Promise<void> => {
    if (!isActive(nsInformer.cache.get(undefined, name))) return;
    if (saInformer.cache.get(name, DEFAULT_SERVICE_ACCOUNT)) return;
    try {
      await ctx.client.create(serviceaccounts, name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: name } });
    } catch (err) {
      // Already there (the cache lags), or the namespace is going away.
      if (!isAlreadyExists(err) && !isForbidden(err) && !isNotFound(err)) throw err;
    }
  };
  const pool = startWorkerPool({
    name: 'serviceaccount',
    workers: 1,
    informers: [nsInformer, saInformer],
    handler: sync,
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
  });
  const enqueue = (ns: KubeObject): void => {
    if (isActive(ns)) pool.queue.add(ns.metadata.name ?? '');
  };
  nsInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_old, ns) => enqueue(ns) });
  saInformer.addEventHandler({
    onDelete: (sa) => {
      if (sa.metadata.name === DEFAULT_SERVICE_ACCOUNT && sa.metadata.namespace) pool.queue.add(sa.metadata.namespace);
    },
  });
  return pool;
}
