/**
 * Startup time of the bundled CLI: `vane version` and a one-shot `vane get rollout x` against a
 * local API server (no simulation needed: the rollout is just an object), next to bare `node -e 0`.
 * Wall-clock milliseconds per run (median, p90, min) and the child's CPU time (user+sys, median),
 * with the load average for context.
 *
 *   node --import tsx test/cli/startup-bench.ts        # prints JSON
 *   (bench/run.ts can register `cli: runCliStartupBench`)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, round } from '../../bench/lib/stats.ts';
import { startTestCluster } from '../helpers/local-cluster.ts';
import { ROOT, runProcess } from './cli-harness.ts';
import { ensureBuilt } from './e2e-env.ts';

const GNU_TIME = '/usr/bin/time';

interface Sample {
  wallMs: number;
  /** user+system CPU of the child (less sensitive to a busy machine than wall time); NaN without GNU time. */
  cpuMs: number;
}

/** One run (async: the API server lives in this process). */
async function time(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  const withTime = fs.existsSync(GNU_TIME);
  const start = process.hrtime.bigint();
  const r = withTime ? await runProcess(GNU_TIME, ['-f', 'cpu %U %S', cmd, ...args], { env }) : await runProcess(cmd, args, { env });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wallMs, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN };
}

function summary(samples: Sample[]): Record<string, number> {
  const wall = samples.map((s) => s.wallMs);
  return {
    runs: samples.length,
    medianMs: round(percentile(wall, 50)),
    p90Ms: round(percentile(wall, 90)),
    minMs: round(Math.min(...wall)),
    cpuMedianMs: round(percentile(samples.map((s) => s.cpuMs), 50)),
  };
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
      const samples: Sample[] = [];
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
