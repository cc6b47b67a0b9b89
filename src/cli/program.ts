import { Command } from 'commander';
import { registerClusterStart } from './commands/cluster-start.ts';
import { registerStart } from './commands/start.ts';

export function buildProgram(): Command {
  const program = new Command('vane').description('Progressive delivery for Kubernetes (Argo Rollouts compatible)');
  const cluster = program.command('cluster').description('the embedded local cluster');
  registerClusterStart(cluster);
  registerStart(program);
  return program;
}
