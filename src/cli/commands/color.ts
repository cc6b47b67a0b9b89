/** Colour is on unless `--no-color` or TERM=dumb (Argo does not look at whether stdout is a terminal). */
export function colorEnabled(flags: { color?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return flags.color !== false && env['TERM'] !== 'dumb';
}
