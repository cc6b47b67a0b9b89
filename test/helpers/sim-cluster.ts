import type { Simulation, SimulationOptions } from '../../src/cluster/sim/index.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { explicitConnection } from '../../src/kube/connection.ts';
import { startTestCluster, type TestCluster } from './local-cluster.ts';

export interface SimCluster extends TestCluster {
  sim: Simulation;
  /** A client for the test itself (separate from the simulation's). */
  client: KubeClient;
}

/**
 * A local cluster with its simulated nodes and controllers, started the way `startLocalCluster`
 * runs them. Defaults suit tests: pods start at once and simulated time runs 100× faster.
 */
export async function startSimCluster(opts: SimulationOptions = {}): Promise<SimCluster> {
  const tc = await startTestCluster({ simulation: { podStartDelayMs: 0, timeScale: 0.01, nodes: 3, ...opts } });
  const sim = tc.cluster.simulation;
  if (!sim) {
    await tc.stop();
    throw new Error('the local cluster did not start its simulation');
  }
  const client = new KubeClient(explicitConnection({ server: tc.url, token: tc.token, tls: { ca: Buffer.from(tc.caCert) } }), { qps: 0 });
  return {
    ...tc,
    sim,
    client,
    async stop() {
      client.close();
      await tc.stop();
    },
  };
}
