import type { Command } from 'commander';
import { startLocalCluster } from '../../cluster/local-cluster.ts';
import { onShutdown } from '../shutdown.ts';
import { addSimulationFlags, simulationOptions, type SimulationFlags } from './cluster-flags.ts';

export interface ClusterStartFlags extends SimulationFlags {
  port: string;
  host: string;
  dataDir?: string;
  kubeconfig: string;
}

export function registerClusterStart(cluster: Command): void {
  const cmd = cluster
    .command('start')
    .description('run the local Kubernetes-compatible cluster in the foreground')
    .option('--port <port>', 'HTTPS port to listen on (0 picks a free one)', '6443')
    .option('--host <address>', 'address to bind (loopback unless told otherwise)', '127.0.0.1')
    .option('--data-dir <dir>', 'persist every write in this directory (in memory when absent)')
    .option('--kubeconfig <file>', 'where to write the kubeconfig for this cluster', '.vane/kubeconfig');
  addSimulationFlags(cmd).action(async (flags: ClusterStartFlags) => {
    const running = await startLocalCluster({
      port: parsePort(flags.port),
      host: flags.host,
      dataDir: flags.dataDir,
      kubeconfigPath: flags.kubeconfig,
      simulation: simulationOptions(flags),
      simulationInWorker: true,
    });
    process.stdout.write(`Local cluster listening on ${running.api.url} — to use it: export KUBECONFIG=${running.kubeconfigPath}\n`);
    onShutdown(() => running.stop());
  });
}

export function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${raw}`);
  return port;
}
