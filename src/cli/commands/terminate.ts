/** `terminate analysisrun NAME…` / `terminate experiment NAME…`: spec.terminate=true. */
import { analysisruns, experiments } from '../../kube/resources.ts';
import { atLeastOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { TERMINATE_PATCH } from '../patches/simple.ts';
import { group, verb } from './define.ts';

export const terminateCommand: CliCommand = {
  register(parent, ctx) {
    const terminate = group(parent, { name: 'terminate', description: 'Terminate an AnalysisRun or Experiment' });
    verb(terminate, ctx, { name: 'analysisrun', usage: 'ANALYSISRUN_NAME', aliases: ['ar', 'analysisruns'], description: 'Terminate an AnalysisRun', example: '  # Terminate an AnalysisRun\n  %s terminate analysisrun guestbook-877894d5b-4-success-rate.1' }).action(
      action(ctx, async (cmd, args: string[]) => {
        const names = atLeastOne(args);
        const { client, namespace } = await ctx.connect(cmd);
        for (const name of names) {
          const run = await client.patch(analysisruns, namespace, name, TERMINATE_PATCH, 'merge');
          ctx.out.write(`analysisRun '${run.metadata.name}' terminated\n`);
        }
      }),
    );
    verb(terminate, ctx, { name: 'experiment', usage: 'EXPERIMENT_NAME', aliases: ['exp', 'experiments'], description: 'Terminate an experiment', example: '  # Terminate an experiment\n  %s terminate experiment my-experiment' }).action(
      action(ctx, async (cmd, args: string[]) => {
        const names = atLeastOne(args);
        const { client, namespace } = await ctx.connect(cmd);
        for (const name of names) {
          const ex = await client.patch(experiments, namespace, name, TERMINATE_PATCH, 'merge');
          // Argo's plugin prints "retried" here too; scripts match on it.
          ctx.out.write(`experiment '${ex.metadata.name}' retried\n`);
        }
      }),
    );
    return terminate;
  },
};
