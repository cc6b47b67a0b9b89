import type { Command } from 'commander';
import { runController } from '../../controller/manager.ts';
import { loadClusterConnection } from '../../kube/config.ts';
import { buildInfo } from '../build-info.ts';
import { onShutdown } from '../shutdown.ts';

interface ControllerFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  instanceId?: string;
  leaderElect: boolean;
  leaderElectionNamespace?: string;
  metricsPort: string;
  healthzPort: string;
  bindAddress: string;
  rolloutThreads: string;
  qps: string;
  burst: string;
}

function intFlag(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`invalid --${name}: ${raw}`);
  return n;
}

/** `vane controller`: the Rollout controller against any cluster (local or real), like Argo's rollouts-controller. */
export function registerController(program: Command): void {
  program
    .command('controller')
    .description('run the Rollout controller against the cluster of a kubeconfig (or in-cluster)')
    .option('--kubeconfig <file>', 'path to a kubeconfig (default: $KUBECONFIG, ~/.kube/config, in-cluster)')
    .option('--context <name>', 'kubeconfig context to use')
    .option('--namespace <ns>', 'only watch this namespace (default: all namespaces)')
    .option('--instance-id <id>', 'only handle objects labelled argo-rollouts.argoproj.io/controller-instance-id=<id>')
    .option('--leader-elect', 'use leader election through a Lease (several replicas)', true)
    .option('--no-leader-elect', 'reconcile without leader election')
    .option('--leader-election-namespace <ns>', 'namespace of the leader-election Lease (default: $POD_NAMESPACE or the context namespace)')
    .option('--metrics-port <port>', 'port for Prometheus /metrics (negative disables)', '8090')
    .option('--healthz-port <port>', 'port for /healthz (negative disables)', '8080')
    .option('--bind-address <address>', 'address the metrics and healthz servers listen on', '127.0.0.1')
    .option('--rollout-threads <n>', 'rollout reconcile workers', '10')
    .option('--qps <n>', 'client-side API request rate', '40')
    .option('--burst <n>', 'client-side API request burst', '80')
    .action(async (flags: ControllerFlags) => {
      const connection = await loadClusterConnection({ kubeconfig: flags.kubeconfig, context: flags.context });
      const running = await runController({
        connection,
        namespace: flags.namespace,
        instanceId: flags.instanceId,
        leaderElect: flags.leaderElect,
        leaseNamespace: flags.leaderElectionNamespace ?? process.env.POD_NAMESPACE ?? connection.namespace,
        rolloutThreads: intFlag('rollout-threads', flags.rolloutThreads, 1),
        qps: intFlag('qps', flags.qps, 0),
        burst: intFlag('burst', flags.burst, 1),
        metricsPort: Number(flags.metricsPort),
        healthzPort: Number(flags.healthzPort),
        bindAddress: flags.bindAddress,
        version: buildInfo().version,
      });
      process.stderr.write(
        `vane controller running against ${connection.server}` +
          (running.metricsPort !== undefined ? ` — metrics on http://${flags.bindAddress}:${running.metricsPort}/metrics` : '') +
          '\n',
      );
      onShutdown(() => running.stop());
    });
}
