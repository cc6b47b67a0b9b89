/**
 * `completion bash|zsh|fish|powershell`: shell scripts that ask the CLI itself (hidden `__complete`)
 * for candidates: subcommands and flags from the command tree, and rollout / experiment /
 * AnalysisRun names from the cluster where a verb expects one.
 */
import { Command } from 'commander';
import { analysisruns, experiments, rollouts, type ResourceRef } from '../../kube/resources.ts';
import { action, type CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { errorMessage, UsageError } from '../errors.ts';
import type { KubeFlags } from '../kube/flags.ts';
import { ensureGlobalFlags } from './define.ts';

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

/** The script for `shell`; `prog` is the command the shell completes (`vane`, `kubectl-argo-rollouts`). */
export function completionScript(shell: string, prog: string): string {
  const fn = `_${prog.replace(/[^A-Za-z0-9]/g, '_')}`;
  switch (shell) {
    case 'bash':
      return `# bash completion for ${prog}
${fn}() {
  local IFS=$'\\n'
  local words=("\${COMP_WORDS[@]:1:$((COMP_CWORD-1))}")
  COMPREPLY=( $(compgen -W "$(${prog} __complete "\${words[@]}" 2>/dev/null)" -- "\${COMP_WORDS[COMP_CWORD]}") )
}
complete -o default -F ${fn} ${prog}
`;
    case 'zsh':
      return `#compdef ${prog}
# zsh completion for ${prog}
${fn}() {
  local -a candidates
  candidates=("\${(@f)$(${prog} __complete "\${(@)words[2,CURRENT-1]}" 2>/dev/null)}")
  compadd -- \${candidates}
}
compdef ${fn} ${prog}
`;
    case 'fish':
      return `# fish completion for ${prog}
complete -c ${prog} -f -a '(${prog} __complete (commandline -opc)[2..-1] 2>/dev/null)'
`;
    case 'powershell':
      return `# powershell completion for ${prog}
Register-ArgumentCompleter -Native -CommandName '${prog}' -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
  if ($wordToComplete) { $words = @($words | Select-Object -SkipLast 1) }
  & '${prog}' __complete @words 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
  }
  throw new UsageError();
}

/** Which resource names a verb path takes as positional arguments. */
const NAME_ARGS: Record<string, ResourceRef> = {
  'get rollout': rollouts,
  'get experiment': experiments,
  'promote': rollouts,
  'abort': rollouts,
  'pause': rollouts,
  'restart': rollouts,
  'undo': rollouts,
  'status': rollouts,
  'set image': rollouts,
  'retry rollout': rollouts,
  'retry experiment': experiments,
  'terminate analysisrun': analysisruns,
  'terminate experiment': experiments,
};

function findSub(cmd: Command, word: string): Command | undefined {
  return cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
}

/** The command the words lead to, the verb path, and the flags typed so far (for -n / --kubeconfig). */
export function resolveWords(root: Command, words: readonly string[]): { cmd: Command; path: string[]; flags: KubeFlags } {
  let cmd = root;
  const path: string[] = [];
  const flags: KubeFlags = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-')) {
      const takesValue = [...cmd.options].some((o) => (o.long === w || o.short === w) && (o.required || o.optional));
      const value = takesValue ? words[++i] : undefined;
      if (w === '-n' || w === '--namespace') flags.namespace = value;
      if (w === '--kubeconfig') flags.kubeconfig = value;
      if (w === '--context') flags.context = value;
      continue;
    }
    const sub = findSub(cmd, w);
    if (!sub) continue;
    ensureGlobalFlags(sub);
    cmd = sub;
    path.push(sub.name());
  }
  return { cmd, path, flags };
}

export async function completions(root: Command, words: readonly string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const { cmd, path, flags } = resolveWords(root, words);
  ensureGlobalFlags(cmd);
  const out = cmd.commands.filter((c) => !c.name().startsWith('__')).map((c) => c.name());
  for (const o of cmd.options) if (o.long && !o.hidden) out.push(o.long);
  const ref = NAME_ARGS[path.join(' ')];
  if (ref) {
    try {
      const { connect } = await import('../kube/connect.ts');
      const session = await connect(flags, env);
      try {
        const list = await session.client.list(ref, session.namespace, { timeoutMs: 3000 });
        out.unshift(...list.items.map((i) => i.metadata.name ?? ''));
      } finally {
        session.close();
      }
    } catch {
      // completion is best effort
    }
  }
  return out;
}

export const completionCommand: CliCommand = {
  register(parent, ctx: CliContext) {
    const prog = ctx.invokedAs;
    parent
      .command('__complete', { hidden: true })
      .argument('[words...]')
      .allowUnknownOption()
      .helpOption(false)
      .action(async (words: string[]) => {
        try {
          ctx.out.write((await completions(parent, words, ctx.env)).map((c) => `${c}\n`).join(''));
        } catch (err) {
          ctx.err.write(`Error: ${errorMessage(err)}\n`);
        }
      });
    return parent
      .command('completion')
      .description('Generate completion script')
      .usage('[bash|zsh|fish|powershell]')
      .argument('[shell...]')
      .addHelpText('after', `\nTo load completions:\n\n  Bash:\n    $ source <(${prog} completion bash)\n\n  Zsh:\n    $ ${prog} completion zsh > "\${fpath[1]}/_${prog}"\n\n  fish:\n    $ ${prog} completion fish | source\n\n  PowerShell:\n    PS> ${prog} completion powershell | Out-String | Invoke-Expression`)
      .action(
        action(ctx, async (_cmd, args: string[]) => {
          if (args.length !== 1) throw new Error(`accepts 1 arg(s), received ${args.length}`);
          const shell = args[0]!;
          if (!(SHELLS as readonly string[]).includes(shell)) throw new Error(`invalid argument "${shell}" for "${prog} completion"`);
          ctx.out.write(completionScript(shell, prog));
        }),
      );
  },
};
