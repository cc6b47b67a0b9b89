/**
 * `status ROLLOUT [--watch] [--timeout D]`: prints the phase (and message) on every change until
 * Healthy (exit 0) or Degraded / timeout (exit 1), as Argo's plugin.
 */
import type { Rollout } from '../../api/types/rollout.ts';
import { rollouts } from '../../kube/resources.ts';
import { getRolloutPhase } from '../../rollout/phase.ts';
import { parseGoDuration } from '../../api/duration.ts';
import { exactlyOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { statusLine, statusOnce, statusOutcome } from '../render/status-line.ts';
import type { LiveObjects } from '../view/live-objects.ts';
import { watchLifetime } from '../view/watch-until.ts';
import { verb } from './define.ts';

export function degradedError(message: string): Error {
  return new Error(`The rollout is in a degraded state with message: ${message}`);
}
export const TIMEOUT_ERROR = 'Rollout status watch exceeded timeout';

export const statusCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, {
      name: 'status',
      usage: 'ROLLOUT_NAME',
      description: 'Show the status of a rollout',
      example: '  # Watch the rollout until it succeeds\n  %s status guestbook\n\n  # Watch the rollout until it succeeds, fail if it takes more than 60 seconds\n  %s status --timeout 60s guestbook',
    })
      .option('-w, --watch', "Watch the status of the rollout until it's done", true)
      .option('--no-watch', 'Print the status once')
      .option('-t, --timeout <duration>', 'The length of time to watch before giving up. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). Zero means wait forever', '0s')
      .addHelpText('before', 'Watch rollout until it finishes or the timeout is exceeded. Returns success if\nthe rollout is healthy upon completion and an error otherwise.\n')
      .action(
        action(ctx, async (cmd, args: string[], flags: { watch: boolean; timeout: string }) => {
          const name = exactlyOne(args);
          const timeoutMs = parseGoDuration(flags.timeout);
          if (timeoutMs === undefined) throw new Error(`invalid argument "${flags.timeout}" for "-t, --timeout" flag: time: invalid duration "${flags.timeout}"`);
          const { client, namespace } = await ctx.connect(cmd);
          let info = getRolloutPhase((await client.get(rollouts, namespace, name)) as unknown as Rollout);
          if (!flags.watch) {
            ctx.out.write(`${statusOnce({ status: info.phase, message: info.message })}\n`);
          } else {
            const lifetime = watchLifetime(timeoutMs > 0 ? timeoutMs : undefined);
            let previous = '';
            let live: LiveObjects | undefined;
            const check = (): void => {
              const ro = live?.rollout()?.rollout;
              if (!ro) return;
              info = getRolloutPhase(ro);
              const line = statusLine({ status: info.phase, message: info.message });
              if (line !== previous) {
                ctx.out.write(`${line}\n`);
                previous = line;
              }
              if (statusOutcome(info.phase) !== 'pending') lifetime.done();
            };
            const { watchObjects } = await import('../view/live-objects.ts');
            live = await watchObjects(client, namespace, 'rollout', name, check, { children: false });
            check();
            await lifetime.ended;
            await live.stop();
          }
          if (info.phase === 'Degraded') throw degradedError(info.message);
          if (info.phase !== 'Healthy' && flags.watch) throw new Error(TIMEOUT_ERROR);
        }),
      );
  },
};
