/**
 * `npm run bench [name...]`: runs the benchmarks (all by default) and prints their figures as JSON.
 * Names: apiserver, sim, rollouts, cli. Figures are recorded in docs/benchmarks.md.
 */
import { runApiServerBench } from './apiserver.ts';
import { runSimReplicaSetBench } from '../test/cluster/sim/bench/replicasets-bench.ts';
import { runCliStartupBench } from '../test/cli/startup-bench.ts';
import { runRolloutBench } from './rollouts.ts';

const benches: Record<string, () => Promise<unknown>> = {
  apiserver: runApiServerBench,
  // 1,000 ReplicaSets × 10 pods created at once, then the settled cluster's idle CPU.
  sim: () => runSimReplicaSetBench(1000, 10, 20, true),
  // 1,000 Rollouts × 2 replicas through [setWeight 25, pause 1s, setWeight 50, pause 1s].
  rollouts: () => runRolloutBench(),
  cli: () => runCliStartupBench(15),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(benches);
const results: Record<string, unknown> = { date: new Date().toISOString() };
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    process.stderr.write(`unknown benchmark: ${name} (have: ${Object.keys(benches).join(', ')})\n`);
    process.exit(1);
  }
  process.stderr.write(`running ${name}…\n`);
  results[name] = await bench();
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
