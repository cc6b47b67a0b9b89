/** `restart ROLLOUT [--in D]`: spec.restartAt = now + D. */
import { rollouts } from '../../kube/resources.ts';
import { exactlyOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { restartPatch } from '../patches/simple.ts';
import { durationStringMs } from '../util/duration.ts';
import { verb } from './define.ts';

export const restartCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, {
      name: 'restart',
      usage: 'ROLLOUT',
      description: 'Restart the pods of a rollout',
      example: '  # Restart the pods of a rollout in now\n  %s restart ROLLOUT_NAME\n\n  # Restart the pods of a rollout in ten seconds\n  %s restart ROLLOUT_NAME --in 10s',
    })
      .option('-i, --in <duration>', 'Amount of time before a restart. (e.g. 30s, 5m, 1h)')
      .action(
        action(ctx, async (cmd, args: string[], flags: { in?: string }) => {
          const name = exactlyOne(args);
          let inMs = 0;
          let inText = '0s';
          if (flags.in) {
            const ms = durationStringMs(flags.in);
            if (ms === undefined) throw new Error(`time: invalid duration "${flags.in}"`);
            inMs = ms;
            inText = flags.in;
          }
          const { client, namespace } = await ctx.connect(cmd);
          const ro = await client.patch(rollouts, namespace, name, restartPatch(ctx.now(), inMs), 'merge');
          ctx.out.write(`rollout '${ro.metadata.name}' restarts in ${inText}\n`);
        }),
      );
  },
};
