/** `list rollouts [-A] [--name N] [--watch] [--timestamps]` and `list experiments [-A]`. */
import type { Command } from 'commander';
import type { Experiment } from '../../api/types/experiment.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import type { KubeClient } from '../../kube/client.ts';
import { experiments, rollouts } from '../../kube/resources.ts';
import { action, type CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { renderExperimentList } from '../render/experiment-list.ts';
import { renderRolloutList, rolloutListColumns, rolloutListLine, type RolloutListOptions } from '../render/rollout-list.ts';
import { tabwrite } from '../render/tabwriter.ts';
import { watchLifetime } from '../view/watch-until.ts';
import { group, verb } from './define.ts';

interface ListFlags {
  name?: string;
  allNamespaces?: boolean;
  watch?: boolean;
  timestamps?: boolean;
}

const FLUSH_MS = 500;
const MAX_WATCH_RETRIES = 5;

/** After the table: one new line per rollout whose columns changed, aligned per 500 ms batch. */
async function watchRollouts(ctx: CliContext, client: KubeClient, namespace: string | undefined, flags: ListFlags, initial: readonly Rollout[], resourceVersion: string | undefined): Promise<void> {
  const key = (ro: Rollout): string => `${ro.metadata?.namespace ?? ''}/${ro.metadata?.name ?? ''}`;
  const lineOptions = (): RolloutListOptions => ({ allNamespaces: !!flags.allNamespaces, ...(flags.timestamps ? { timestamp: ctx.now() } : {}) });
  const prev = new Map<string, string>();
  for (const ro of initial) prev.set(key(ro), JSON.stringify(rolloutListColumns(ro)));
  let buffered: string[] = [];
  const flush = setInterval(() => {
    if (buffered.length === 0) return;
    ctx.out.write(tabwrite(buffered.map((l) => `${l}\n`).join('')));
    buffered = [];
  }, FLUSH_MS);
  const lifetime = watchLifetime(undefined);
  const abort = new AbortController();
  void lifetime.ended.then(() => abort.abort());
  let rv = resourceVersion;
  let retries = 0;
  const fieldSelector = flags.name ? `metadata.name=${flags.name}` : undefined;
  try {
    while (!abort.signal.aborted) {
      try {
        await client.watch(rollouts, namespace, { resourceVersion: rv, fieldSelector }, (ev) => {
          if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED' && ev.type !== 'DELETED') return;
          const ro = ev.object as unknown as Rollout;
          rv = ro.metadata?.resourceVersion ?? rv;
          retries = 0;
          const cols = rolloutListColumns(ro);
          const serialized = JSON.stringify(cols);
          if (prev.get(key(ro)) === serialized) return;
          prev.set(key(ro), serialized);
          buffered.push(rolloutListLine(cols, lineOptions()));
        }, abort.signal);
      } catch (err) {
        if (++retries > MAX_WATCH_RETRIES) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  } finally {
    clearInterval(flush);
    if (buffered.length > 0) ctx.out.write(tabwrite(buffered.map((l) => `${l}\n`).join('')));
    lifetime.done();
  }
}

function listRollouts(parent: Command, ctx: CliContext): void {
  verb(parent, ctx, {
    name: 'rollouts',
    aliases: ['ro', 'rollout'],
    description: 'List rollouts',
    example: '  # List rollouts\n  %s list rollouts\n\n  # List rollouts from all namespaces\n  %s list rollouts --all-namespaces\n\n  # List rollouts and watch for changes\n  %s list rollouts --watch',
  })
    .option('--name <name>', 'Only show rollout with specified name')
    .option('-A, --all-namespaces', 'Include all namespaces')
    .option('-w, --watch', 'Watch for changes')
    .option('--timestamps', 'Print timestamps on updates')
    .action(
      action(ctx, async (cmd, _args: string[], flags: ListFlags) => {
        const { client, namespace } = await ctx.connect(cmd);
        const ns = flags.allNamespaces ? undefined : namespace;
        const list = await client.list(rollouts, ns, flags.name ? { fieldSelector: `metadata.name=${flags.name}` } : {});
        const items = list.items as unknown as Rollout[];
        if (items.length === 0 && !flags.watch) {
          ctx.err.write('No resources found.\n');
          return;
        }
        ctx.out.write(renderRolloutList(items, { allNamespaces: !!flags.allNamespaces, ...(flags.timestamps ? { timestamp: ctx.now() } : {}) }));
        if (flags.watch) await watchRollouts(ctx, client, ns, flags, items, list.metadata.resourceVersion);
      }),
    );
}

function listExperiments(parent: Command, ctx: CliContext): void {
  verb(parent, ctx, {
    name: 'experiments',
    aliases: ['exp', 'experiment'],
    description: 'List experiments',
    example: '  # List experiments\n  %s list experiments\n\n  # List experiments from all namespaces\n  %s list experiments --all-namespaces',
  })
    .option('-A, --all-namespaces', 'Include all namespaces')
    .action(
      action(ctx, async (cmd, _args: string[], flags: ListFlags) => {
        const { client, namespace } = await ctx.connect(cmd);
        const list = await client.list(experiments, flags.allNamespaces ? undefined : namespace);
        const items = list.items as unknown as Experiment[];
        if (items.length === 0) {
          ctx.err.write('No resources found.\n');
          return;
        }
        ctx.out.write(renderExperimentList(items, { allNamespaces: !!flags.allNamespaces, now: ctx.now() }));
      }),
    );
}

export const listCommand: CliCommand = {
  register(parent, ctx) {
    const list = group(parent, { name: 'list', description: 'List rollouts or experiments' });
    listRollouts(list, ctx);
    listExperiments(list, ctx);
    return list;
  },
};
