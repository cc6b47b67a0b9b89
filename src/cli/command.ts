/**
 * The one interface every CLI verb implements: it adds itself (flags, arguments, action) under a
 * parent command. `action()` wraps a verb's body so that failures print as Argo's plugin does.
 */
import type { Command } from 'commander';
import type { CliContext } from './context.ts';
import { errorMessage, SilentExit, UsageError } from './errors.ts';

export interface CliCommand {
  register(parent: Command, ctx: CliContext): Command;
}

/** Prints the command's usage to stderr (Argo's `UsageErr`). */
export function printUsage(cmd: Command): void {
  cmd.outputHelp({ error: true });
}

/**
 * Wraps a verb body: UsageError prints usage; any other error prints `Error: <message>`; both set
 * exit code 1. Never rejects, so every entry point behaves the same.
 */
export function action<A extends unknown[]>(ctx: CliContext, body: (cmd: Command, ...args: A) => Promise<void>): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    try {
      await body(cmd, ...(args.slice(0, -1) as A));
    } catch (err) {
      if (err instanceof UsageError) printUsage(cmd);
      else if (!(err instanceof SilentExit)) ctx.err.write(`Error: ${errorMessage(err)}\n`);
      process.exitCode = err instanceof SilentExit ? err.exitCode : 1;
    } finally {
      await ctx.release();
    }
  };
}
