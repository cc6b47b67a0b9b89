/** `abort ROLLOUT…`: status.abort=true. */
import { atLeastOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { ABORT_PATCH } from '../patches/simple.ts';
import { verb } from './define.ts';
import { patchRolloutStatus } from './status-patch.ts';

export const abortCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, { name: 'abort', usage: 'ROLLOUT_NAME', description: 'Abort a rollout', example: '  # Abort a rollout\n  %s abort guestbook' }).action(
      action(ctx, async (cmd, args: string[]) => {
        const names = atLeastOne(args);
        const { client, namespace } = await ctx.connect(cmd);
        for (const name of names) {
          const ro = await patchRolloutStatus(client, namespace, name, ABORT_PATCH);
          ctx.out.write(`rollout '${ro.metadata.name}' aborted\n`);
        }
      }),
    );
  },
};
