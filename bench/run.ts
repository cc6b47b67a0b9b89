/** `npm run bench [name...]`: runs the benchmarks and prints their figures as JSON. */
import { runApiServerBench } from './apiserver.ts';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  apiserver: runApiServerBench,
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
