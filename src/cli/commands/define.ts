/** Shorthands for declaring an Argo verb: a leaf command with the global kube flags and an example. */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { addKubeFlags } from '../kube/flags.ts';

const verbs = new WeakSet<Command>();

export interface VerbSpec {
  name: string;
  /** Usage after the command name, e.g. `ROLLOUT_NAME`. */
  usage?: string;
  description: string;
  aliases?: string[];
  /** Example lines; `%s` is replaced by the CLI name. */
  example?: string;
}

/** Adds `spec.name` under `parent` with the global flags, variadic positional args and an example. */
export function verb(parent: Command, ctx: CliContext, spec: VerbSpec): Command {
  const cmd = parent.command(spec.name).description(spec.description).argument('[args...]');
  if (spec.usage) cmd.usage(`${spec.usage} [flags]`);
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  if (spec.example) cmd.addHelpText('after', `\nExamples:\n${spec.example.replaceAll('%s', ctx.cliName)}`);
  verbs.add(cmd);
  return cmd;
}

const flagged = new WeakSet<Command>();

/** Adds the global kubeconfig flags to `cmd` if it is a verb (once; after its own flags, so help lists those first). */
export function ensureGlobalFlags(cmd: Command): void {
  if (!verbs.has(cmd) || flagged.has(cmd)) return;
  flagged.add(cmd);
  addKubeFlags(cmd);
}

/**
 * Adds the global flags to the verbs the arguments name (`get rollout x -n ns` → get, rollout).
 * Only those: hundreds of flag objects for verbs that do not run would cost startup time.
 */
export function addGlobalFlagsForArgs(root: Command, args: readonly string[]): void {
  let cmd = root;
  const words = args[0] === 'help' ? args.slice(1) : args;
  for (const w of words) {
    if (w.startsWith('-')) continue;
    const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (!sub) break;
    ensureGlobalFlags(sub);
    cmd = sub;
  }
}
/** A command that only groups subcommands (`get`, `list`, `retry`…): without one, usage and exit 1. */
export function group(parent: Command, spec: Omit<VerbSpec, 'usage'>): Command {
  const cmd = parent.command(spec.name).description(spec.description);
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  return cmd;
}
