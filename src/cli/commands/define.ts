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

/**
 * Adds the global kubeconfig flags to every verb under `root`; called once all verbs have their own
 * flags, so that help lists a verb's flags first.
 */
export function addGlobalFlags(root: Command): void {
  for (const cmd of root.commands) {
    if (verbs.has(cmd)) addKubeFlags(cmd);
    addGlobalFlags(cmd);
  }
}

/** A command that only groups subcommands (`get`, `list`, `retry`…): without one, usage and exit 1. */
export function group(parent: Command, spec: Omit<VerbSpec, 'usage'>): Command {
  const cmd = parent.command(spec.name).description(spec.description);
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  return cmd;
}
