/** `promote ROLLOUT [--full]`: resume a paused step / blue-green pause, or skip everything. */
import type { Rollout } from '../../api/types/rollout.ts';
import type { KubeClient } from '../../kube/client.ts';
import { isNotFound } from '../../kube/rest-errors.ts';
import { rollouts } from '../../kube/resources.ts';
import { exactlyOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import { checkPromoteFlags, promotePatches, USE_BOTH_SKIP_FLAGS_ERROR, type PromoteFlags } from '../patches/promote.ts';
import { verb } from './define.ts';

/** Status patch first (the unified patch on the main resource when there is no status subresource), then spec. */
export async function promoteRollout(client: KubeClient, namespace: string, name: string, flags: PromoteFlags): Promise<string> {
  let ro = (await client.get(rollouts, namespace, name)) as unknown as Rollout;
  checkPromoteFlags(ro, flags);
  const patches = promotePatches(ro, flags);
  let spec = patches.spec;
  if (patches.status) {
    try {
      ro = (await client.patch(rollouts, namespace, name, patches.status, 'merge', { subresource: 'status' })) as unknown as Rollout;
    } catch (err) {
      if (!isNotFound(err)) throw err;
      spec = patches.unified;
    }
  }
  if (spec) ro = (await client.patch(rollouts, namespace, name, spec, 'merge')) as unknown as Rollout;
  return ro.metadata?.name ?? name;
}

export const promoteCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, {
      name: 'promote',
      usage: 'ROLLOUT_NAME',
      description: 'Promote a rollout',
      example: '  # Promote a paused rollout\n  %s promote guestbook\n\n  # Fully promote a rollout to desired version, skipping analysis, pauses, and steps\n  %s promote guestbook --full',
    })
      .option('-c, --skip-current-step', 'Skip currently running canary step (deprecated: use without the flag instead)')
      .option('-a, --skip-all-steps', 'Skip remaining steps (deprecated: use --full instead)')
      .option('--full', 'Perform a full promotion, skipping analysis, pauses, and steps')
      .action(
        action(ctx, async (cmd, args: string[], flags: PromoteFlags) => {
          const name = exactlyOne(args);
          if (flags.skipCurrentStep && flags.skipAllSteps) throw new Error(USE_BOTH_SKIP_FLAGS_ERROR);
          if (flags.skipCurrentStep) ctx.err.write('Flag --skip-current-step has been deprecated, use without the flag instead ex: promote ROLLOUT_NAME\n');
          if (flags.skipAllSteps) ctx.err.write('Flag --skip-all-steps has been deprecated, use --full instead\n');
          const { client, namespace } = await ctx.connect(cmd);
          const promoted = await promoteRollout(client, namespace, name, flags);
          ctx.out.write(flags.full ? `rollout '${promoted}' fully promoted\n` : `rollout '${promoted}' promoted\n`);
        }),
      );
  },
};
