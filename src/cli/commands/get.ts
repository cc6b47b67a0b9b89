/** `get rollout NAME` and `get experiment NAME`, once or with `--watch`. */
import type { Command } from 'commander';
import { experiments } from '../../kube/resources.ts';
import { rollouts } from '../../kube/resources.ts';
import { exactlyOne } from '../args.ts';
import { action, type CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { renderExperiment } from '../render/experiment-view.ts';
import { renderRollout } from '../render/rollout-view.ts';
import type { LiveObjects, Root } from '../view/live-objects.ts';
import type { Redrawer } from '../view/redraw.ts';
import { fetchExperimentObjects, fetchRolloutObjects } from '../view/snapshot.ts';
import { watchLifetime } from '../view/watch-until.ts';
import { colorEnabled } from './color.ts';
import { group, verb } from './define.ts';

interface GetFlags {
  watch?: boolean;
  color?: boolean;
  timeoutSeconds?: string;
}

const TREE_ICONS = `
Tree view icons

| Icon | Kind |
|:----:|:-----------:|
| ⟳ | Rollout |
| Σ | Experiment |
| α | AnalysisRun |
| # | Revision |
| ⧉ | ReplicaSet |
| □ | Pod |
| ⊞ | Job |`;

function parseTimeoutSeconds(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^[+-]?\d+$/.test(raw)) throw new Error(`invalid argument "${raw}" for "--timeout-seconds" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
  return Number.parseInt(raw, 10);
}

export async function watchTree(ctx: CliContext, cmd: Command, root: Root, name: string, flags: GetFlags): Promise<void> {
  const timeoutSeconds = parseTimeoutSeconds(flags.timeoutSeconds);
  const { client, namespace } = await ctx.connect(cmd);
  await client.get(root === 'rollout' ? rollouts : experiments, namespace, name);
  const color = colorEnabled(flags, ctx.env);
  const [{ watchObjects }, { startRedraw }] = await Promise.all([import('../view/live-objects.ts'), import('../view/redraw.ts')]);
  let live: LiveObjects | undefined;
  let redraw: Redrawer | undefined;
  const frame = (): string | undefined => {
    if (!live) return undefined;
    const opts = { now: ctx.now(), color };
    if (root === 'rollout') {
      const o = live.rollout();
      return o ? renderRollout(o, opts) : undefined;
    }
    const o = live.experiment();
    return o ? renderExperiment(o, opts) : undefined;
  };
  const lifetime = watchLifetime(timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined);
  live = await watchObjects(client, namespace, root, name, () => redraw?.changed());
  redraw = startRedraw(ctx.out, frame, ctx.now);
  await lifetime.ended;
  redraw.stop();
  await live.stop();
}

function treeVerb(parent: Command, ctx: CliContext, root: Root): Command {
  const isRollout = root === 'rollout';
  const cmd = verb(parent, ctx, {
    name: root,
    usage: isRollout ? 'ROLLOUT_NAME' : 'EXPERIMENT_NAME',
    aliases: isRollout ? ['ro', 'rollouts'] : ['exp', 'experiments'],
    description: isRollout ? 'Get details about a rollout' : 'Get details about an Experiment',
    example: isRollout
      ? '  # Get a rollout\n  %s get rollout guestbook\n\n  # Watch progress of a rollout\n  %s get rollout guestbook -w'
      : '  # Get an experiment\n  %s get experiment my-experiment\n\n  # Watch experiment progress\n  %s get experiment my-experiment -w',
  })
    .option('-w, --watch', 'Watch live updates to the rollout')
    .option('--no-color', 'Do not colorize output');
  if (isRollout) cmd.option('--timeout-seconds <seconds>', 'Timeout after specified seconds', '0');
  cmd.addHelpText('before', `Get details about and visual representation of a${isRollout ? ' rollout' : ' experiment'}. It returns a bunch of metadata on a resource and a tree view of the child resources created by the parent.\n${TREE_ICONS}\n`);
  return cmd.action(
    action(ctx, async (c, args: string[], flags: GetFlags) => {
      const name = exactlyOne(args);
      if (flags.watch) return watchTree(ctx, c, root, name, flags);
      const { client, namespace } = await ctx.connect(c);
      const opts = { now: ctx.now(), color: colorEnabled(flags, ctx.env) };
      ctx.out.write(isRollout ? renderRollout(await fetchRolloutObjects(client, namespace, name), opts) : renderExperiment(await fetchExperimentObjects(client, namespace, name), opts));
    }),
  );
}

export const getCommand: CliCommand = {
  register(parent, ctx) {
    const get = group(parent, { name: 'get', description: 'Get details about rollouts and experiments' });
    treeVerb(get, ctx, 'rollout');
    treeVerb(get, ctx, 'experiment');
    return get;
  },
};
