#!/usr/bin/env node
// Runs the bundled CLI (dist/cli.js, built by scripts/build-cli.ts) or, without a build, the
// TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
let cli;
if (existsSync(bundle)) {
  cli = await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/run.ts');
}
await cli.runCli('vane');
