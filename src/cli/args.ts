/** Positional-argument checks (Argo prints the command's usage when they fail). */
import { UsageError } from './errors.ts';

/** Exactly one argument. */
export function exactlyOne(args: readonly string[]): string {
  if (args.length !== 1) throw new UsageError();
  return args[0]!;
}

/** At least one argument. */
export function atLeastOne(args: readonly string[]): readonly string[] {
  if (args.length === 0) throw new UsageError();
  return args;
}
