/**
 * The local cluster's built-in lifecycle controllers: garbage collector, namespace lifecycle (and
 * the default ServiceAccount), Job, HorizontalPodAutoscaler and disruption (PodDisruptionBudget
 * status). They reach the cluster only through `ctx.client` and `ctx.informers`.
 */
import type { SimContext, SimController } from '../context.ts';
import { ApiDiscovery } from './common/api-discovery.ts';
import { startGarbageCollector } from './gc/gc-controller.ts';
import { startHpaController } from './hpa/hpa-controller.ts';
import { startJobController } from './job/job-controller.ts';
import { startNamespaceController } from './namespace/namespace-controller.ts';
import { startServiceAccountController } from './namespace/serviceaccount-controller.ts';
import { startDisruptionController } from './pdb/pdb-controller.ts';

export async function startLifecycleControllers(ctx: SimContext): Promise<SimController> {
  const discovery = new ApiDiscovery(ctx);
  await discovery.start();
  const controllers: SimController[] = [];
  try {
    controllers.push(await startGarbageCollector(ctx, discovery));
    controllers.push(await startNamespaceController(ctx, discovery));
    controllers.push(await startServiceAccountController(ctx));
    controllers.push(await startJobController(ctx));
    controllers.push(await startHpaController(ctx, discovery));
    controllers.push(await startDisruptionController(ctx, discovery));
  } catch (err) {
    discovery.stop();
    await Promise.all(controllers.map((c) => c.stop()));
    throw err;
  }
  return {
    async stop() {
      discovery.stop();
      await Promise.all(controllers.map((c) => c.stop()));
    },
  };
}
