/** `pause ROLLOUT…`: spec.paused=true. */
import { rollouts } from '../../kube/resources.ts';
import { atLeastOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { PAUSE_PATCH } from '../patches/simple.ts';
import { verb } from './define.ts';

export const pauseCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, { name: 'pause', usage: 'ROLLOUT_NAME', description: 'Pause a rollout', example: '  # Pause a rollout\n  %s pause guestbook' }).action(
      action(ctx, async (cmd, args: string[]) => {
        const names = atLeastOne(args);
        const { client, namespace } = await ctx.connect(cmd);
        for (const name of names) {
          const ro = await client.patch(rollouts, namespace, name, PAUSE_PATCH, 'merge');
          ctx.out.write(`rollout '${ro.metadata.name}' paused\n`);
        }
      }),
    );
  },
};
