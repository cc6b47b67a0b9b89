/** The serviceaccount controller: every active namespace has a `default` ServiceAccount. */
import { namespaces, serviceaccounts } from '../../../../kube/resources.ts';
import { isAlreadyExists, isForbidden, isNotFound } from '../../../../kube/rest-errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import type { SimContext, SimController } from '../../context.ts';
import { QueueController } from '../common/controller.ts';
import { isActive } from './decide.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export async function startServiceAccountController(ctx: SimContext): Promise<SimController> {
  const nsInformer = ctx.informers.forResource<KubeObject>(namespaces);
  const saInformer = ctx.informers.forResource<KubeObject>(serviceaccounts);
  const controller = new QueueController(ctx, 'serviceaccount', async (name) => {
    if (!isActive(nsInformer.cache.get(undefined, name))) return;
    if (saInformer.cache.get(name, DEFAULT_SERVICE_ACCOUNT)) return;
    try {
      await ctx.client.create(serviceaccounts, name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: name } });
    } catch (err) {
      // Already there (the cache lags), or the namespace is going away.
      if (!isAlreadyExists(err) && !isForbidden(err) && !isNotFound(err)) throw err;
    }
  });
  const enqueue = (ns: KubeObject): void => {
    if (isActive(ns)) controller.queue.add(ns.metadata.name ?? '');
  };
  nsInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_old, ns) => enqueue(ns) });
  saInformer.addEventHandler({
    onDelete: (sa) => {
      if (sa.metadata.name === DEFAULT_SERVICE_ACCOUNT && sa.metadata.namespace) controller.queue.add(sa.metadata.namespace);
    },
  });
  controller.startWhenSynced([nsInformer, saInformer]);
  return controller;
}
