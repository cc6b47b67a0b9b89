/**
 * Rollout controller benchmark (issue 4): N Rollouts (2 replicas, pods ready at once) go through an
 * update with steps [setWeight 25, pause 1s, setWeight 50, pause 1s]. The controller runs as its own
 * process (`vane controller`) against a local cluster whose simulation runs in a worker thread.
 * Reports the wall time from the update to all Healthy, the controller's API requests per rollout
 * update by verb (from its own /metrics), its CPU seconds and peak RSS, and errors.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalCluster } from '../src/cluster/local-cluster.ts';
import { applyObjects, parseManifests } from '../src/kube/apply.ts';
import { KubeClient } from '../src/kube/client.ts';
import { explicitConnection } from '../src/kube/connection.ts';
import { rollouts } from '../src/kube/resources.ts';
import type { KubeObject } from '../src/cluster/store/object.ts';
import { crdManifests } from '../src/cluster/lab/lab.ts';
import { cpuSeconds, round, rssMiB } from './lib/stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

interface RolloutLike extends KubeObject {
  status?: { phase?: string; observedGeneration?: string };
  spec?: { template?: { spec?: { containers?: Array<{ image?: string }> } } };
}

function rollout(name: string, image: string): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: 'bench' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } },
      strategy: { canary: { steps: [{ setWeight: 25 }, { pause: { duration: '1s' } }, { setWeight: 50 }, { pause: { duration: '1s' } }] } },
    },
  };
}

async function scrapeRequests(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const byVerb = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^controller_clientset_k8s_request_total\{(.*)\} (\d+(?:\.\d+)?)$/.exec(line);
    if (!m) continue;
    const verb = /verb="([^"]*)"/.exec(m[1]!)?.[1] ?? '?';
    byVerb.set(verb, (byVerb.get(verb) ?? 0) + Number(m[2]));
  }
  return byVerb;
}

async function countHealthy(client: KubeClient, image: string): Promise<{ healthy: number; degraded: number }> {
  const list = await client.list<RolloutLike>(rollouts, 'bench');
  let healthy = 0;
  let degraded = 0;
  for (const ro of list.items) {
    const current = ro.spec?.template?.spec?.containers?.[0]?.image === image;
    const observed = ro.status?.observedGeneration === String(ro.metadata.generation);
    if (current && observed && ro.status?.phase === 'Healthy') healthy++;
    if (ro.status?.phase === 'Degraded') degraded++;
  }
  return { healthy, degraded };
}

async function waitAllHealthy(client: KubeClient, n: number, image: string, timeoutMs: number): Promise<{ seconds: number; degraded: number; reached: number }> {
  const start = performance.now();
  let last = { healthy: 0, degraded: 0 };
  while (performance.now() - start < timeoutMs) {
    last = await countHealthy(client, image);
    if (last.healthy === n) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { seconds: round((performance.now() - start) / 1000, 2), degraded: last.degraded, reached: last.healthy };
}

export async function runRolloutBench(n = Number(process.env.BENCH_ROLLOUTS ?? 1000)): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-bench-ro-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const cluster = await startLocalCluster({ port: 0, kubeconfigPath: kubeconfig, simulation: { podStartDelayMs: 0, timeScale: 0.01 }, simulationInWorker: true });
  const conn = explicitConnection({ server: cluster.api.url, token: cluster.api.token, tls: { ca: Buffer.from(cluster.api.caCert) } });
  const client = new KubeClient(conn, { qps: 0, fieldManager: 'bench' });
  const controller = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/main.ts'), 'controller', '--kubeconfig', kubeconfig, '--no-leader-elect', '--metrics-port', '0', '--healthz-port', '-1', '--qps', '0', '--rollout-threads', '10'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, VANE_LOG_LEVEL: 'warn' } },
  );
  let stderr = '';
  controller.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const metricsPort = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`controller did not start: ${stderr}`)), 60_000);
      controller.stderr!.on('data', () => {
        const m = /metrics on http:\/\/[^:]+:(\d+)\/metrics/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    await applyObjects(client, parseManifests(crdManifests()), { fieldManager: 'bench' });
    await client.create({ group: '', version: 'v1', resource: 'namespaces', namespaced: false }, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
    const names = Array.from({ length: n }, (_, i) => `ro-${i}`);
    const createStart = performance.now();
    await Promise.all(Array.from({ length: 16 }, async (_, w) => {
      for (let i = w; i < n; i += 16) await client.create(rollouts, 'bench', rollout(names[i]!, 'app:v1'));
    }));
    const initial = await waitAllHealthy(client, n, 'app:v1', 300_000);
    const initialSeconds = round((performance.now() - createStart) / 1000, 2);

    const before = await scrapeRequests(metricsPort);
    const cpuBefore = cpuSeconds(controller.pid!);
    let peakRss = rssMiB(controller.pid!);
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(controller.pid!))), 200);
    const updateStart = performance.now();
    await Promise.all(Array.from({ length: 16 }, async (_, w) => {
      for (let i = w; i < n; i += 16) {
        await client.patch(rollouts, 'bench', names[i]!, [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'app:v2' }], 'json');
      }
    }));
    const updated = await waitAllHealthy(client, n, 'app:v2', 300_000);
    const updateSeconds = round((performance.now() - updateStart) / 1000, 2);
    clearInterval(rssTimer);
    const after = await scrapeRequests(metricsPort);
    const cpu = round(cpuSeconds(controller.pid!) - cpuBefore, 2);
    const perRollout: Record<string, number> = {};
    let writes = 0;
    for (const [verb, count] of after) {
      const delta = count - (before.get(verb) ?? 0);
      if (delta <= 0) continue;
      perRollout[verb] = round(delta / n, 2);
      if (['create', 'update', 'patch', 'delete'].includes(verb)) writes += delta;
    }
    return {
      rollouts: n,
      machine: `${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}, node ${process.version}`,
      initialDeploySeconds: initialSeconds,
      initialReachedHealthy: initial.reached,
      updateToAllHealthySeconds: updateSeconds,
      updateReachedHealthy: updated.reached,
      degraded: updated.degraded,
      controllerRequestsPerRolloutUpdate: perRollout,
      controllerWritesPerRolloutUpdate: round(writes / n, 2),
      controllerCpuSeconds: cpu,
      controllerPeakRssMiB: round(peakRss),
      errors: n - updated.reached,
    };
  } finally {
    controller.kill('SIGTERM');
    client.close();
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
