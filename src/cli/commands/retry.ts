/** `retry rollout NAME…` (status.abort=false) and `retry experiment NAME…` (status=null). */
import { experiments } from '../../kube/resources.ts';
import { atLeastOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { RETRY_EXPERIMENT_PATCH, RETRY_ROLLOUT_PATCH } from '../patches/simple.ts';
import { group, verb } from './define.ts';
import { patchRolloutStatus } from './status-patch.ts';

export const retryCommand: CliCommand = {
  register(parent, ctx) {
    const retry = group(parent, { name: 'retry', description: 'Retry a rollout or experiment' });
    verb(retry, ctx, { name: 'rollout', usage: 'ROLLOUT_NAME', aliases: ['ro', 'rollouts'], description: 'Retry an aborted rollout', example: '  # Retry an aborted rollout\n  %s retry rollout guestbook' }).action(
      action(ctx, async (cmd, args: string[]) => {
        const names = atLeastOne(args);
        const { client, namespace } = await ctx.connect(cmd);
        for (const name of names) {
          const ro = await patchRolloutStatus(client, namespace, name, RETRY_ROLLOUT_PATCH);
          ctx.out.write(`rollout '${ro.metadata.name}' retried\n`);
        }
      }),
    );
    verb(retry, ctx, { name: 'experiment', usage: 'EXPERIMENT_NAME', aliases: ['exp', 'experiments'], description: 'Retry an experiment', example: '  # Retry an experiment\n  %s retry experiment my-experiment' }).action(
      action(ctx, async (cmd, args: string[]) => {
        const names = atLeastOne(args);
        const { client, namespace } = await ctx.connect(cmd);
        for (const name of names) {
          const ex = await client.patch(experiments, namespace, name, RETRY_EXPERIMENT_PATCH, 'merge');
          ctx.out.write(`experiment '${ex.metadata.name}' retried\n`);
        }
      }),
    );
    return retry;
  },
};
