/**
 * Runs the simulated nodes and built-in controllers against an API server, through its HTTP API only:
 * registers the nodes, starts the scheduler, kubelet, ReplicaSet, Deployment and Endpoints controllers
 * (plus the lifecycle controllers in ./lifecycle/) on one shared informer factory, and resolves once
 * their caches have synced.
 */
import { setMaxListeners } from 'node:events';
import { KubeClient } from '../../kube/client.ts';
import { realClock, type Clock } from '../../kube/clock.ts';
import type { ClusterConnection } from '../../kube/connection.ts';
import { SharedInformerFactory } from '../../kube/informer-factory.ts';
import { silentLogger, type KubeLogger } from '../../kube/log.ts';
import { DEFAULT_SIM_OPTIONS, type SimContext, type SimController, type SimOptions } from './context.ts';
import { startDeploymentController } from './deployment/deployment-controller.ts';
import { startEndpointsController } from './endpoints/endpoints-controller.ts';
import { startKubelet } from './kubelet/kubelet.ts';
import { startLifecycleControllers } from './lifecycle/index.ts';
import { ensureNodes, type SimNode } from './nodes/ensure-nodes.ts';
import { startScheduler } from './nodes/scheduler.ts';
import { startReplicaSetController } from './replicaset/replicaset-controller.ts';

export type { SimOptions } from './context.ts';

export interface SimulationOptions extends Partial<SimOptions> {
  logger?: KubeLogger;
  clock?: Clock;
}

export interface Simulation {
  /** The simulation's own client (its request metrics count the simulation's API calls). */
  client: KubeClient;
  nodes: SimNode[];
  opts: SimOptions;
  stop(): Promise<void>;
}

export async function startSimulation(conn: ClusterConnection, options: SimulationOptions = {}): Promise<Simulation> {
  const opts: SimOptions = {
    podStartDelayMs: options.podStartDelayMs ?? DEFAULT_SIM_OPTIONS.podStartDelayMs,
    timeScale: options.timeScale ?? DEFAULT_SIM_OPTIONS.timeScale,
    nodes: options.nodes ?? DEFAULT_SIM_OPTIONS.nodes,
  };
  if (!(opts.timeScale > 0)) throw new Error(`timeScale must be > 0, got ${opts.timeScale}`);
  if (!(opts.nodes >= 1)) throw new Error(`nodes must be >= 1, got ${opts.nodes}`);
  const clock = options.clock ?? realClock;
  const logger = options.logger ?? silentLogger;
  // The simulated components are part of the cluster: no client-side rate limit.
  const client = new KubeClient(conn, { qps: 0, userAgent: 'vane-sim/v1.32.0', fieldManager: 'vane-sim', clock });
  const informers = new SharedInformerFactory(client, { logger, clock });
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // every controller and informer listens for the stop
  const ctx: SimContext = { client, informers, opts, logger, clock, signal: abort.signal };

  const nodes = await ensureNodes(client, opts.nodes, () => clock.now());
  const controllers: SimController[] = [];
  const stop = async (): Promise<void> => {
    abort.abort();
    await Promise.all(controllers.map((c) => c.stop()));
    await informers.shutdown();
    client.close();
  };
  try {
    controllers.push(await startScheduler(ctx, nodes.map((n) => n.name)));
    controllers.push(await startKubelet(ctx, nodes));
    controllers.push(await startReplicaSetController(ctx));
    controllers.push(await startDeploymentController(ctx));
    controllers.push(await startEndpointsController(ctx));
    controllers.push(await startLifecycleControllers(ctx));
    informers.start();
    if (!(await informers.waitForCacheSync(abort.signal))) throw new Error('simulation informers did not sync');
  } catch (err) {
    await stop();
    throw err;
  }
  return { client, nodes, opts, stop };
}
