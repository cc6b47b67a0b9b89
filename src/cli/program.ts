/**
 * The CLI program. Invoked as `kubectl-argo-rollouts` it is Argo's kubectl plugin; invoked as
 * `vane` it offers the same verbs plus Vane's own commands (local cluster, lab, controller), which
 * are loaded only when used so that the Argo verbs start fast.
 */
import { Command, type ParseOptions } from 'commander';
import { normalizeArgs } from './argv.ts';
import type { CliCommand } from './command.ts';
import { abortCommand } from './commands/abort.ts';
import { completionCommand } from './commands/completion.ts';
import { createCommand } from './commands/create.ts';
import { getCommand } from './commands/get.ts';
import { lintCommand } from './commands/lint.ts';
import { listCommand } from './commands/list.ts';
import { pauseCommand } from './commands/pause.ts';
import { promoteCommand } from './commands/promote.ts';
import { restartCommand } from './commands/restart.ts';
import { retryCommand } from './commands/retry.ts';
import { setCommand } from './commands/set-image.ts';
import { statusCommand } from './commands/status.ts';
import { terminateCommand } from './commands/terminate.ts';
import { undoCommand } from './commands/undo.ts';
import { versionCommand } from './commands/version.ts';
import { addGlobalFlagsForArgs } from './commands/define.ts';
import { defaultContext, type CliContext, type InvokedAs } from './context.ts';
import { ensureTypeScriptLoader } from './ts-loader.ts';

/** The Argo plugin's verbs, in its help order. */
export const ARGO_COMMANDS: readonly CliCommand[] = [
  abortCommand,
  completionCommand,
  createCommand,
  getCommand,
  lintCommand,
  listCommand,
  pauseCommand,
  promoteCommand,
  restartCommand,
  retryCommand,
  setCommand,
  statusCommand,
  terminateCommand,
  undoCommand,
  versionCommand,
];

/** A Vane-only command whose module (and its dependencies) loads only when it runs. */
export interface LazyCommand {
  name: string;
  description: string;
  /** Registers the real command(s) on `program`. */
  load(program: Command): Promise<void>;
}

export const VANE_COMMANDS: readonly LazyCommand[] = [
  {
    name: 'cluster',
    description: 'the embedded local cluster',
    async load(program) {
      const { registerClusterStart } = await import('./commands/cluster-start.ts');
      registerClusterStart(program.command('cluster').description('the embedded local cluster'));
    },
  },
  {
    name: 'controller',
    description: 'run the Rollout controller against the cluster of a kubeconfig (or in-cluster)',
    async load(program) {
      const { registerController } = await import('./commands/controller.ts');
      registerController(program);
    },
  },
  {
    name: 'start',
    description: 'run the local lab: local cluster, simulated nodes, the Rollout controller and a demo canary',
    async load(program) {
      const { registerStart } = await import('./commands/start.ts');
      registerStart(program);
    },
  },
];

/** cobra's wording for commander's parse errors (`Error: unknown flag: --foo`). */
export function cobraError(message: string, root = 'vane'): string {
  const text = message.replace(/^error: /, '').trimEnd();
  const command = /^unknown command '([^']*)'/.exec(text);
  if (command) return `Error: unknown command "${command[1]}" for "${root}"\n`;
  const unknown = /^unknown option '(-{1,2})([^']*)'/.exec(text);
  if (unknown) return unknown[1] === '--' ? `Error: unknown flag: --${unknown[2]}\n` : `Error: unknown shorthand flag: '${unknown[2]!.charAt(0)}' in -${unknown[2]}\n`;
  return `Error: ${text}\n`;
}

class CliProgram extends Command {
  override parseAsync(argv?: readonly string[], opts?: ParseOptions): Promise<this> {
    const raw = argv ?? process.argv;
    const user = opts?.from === 'user';
    const head = user ? [] : raw.slice(0, 2);
    const args = normalizeArgs(this, user ? raw : raw.slice(2));
    addGlobalFlagsForArgs(this, args);
    return super.parseAsync([...head, ...args], opts);
  }
}

function configure(cmd: Command, ctx: CliContext): Command {
  return cmd
    .configureOutput({
      writeOut: (s) => void ctx.out.write(s),
      writeErr: (s) => void ctx.err.write(s),
      outputError: (s, write) => write(cobraError(s, cmd.name())),
    })
    .showHelpAfterError(true)
    .configureHelp({ subcommandTerm: (c) => [c.name(), ...c.aliases()].join('|') });
}

function addLazy(program: Command, lazy: LazyCommand, ctx: CliContext): void {
  program
    .command(lazy.name)
    .description(lazy.description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]')
    .action(async (_args: string[], _opts: unknown, cmd: Command) => {
      const real = configure(new Command(program.name()), ctx);
      await ensureTypeScriptLoader();
      await lazy.load(real);
      await real.parseAsync([lazy.name, ...cmd.args], { from: 'user' });
    });
}

export function buildProgram(invokedAs: InvokedAs = 'vane', ctx: CliContext = defaultContext(invokedAs)): Command {
  const program = configure(new CliProgram(invokedAs), ctx);
  if (invokedAs === 'vane') {
    program.description('Progressive delivery for Kubernetes (Argo Rollouts compatible)');
  } else {
    program.description('This command consists of multiple subcommands which can be used to manage Argo Rollouts.').usage('COMMAND');
  }
  for (const c of ARGO_COMMANDS) c.register(program, ctx);
  if (invokedAs === 'vane') for (const lazy of VANE_COMMANDS) addLazy(program, lazy, ctx);
  return program;
}
