/** `lint -f FILE`: validate Rollouts offline with the controller's validation code. */
import fs from 'node:fs';
import { formatFieldError } from '../../api/validation/field-error.ts';
import { action, type CliCommand } from '../command.ts';
import { UsageError } from '../errors.ts';
import { verb } from './define.ts';

/** Go's `os.ReadFile` error text. */
export function readFileGo(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`open ${file}: no such file or directory`);
    if (code === 'EISDIR') throw new Error(`read ${file}: is a directory`);
    if (code === 'EACCES') throw new Error(`open ${file}: permission denied`);
    throw err;
  }
}

export const lintCommand: CliCommand = {
  register(parent, ctx) {
    return verb(parent, ctx, { name: 'lint', description: 'Lint and validate a Rollout', example: '  # Lint a rollout\n  %s lint -f my-rollout.yaml' })
      .option('-f, --filename <file>', 'File to lint')
      .addHelpText('before', 'This command lints and validates a new Rollout resource from a file.\n')
      .action(
        action(ctx, async (_cmd, _args: string[], flags: { filename?: string }) => {
          if (!flags.filename) throw new UsageError();
          const text = readFileGo(flags.filename);
          const { lintText, errorBody } = await import('../lint/lint.ts');
          const { errors } = lintText(text);
          for (const e of errors) ctx.out.write(`${errorBody(e)}\n`);
          if (errors.length > 0) throw new Error(formatFieldError(errors[0]!));
        }),
      );
  },
};
