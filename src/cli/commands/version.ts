/** `version [--short]`: the plugin's version and build information. */
import { action, type CliCommand } from '../command.ts';
import { buildInfo, versionString } from '../build-info.ts';
import { verb } from './define.ts';

export function versionLines(binName: string, short: boolean, platform = `${process.platform}/${process.arch}`, node = process.version): string {
  const info = buildInfo();
  let out = `${binName}: ${versionString(info)}\n`;
  if (!short) {
    out += `  BuildDate: ${info.buildDate}\n`;
    out += `  GitCommit: ${info.gitCommit}\n`;
    out += `  GitTreeState: ${info.gitTreeState}\n`;
    out += `  NodeVersion: ${node}\n`;
    out += `  Compiler: ${info.compiler}\n`;
    out += `  Platform: ${platform}\n`;
  }
  return out;
}

export const versionCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, { name: 'version', description: 'Print version', example: '  # Get full version info\n  %s version\n\n  # Get just plugin version number\n  %s version --short' })
      .option('--short', 'print just the version number')
      .action(
        action(ctx, async (_cmd, _args: string[], flags: { short?: boolean }) => {
          ctx.out.write(versionLines(ctx.invokedAs, !!flags.short));
        }),
      );
  },
};
