/**
 * Vane's own long-running commands are TypeScript sources even in the bundled CLI (see
 * scripts/build-cli.ts); before loading one from the bundle, register tsx. From source, tsx is
 * already in place.
 */
declare const VANE_BUILD_INFO: unknown;

let registered = false;

export async function ensureTypeScriptLoader(): Promise<void> {
  if (registered || typeof VANE_BUILD_INFO === 'undefined') return;
  const { register } = await import('tsx/esm/api');
  register();
  registered = true;
}
