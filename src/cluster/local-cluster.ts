import * as path from 'node:path';
import { startApiServer, type RunningApiServer } from './apiserver/server.ts';

export interface LocalClusterOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  kubeconfigPath: string;
}

export interface LocalCluster {
  api: RunningApiServer;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

/** The local cluster: the API server (and, as they land, the simulated nodes and controllers). */
export async function startLocalCluster(opts: LocalClusterOptions): Promise<LocalCluster> {
  const kubeconfigPath = path.resolve(opts.kubeconfigPath);
  const api = await startApiServer({
    port: opts.port,
    host: opts.host,
    dataDir: opts.dataDir ? path.resolve(opts.dataDir) : undefined,
    kubeconfigPath,
  });
  return {
    api,
    kubeconfigPath,
    stop: () => api.close(),
  };
}
