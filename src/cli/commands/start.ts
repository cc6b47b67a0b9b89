import type { Command } from 'commander';
import { startLab } from '../../cluster/lab/lab.ts';
import { buildInfo } from '../build-info.ts';
import { onShutdown } from '../shutdown.ts';
import { parsePort } from './cluster-start.ts';
import { addSimulationFlags, simulationOptions, type SimulationFlags } from './cluster-flags.ts';

interface StartFlags extends SimulationFlags {
  port: string;
  dataDir?: string;
  kubeconfig: string;
  metricsPort: string;
  demo: boolean;
}

/** `npm start`: the local lab — cluster, simulated nodes, CRDs, the controller and a demo canary. */
export function registerStart(program: Command): void {
  const cmd = program
    .command('start')
    .description('run the local lab: local cluster, simulated nodes, the Rollout controller and a demo canary')
    .option('--port <port>', 'HTTPS port of the local cluster', '6443')
    .option('--data-dir <dir>', 'persist the cluster state in this directory')
    .option('--kubeconfig <file>', 'where to write the kubeconfig', '.vane/kubeconfig')
    .option('--metrics-port <port>', "controller's Prometheus /metrics port (0 picks a free one)", '8090')
    .option('--no-demo', 'do not apply examples/canary-demo.yaml');
  addSimulationFlags(cmd).action(async (flags: StartFlags) => {
    const lab = await startLab({
      port: parsePort(flags.port),
      dataDir: flags.dataDir,
      kubeconfigPath: flags.kubeconfig,
      simulation: simulationOptions(flags),
      simulationInWorker: true,
      metricsPort: parsePort(flags.metricsPort),
      demo: flags.demo,
      version: buildInfo().version,
    });
    const kc = lab.cluster.kubeconfigPath;
    process.stdout.write(
      [
        `Local cluster listening on ${lab.cluster.api.url} — to use it: export KUBECONFIG=${kc}`,
        `Rollout controller running; metrics on http://127.0.0.1:${lab.controller.metricsPort}/metrics`,
        flags.demo ? 'Demo canary applied (examples/canary-demo.yaml). Try, in another terminal:' : 'Try, in another terminal:',
        `  export KUBECONFIG=${kc}`,
        '  kubectl get rollouts,replicasets,pods',
        '  npx vane get rollout rollouts-demo --watch',
        '  npx vane set image rollouts-demo rollouts-demo=argoproj/rollouts-demo:yellow',
        '  npx vane promote rollouts-demo',
        '  npx vane abort rollouts-demo',
        '(with the plugin on your PATH, `kubectl argo rollouts …` works the same: export PATH=$PWD/bin:$PATH)',
        'Stop with Ctrl-C.',
        '',
      ].join('\n'),
    );
    onShutdown(() => lab.stop());
  });
}
