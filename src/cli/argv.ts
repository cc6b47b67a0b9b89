/**
 * Argument rewriting so that commander accepts what cobra/pflag accept:
 * - `--flag=true|false` for boolean flags (`--watch=false` → `--no-watch`, `--full=true` → `--full`);
 * - global kubeconfig flags before the verb (`-n ns get rollout x`) → moved after it.
 */
import type { Command } from 'commander';
import { BOOL_FLAGS, VALUE_FLAGS } from './kube/flags.ts';

function allCommands(root: Command): Command[] {
  return [root, ...root.commands.flatMap((c) => allCommands(c))];
}

/** Long names of boolean flags anywhere in the tree, and the `--no-x` negations that exist. */
export function booleanFlags(root: Command): { positive: Set<string>; negated: Set<string> } {
  const positive = new Set<string>(BOOL_FLAGS);
  const negated = new Set<string>();
  for (const cmd of allCommands(root)) {
    for (const o of cmd.options) {
      if (!o.long || o.required || o.optional) continue;
      if (o.negate) negated.add(o.long);
      else positive.add(o.long);
    }
  }
  return { positive, negated };
}

export function rewriteBooleanValues(args: readonly string[], flags: { positive: Set<string>; negated: Set<string> }): string[] {
  const out: string[] = [];
  for (const a of args) {
    const m = /^--([^=]+)=(true|false)$/i.exec(a);
    if (!m) {
      out.push(a);
      continue;
    }
    const long = `--${m[1]}`;
    const value = m[2]!.toLowerCase() === 'true';
    if (flags.positive.has(long)) {
      if (value) out.push(long);
      else if (flags.negated.has(`--no-${m[1]}`)) out.push(`--no-${m[1]}`);
    } else if (flags.negated.has(`--no-${m[1]}`)) {
      // `--color=false` style for a `--no-color` flag
      if (!value) out.push(`--no-${m[1]}`);
    } else {
      out.push(a);
    }
  }
  return out;
}

/** Moves global flags that come before the first verb to the end. */
export function moveLeadingGlobalFlags(args: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (VALUE_FLAGS.has(name)) {
      if (a.includes('=')) {
        leading.push(a);
        i += 1;
      } else {
        leading.push(a, ...(i + 1 < args.length ? [args[i + 1]!] : []));
        i += 2;
      }
    } else if (BOOL_FLAGS.has(name)) {
      leading.push(a);
      i += 1;
    } else {
      break;
    }
  }
  if (leading.length === 0 || i >= args.length) return [...args];
  return [...args.slice(i), ...leading];
}

export function normalizeArgs(root: Command, args: readonly string[]): string[] {
  return rewriteBooleanValues(moveLeadingGlobalFlags(args), booleanFlags(root));
}
