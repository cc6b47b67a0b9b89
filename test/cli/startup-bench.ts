/**
 * Startup time of the bundled CLI: `vane version` and a one-shot `vane get rollout x` against a
 * local API server (no simulation needed: the rollout is just an object), next to bare `node -e 0`.
 * Wall-clock milliseconds per run (median, p90, min), with the load average for context.
 *
 *   node --import tsx test/cli/startup-bench.ts        # prints JSON
 *   (bench/run.ts can register `cli: runCliStartupBench`)
 */
import os from 'node:os';
import path from 'node:path';
import { percentile, round } from '../../bench/lib/stats.ts';
import { startTestCluster } from '../helpers/local-cluster.ts';
import { ROOT, runProcess } from './cli-harness.ts';
import { ensureBuilt } from './e2e-env.ts';

/** Wall-clock milliseconds of one run (async: the API server lives in this process). */
async function time(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  const r = await runProcess(cmd, args, { env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function summary(wall: number[]): Record<string, number> {
  return { runs: wall.length, medianMs: round(percentile(wall, 50)), p90Ms: round(percentile(wall, 90)), minMs: round(Math.min(...wall)) };
}

export async function runCliStartupBench(runs = 15): Promise<Record<string, unknown>> {
  await ensureBuilt();
  const tc = await startTestCluster();
  try {
    await tc.kubectlOk(['apply', '-f', path.join(ROOT, 'manifests/crds/')]);
    await tc.kubectlOk(['wait', '--for=condition=Established', 'crd/rollouts.argoproj.io', '--timeout=30s']);
    await tc.kubectlOk(['apply', '-f', path.join(ROOT, 'examples/canary-demo.yaml')]);
    const env = { ...process.env, KUBECONFIG: tc.kubeconfig };
    const vane = path.join(ROOT, 'bin/vane.js');
    const cases: Record<string, [string, string[]]> = {
      'node -e 0': [process.execPath, ['-e', '0']],
      'vane version': [process.execPath, [vane, 'version']],
      'vane get rollout': [process.execPath, [vane, 'get', 'rollout', 'rollouts-demo']],
    };
    const results: Record<string, unknown> = { loadavg1m: round(os.loadavg()[0] ?? 0, 2), cpus: os.cpus().length, node: process.version };
    for (const [name, [cmd, args]] of Object.entries(cases)) {
      await time(cmd, args, env); // warm the file cache
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push(await time(cmd, args, env));
      results[name] = summary(samples);
    }
    return results;
  } finally {
    await tc.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await runCliStartupBench(), null, 2)}\n`);
}
