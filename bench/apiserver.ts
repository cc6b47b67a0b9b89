/**
 * API server benchmark: the local cluster's API server alone, in its own process, on loopback.
 * Reports single-object create/patch/get throughput and p99 latency at 32 concurrent clients,
 * watch delivery latency with 100 watchers, and memory per 10,000 stored objects.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sendRequest, openStream } from '../src/kube/transport.ts';
import { closeConnection, type ClusterConnection } from '../src/kube/connection.ts';
import { spawnClusterProcess } from '../test/helpers/child-cluster.ts';
import { cpuSeconds, percentile, round, rssMiB } from './lib/stats.ts';

const CONCURRENCY = 32;

interface PhaseResult {
  serverCpuMsPerRequest: number;
  name: string;
  requests: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

async function timedPhase(name: string, total: number, conn: ClusterConnection, serverPid: number, makeRequest: (i: number) => { method: string; path: string; body?: string; contentType?: string; expect: number }): Promise<PhaseResult> {
  process.stderr.write(`  ${name}: ${total} requests at concurrency ${CONCURRENCY}\n`);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  const cpuStart = cpuSeconds(serverPid);
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const r = makeRequest(i);
      const t0 = performance.now();
      const headers: Record<string, string> = { ...conn.headers, Accept: 'application/json' };
      if (r.contentType) headers['Content-Type'] = r.contentType;
      const res = await sendRequest(conn, { method: r.method, path: r.path, headers, body: r.body, timeoutMs: 30_000 });
      latencies.push(performance.now() - t0);
      if (res.statusCode !== r.expect) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  // Server CPU per request is the figure that survives a noisy machine: capacity ≈ 1000 / cpuMs per core.
  const serverCpuMsPerRequest = round(((cpuSeconds(serverPid) - cpuStart) * 1000) / total, 3);
  return { name, requests: total, perSecond: round(total / seconds, 0), p50ms: round(percentile(latencies, 50), 2), p99ms: round(percentile(latencies, 99), 2), errors, serverCpuMsPerRequest };
}

const podBody = (i: number): string =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `obj-${i}`, labels: { app: 'bench', shard: String(i % 10) }, annotations: { 'bench/created': 'yes' } },
    data: { config: 'x'.repeat(1024) },
  });

async function watchLatency(conn: ClusterConnection, watchers: number, updates: number): Promise<{ p50ms: number; p99ms: number; delivered: number; expected: number }> {
  const ns = '/api/v1/namespaces/default/configmaps';
  await sendRequest(conn, { method: 'POST', path: ns, headers: { ...conn.headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'watched' }, data: { t: '0' } }) });
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  const streams = await Promise.all(
    Array.from({ length: watchers }, async () => {
      const s = await openStream(conn, { method: 'GET', path: `${ns}?watch=true&fieldSelector=metadata.name%3Dwatched&resourceVersion=${await currentRv(conn)}`, headers: conn.headers });
      let buf = '';
      s.stream.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const ev = JSON.parse(line) as { object: { data?: { t?: string } } };
          const t = ev.object.data?.t;
          const at = t ? sent.get(t) : undefined;
          if (at !== undefined) {
            latencies.push(performance.now() - at);
            delivered++;
          }
        }
      });
      return s;
    }),
  );
  for (let i = 1; i <= updates; i++) {
    sent.set(String(i), performance.now());
    await sendRequest(conn, { method: 'PATCH', path: `${ns}/watched`, headers: { ...conn.headers, 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify({ data: { t: String(i) } }) });
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 500));
  for (const s of streams) s.close();
  return { p50ms: round(percentile(latencies, 50), 2), p99ms: round(percentile(latencies, 99), 2), delivered, expected: watchers * updates };
}

async function currentRv(conn: ClusterConnection): Promise<string> {
  const res = await sendRequest(conn, { method: 'GET', path: '/api/v1/namespaces/default/configmaps?limit=1', headers: conn.headers });
  return (JSON.parse(res.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
}

export async function runApiServerBench(): Promise<Record<string, unknown>> {
  return {
    inMemory: await benchOnce(false),
    persistent: await benchOnce(true),
  };
}

async function benchOnce(persist: boolean): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-bench-'));
  // Enough sockets for every watcher plus the writers (an agent queues requests beyond maxSockets).
  const cluster = await spawnClusterProcess(dir, { persist, maxSockets: 256 });
  const conn = cluster.conn;
  try {
    const N = Number(process.env.BENCH_OBJECTS ?? 10_000);
    const rssBefore = rssMiB(cluster.child.pid!);
    const create = await timedPhase('create', N, conn, cluster.child.pid!, (i) => ({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: podBody(i), contentType: 'application/json', expect: 201 }));
    const rssAfter = rssMiB(cluster.child.pid!);
    const patch = await timedPhase('patch (merge)', N, conn, cluster.child.pid!, (i) => ({ method: 'PATCH', path: `/api/v1/namespaces/default/configmaps/obj-${i}`, body: JSON.stringify({ metadata: { labels: { patched: String(i) } } }), contentType: 'application/merge-patch+json', expect: 200 }));
    const get = await timedPhase('get', N, conn, cluster.child.pid!, (i) => ({ method: 'GET', path: `/api/v1/namespaces/default/configmaps/obj-${i}`, expect: 200 }));
    process.stderr.write('  watch: 100 watchers, 200 updates\n');
    const watch = await watchLatency(conn, 100, 200);
    return {
      machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`,
      concurrency: CONCURRENCY,
      phases: [create, patch, get],
      watch: { watchers: 100, updates: 200, ...watch },
      memory: { objects: N, objectBytes: podBody(0).length, rssBeforeMiB: round(rssBefore), rssAfterMiB: round(rssAfter), perTenThousandMiB: round(rssAfter - rssBefore) },
    };
  } finally {
    closeConnection(conn);
    cluster.child.kill('SIGTERM');
    await cluster.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
