/** Entry point of both binaries (bin/vane.js, bin/kubectl-argo-rollouts.js) and of the bundle. */
import { buildProgram } from './program.ts';
import type { InvokedAs } from './context.ts';
import { errorMessage } from './errors.ts';

export async function runCli(invokedAs: InvokedAs, argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram(invokedAs).parseAsync(argv);
  } catch (err) {
    process.stderr.write(`Error: ${errorMessage(err)}\n`);
    process.exitCode = 1;
  }
}
