import type { Command } from 'commander';
import { startLocalCluster } from '../../cluster/local-cluster.ts';
import { onShutdown } from '../shutdown.ts';
import { parsePort } from './cluster-start.ts';
import { addSimulationFlags, simulationOptions, type SimulationFlags } from './cluster-flags.ts';

/** `npm start`: the local lab. Later steps add the controller and the demo rollout here. */
export function registerStart(program: Command): void {
  const cmd = program
    .command('start')
    .description('run the local lab: local cluster (and, as they land, the controller and a demo)')
    .option('--port <port>', 'HTTPS port of the local cluster', '6443')
    .option('--data-dir <dir>', 'persist the cluster state in this directory')
    .option('--kubeconfig <file>', 'where to write the kubeconfig', '.vane/kubeconfig');
  addSimulationFlags(cmd)
    .action(async (flags: SimulationFlags & { port: string; dataDir?: string; kubeconfig: string }) => {
      const running = await startLocalCluster({
        port: parsePort(flags.port),
        dataDir: flags.dataDir,
        kubeconfigPath: flags.kubeconfig,
        simulation: simulationOptions(flags),
      });
      process.stdout.write(
        [
          `Local cluster listening on ${running.api.url} — to use it: export KUBECONFIG=${running.kubeconfigPath}`,
          'Try:  kubectl get namespaces',
          'Stop with Ctrl-C.',
          '',
        ].join('\n'),
      );
      onShutdown(() => running.stop());
    });
}
