/**
 * End-to-end environment: the bundled CLI (built once, under a lock, when dist/ is missing or older
 * than the sources), a local cluster with the simulation and the Rollout controller, and a plugin
 * directory on PATH holding `vane` and `kubectl-argo-rollouts` (links to bin/*.js) so that real
 * `kubectl argo rollouts …` finds the plugin.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startRolloutLab, type RolloutLab } from '../rollout/harness/rollout-lab.ts';
import { ROOT, runProcess, type RunResult } from './cli-harness.ts';

const BUNDLE = path.join(ROOT, 'dist/cli.js');
const LOCK = path.join(ROOT, '.vane/cli-build.lock');

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh(): boolean {
  if (!fs.existsSync(BUNDLE)) return false;
  return fs.statSync(BUNDLE).mtimeMs >= Math.max(newestSourceMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'scripts/build-cli.ts')).mtimeMs);
}

/** Builds dist/ unless it is up to date; concurrent test files wait for one build. */
export async function ensureBuilt(): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!bundleIsFresh()) execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/build-cli.ts')], { cwd: ROOT, stdio: 'ignore' });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface E2E {
  lab: RolloutLab;
  env: NodeJS.ProcessEnv;
  pluginDir: string;
  /** The built `vane` binary. */
  vane(args: string[], timeoutMs?: number): Promise<RunResult>;
  /** Real kubectl finding the plugin on PATH: `kubectl argo rollouts …`. */
  plugin(args: string[], timeoutMs?: number): Promise<RunResult>;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  await ensureBuilt();
  const lab = await startRolloutLab();
  try {
    await lab.startController();
  } catch (err) {
    await lab.stop();
    throw err;
  }
  const pluginDir = path.join(lab.dir, 'plugins');
  fs.mkdirSync(pluginDir);
  fs.symlinkSync(path.join(ROOT, 'bin/vane.js'), path.join(pluginDir, 'vane'));
  fs.symlinkSync(path.join(ROOT, 'bin/kubectl-argo-rollouts.js'), path.join(pluginDir, 'kubectl-argo-rollouts'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${pluginDir}${path.delimiter}${process.env['PATH'] ?? ''}`,
    KUBECONFIG: lab.kubeconfig,
    KUBECACHEDIR: path.join(lab.dir, 'kube-cache'),
    TERM: 'xterm',
  };
  return {
    lab,
    env,
    pluginDir,
    vane: (args, timeoutMs) => runProcess(path.join(pluginDir, 'vane'), args, { env, timeoutMs }),
    plugin: (args, timeoutMs) => runProcess('kubectl', ['argo', 'rollouts', ...args], { env, timeoutMs }),
    stop: () => lab.stop(),
  };
}
