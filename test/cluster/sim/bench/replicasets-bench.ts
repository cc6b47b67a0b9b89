/**
 * Simulation benchmark: N ReplicaSets × M pods created at once converge to all-ready; reports wall
 * time, the simulation's API requests, and peak RSS of the process (API server + simulation run in
 * one process, as `startLocalCluster` runs them). Then the idle CPU of the settled cluster.
 *
 *   node --import tsx test/cluster/sim/bench/replicasets-bench.ts [replicaSets=1000] [pods=10] [idleSeconds=20] [--worker]
 */
import { startSimCluster } from '../../../helpers/sim-cluster.ts';
import { startTestCluster } from '../../../helpers/local-cluster.ts';
import { startSimulationInWorker } from '../../../../src/cluster/sim/worker.ts';
import { KubeClient } from '../../../../src/kube/client.ts';
import { explicitConnection } from '../../../../src/kube/connection.ts';
import { SharedInformer } from '../../../../src/kube/informer.ts';
import { replicasets } from '../../../../src/kube/resources.ts';
import type { ReplicaSetObject } from '../../../../src/cluster/sim/util/types.ts';

export interface SimBenchResult {
  mode: 'same-thread' | 'worker-thread';
  replicaSets: number;
  podsPerReplicaSet: number;
  pods: number;
  convergeSeconds: number;
  /** CPU seconds the process (API server + simulation, + the test's client) used while converging. */
  convergeCpuSeconds: number;
  simRequests: Record<string, number>;
  simRequestsTotal: number;
  peakRssMiB: number;
  idleCpuPercent: number;
  idleSeconds: number;
}

function rssMiB(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Starts a cluster with the simulation on the server's thread or in a worker thread. */
async function startCluster(worker: boolean): Promise<{ client: KubeClient; simMetrics?: KubeClient['metrics']; stop(): Promise<void> }> {
  const logger = process.env['SIM_LOG'] ? { debug: () => {}, info: () => {}, warn: (o: object, m?: string) => console.error('WARN', m, JSON.stringify(o)), error: (o: object, m?: string) => console.error('ERROR', m, JSON.stringify(o)) } : undefined;
  if (!worker) {
    const c = await startSimCluster({ podStartDelayMs: 0, timeScale: 1, logger });
    return { client: c.client, simMetrics: c.sim.client.metrics, stop: () => c.stop() };
  }
  const tc = await startTestCluster();
  const sim = await startSimulationInWorker({ server: tc.url, token: tc.token, caCert: tc.caCert }, { podStartDelayMs: 0, timeScale: 1, nodes: 3, logger });
  const client = new KubeClient(explicitConnection({ server: tc.url, token: tc.token, tls: { ca: Buffer.from(tc.caCert) } }), { qps: 0 });
  return {
    client,
    async stop() {
      client.close();
      await sim.stop();
      await tc.stop();
    },
  };
}

export async function runSimReplicaSetBench(replicaSets = 1000, podsPerRS = 10, idleSeconds = 20, worker = false): Promise<SimBenchResult> {
  const c = await startCluster(worker);
  let peak = rssMiB();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB())), 100);
  try {
    const ready = new Set<string>();
    let resolveAll: () => void = () => undefined;
    const allReady = new Promise<void>((r) => (resolveAll = r));
    const informer = new SharedInformer<ReplicaSetObject>(c.client, replicasets, { namespace: 'default' });
    const check = (rs: ReplicaSetObject): void => {
      if ((rs.status?.readyReplicas ?? 0) === podsPerRS) ready.add(rs.metadata.name ?? '');
      if (ready.size === replicaSets) resolveAll();
    };
    informer.addEventHandler({ onAdd: check, onUpdate: (_o, rs) => check(rs) });
    informer.start();
    await informer.waitForSync();

    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let next = 0;
    const create = async (): Promise<void> => {
      while (next < replicaSets) {
        const i = next++;
        const labels = { app: `bench-${i}` };
        await c.client.create(replicasets, 'default', {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: `bench-${i}` },
          spec: { replicas: podsPerRS, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
        });
      }
    };
    await Promise.all(Array.from({ length: 32 }, create));
    const created = (performance.now() - start) / 1000;
    process.stderr.write(`created ${replicaSets} ReplicaSets in ${created.toFixed(1)}s\n`);
    await allReady;
    const convergeSeconds = (performance.now() - start) / 1000;
    const cpuUsed = process.cpuUsage(cpuStart);
    const convergeCpuSeconds = Math.round((cpuUsed.user + cpuUsed.system) / 1e5) / 10;
    await informer.stop();

    const simRequests: Record<string, number> = {};
    for (const r of c.simMetrics?.snapshot() ?? []) {
      const k = `${r.verb} ${r.kind}${r.statusCode >= 400 || r.statusCode === 0 ? ` ${r.statusCode}` : ''}`;
      simRequests[k] = (simRequests[k] ?? 0) + r.count;
    }
    const simRequestsTotal = Object.values(simRequests).reduce((a, b) => a + b, 0);

    // Idle: let the dust settle, then measure CPU over a quiet window.
    await new Promise((r) => setTimeout(r, 3000));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const cpu = process.cpuUsage(cpu0);
    const idleCpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100;
    return {
      mode: worker ? 'worker-thread' : 'same-thread',
      replicaSets,
      podsPerReplicaSet: podsPerRS,
      pods: replicaSets * podsPerRS,
      convergeSeconds: Math.round(convergeSeconds * 10) / 10,
      convergeCpuSeconds,
      simRequests,
      simRequestsTotal,
      peakRssMiB: Math.round(peak),
      idleCpuPercent: Math.round(idleCpuPercent * 100) / 100,
      idleSeconds,
    };
  } finally {
    clearInterval(sampler);
    await c.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const [n, m, idle] = args.filter((a) => !a.startsWith('-')).map(Number);
  const result = await runSimReplicaSetBench(n || 1000, m || 10, idle || 20, args.includes('--worker'));
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
