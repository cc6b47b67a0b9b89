import { startSimulation, type Simulation, type SimulationOptions } from '../../src/cluster/sim/index.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { explicitConnection } from '../../src/kube/connection.ts';
import { startTestCluster, type TestCluster } from './local-cluster.ts';

export interface SimCluster extends TestCluster {
  sim: Simulation;
  /** A client for the test itself (separate from the simulation's). */
  client: KubeClient;
}

/**
 * A local cluster plus the simulated nodes and controllers, connected through the HTTP API as the
 * lead's wiring does. Defaults suit tests: pods start at once and simulated time runs 100× faster.
 */
export async function startSimCluster(opts: SimulationOptions = {}): Promise<SimCluster> {
  const tc = await startTestCluster();
  const connect = () => explicitConnection({ server: tc.url, token: tc.token, tls: { ca: Buffer.from(tc.caCert) } });
  let sim: Simulation;
  try {
    sim = await startSimulation(connect(), { podStartDelayMs: 0, timeScale: 0.01, nodes: 3, ...opts });
  } catch (err) {
    await tc.stop();
    throw err;
  }
  const client = new KubeClient(connect(), { qps: 0 });
  return {
    ...tc,
    sim,
    client,
    async stop() {
      client.close();
      await sim.stop();
      await tc.stop();
    },
  };
}
