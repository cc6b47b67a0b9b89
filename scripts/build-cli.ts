/**
 * Bundles the CLI (src/cli/run.ts) with esbuild into dist/cli.js (+ lazily loaded chunks) so that
 * `vane` / `kubectl-argo-rollouts` start without compiling TypeScript. Vane's own long-running
 * commands (cluster, start, controller) stay TypeScript sources loaded through tsx on demand: they
 * read files next to their sources and start worker threads from them.
 *
 *   node --import tsx scripts/build-cli.ts            # writes dist/
 *   node --import tsx scripts/build-cli.ts --check    # also runs `dist/cli.js version`
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');

/** Modules loaded from node_modules at run time instead of being bundled. */
const EXTERNAL_PACKAGES = ['tsx', 'tsx/*', '@kubernetes/client-node', 'pino', 'pino/*', 'prom-client', 'selfsigned'];

/** Source files imported as TypeScript at run time (through tsx), relative to dist/. */
const SOURCE_MODULES = ['commands/cluster-start.ts', 'commands/start.ts', 'commands/controller.ts'];

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function buildInfo(): Record<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    version: `v${pkg.version}`,
    buildDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    gitCommit: git(['rev-parse', 'HEAD']) ?? 'unknown',
    gitTreeState: dirty === undefined ? 'unknown' : dirty === '' ? 'clean' : 'dirty',
    compiler: 'esbuild',
  };
}

/** Leaves Vane's long-running commands as run-time imports of their TypeScript sources. */
const sourceModules: Plugin = {
  name: 'vane-source-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/(cluster-start|start|controller)\.ts$/ }, (args) => {
      const rel = args.path.replace(/^\.\//, '');
      if (!SOURCE_MODULES.includes(rel) || !args.importer.endsWith(path.join('src', 'cli', 'program.ts'))) return undefined;
      return { path: `../src/cli/${rel}`, external: true };
    });
  },
};

export async function buildCli(): Promise<void> {
  fs.rmSync(DIST, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli/run.ts' },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL_PACKAGES,
    plugins: [sourceModules],
    define: { VANE_BUILD_INFO: JSON.stringify(buildInfo()) },
    banner: { js: "import { createRequire as __vaneCreateRequire } from 'node:module';\nconst require = __vaneCreateRequire(import.meta.url);" },
    // Full minification measurably cuts parse/compile time at startup; the linked source map is only
    // read with --enable-source-maps.
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(DIST, 'package.json'), '{ "type": "module" }\n');
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .reduce((n, [, o]) => n + o.bytes, 0);
  process.stdout.write(`built dist/cli.js (${Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length} files, ${(bytes / 1024).toFixed(0)} KiB)\n`);
}

await buildCli();
if (process.argv.includes('--check')) {
  process.stdout.write(execFileSync(process.execPath, [path.join(ROOT, 'bin/vane.js'), 'version', '--short'], { encoding: 'utf8' }));
}
