import * as path from 'node:path';
import { explicitConnection, closeConnection } from '../kube/connection.ts';
import { startApiServer, type RunningApiServer } from './apiserver/server.ts';
import { startSimulation, type Simulation, type SimulationOptions } from './sim/index.ts';
import { startSimulationInWorker } from './sim/worker.ts';

export interface LocalClusterOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  kubeconfigPath: string;
  /** Simulated nodes and built-in controllers; false runs the API server alone. */
  simulation?: SimulationOptions | false;
  /** Run the simulation in a worker thread, so it uses the second core (still over HTTPS). */
  simulationInWorker?: boolean;
}

export interface LocalCluster {
  api: RunningApiServer;
  kubeconfigPath: string;
  /** The in-process simulation (absent when it runs in a worker thread or not at all). */
  simulation?: Simulation;
  stop(): Promise<void>;
}

/**
 * The local cluster: the API server plus the simulated nodes and controllers. The simulation is
 * a client like any other: it reaches the API server over HTTPS with the cluster's token.
 */
export async function startLocalCluster(opts: LocalClusterOptions): Promise<LocalCluster> {
  const kubeconfigPath = path.resolve(opts.kubeconfigPath);
  const api = await startApiServer({
    port: opts.port,
    host: opts.host,
    dataDir: opts.dataDir ? path.resolve(opts.dataDir) : undefined,
    kubeconfigPath,
  });
  let simulation: Simulation | undefined;
  let workerSimulation: { stop(): Promise<void> } | undefined;
  const conn = explicitConnection({ server: api.url, token: api.token, tls: { ca: Buffer.from(api.caCert) } });
  if (opts.simulation !== false) {
    try {
      if (opts.simulationInWorker) workerSimulation = await startSimulationInWorker({ server: api.url, token: api.token, caCert: api.caCert }, opts.simulation ?? {});
      else simulation = await startSimulation(conn, opts.simulation ?? {});
    } catch (err) {
      await api.close();
      throw err;
    }
  }
  return {
    api,
    kubeconfigPath,
    simulation,
    stop: async () => {
      await simulation?.stop();
      await workerSimulation?.stop();
      closeConnection(conn);
      await api.close();
    },
  };
}
