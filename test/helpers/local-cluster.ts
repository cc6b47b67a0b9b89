import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '../../src/cluster/local-cluster.ts';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface TestCluster {
  cluster: LocalCluster;
  url: string;
  token: string;
  caCert: string;
  kubeconfig: string;
  dir: string;
  /** Runs the real kubectl against this cluster; never throws on a non-zero exit. */
  kubectl(args: string[], input?: string): Promise<KubectlResult>;
  /** Like kubectl() but throws with stderr when kubectl fails. */
  kubectlOk(args: string[], input?: string): Promise<string>;
  /** Starts a long-running kubectl (e.g. `get -w`). */
  spawnKubectl(args: string[]): ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a local cluster on a free port in a temporary directory, for one test file. The API server
 * runs alone unless `simulation` options are given.
 */
export async function startTestCluster(opts: Partial<LocalClusterOptions> = {}): Promise<TestCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-test-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const cluster = await startLocalCluster({ port: 0, kubeconfigPath: kubeconfig, simulation: false, ...opts });
  const cacheDir = path.join(dir, 'kube-cache');
  const baseArgs = ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir];
  const kubectl = (args: string[], input?: string): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile('kubectl', [...baseArgs, ...args], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
        resolve({ stdout, stderr, code });
      });
      if (input !== undefined) child.stdin?.end(input);
    });
  return {
    cluster,
    url: cluster.api.url,
    token: cluster.api.token,
    caCert: cluster.api.caCert,
    kubeconfig,
    dir,
    kubectl,
    async kubectlOk(args, input) {
      const r = await kubectl(args, input);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
      return r.stdout;
    },
    spawnKubectl(args) {
      return spawn('kubectl', [...baseArgs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    },
    async stop() {
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Collected {
  out: string;
  err: string;
  changed: Set<() => void>;
}
const collected = new WeakMap<ChildProcess, Collected>();

/** Everything a child has printed so far; collection starts at the first call and never misses output. */
function collect(child: ChildProcess): Collected {
  let c = collected.get(child);
  if (c) return c;
  const state: Collected = { out: '', err: '', changed: new Set() };
  child.stdout?.on('data', (d: Buffer) => {
    state.out += d.toString();
    for (const f of state.changed) f();
  });
  child.stderr?.on('data', (d: Buffer) => (state.err += d.toString()));
  collected.set(child, state);
  return state;
}

/**
 * Resolves with all of a child's stdout so far once `predicate` holds for it (or rejects after
 * timeoutMs). Output is accumulated across calls, so nothing printed between two calls is lost.
 */
export function waitForOutput(child: ChildProcess, predicate: (out: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const state = collect(child);
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!predicate(state.out)) return;
      clearTimeout(timer);
      state.changed.delete(check);
      resolve(state.out);
    };
    const timer = setTimeout(() => {
      state.changed.delete(check);
      reject(new Error(`timed out waiting for output; got:\n${state.out}\nstderr:\n${state.err}`));
    }, timeoutMs);
    state.changed.add(check);
    check();
  });
}

/** Polls until fn returns a truthy value. */
export async function eventually<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
