import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiServer, type RunningApiServer } from '../../src/cluster/apiserver/server.ts';
import { KubeClient, type KubeClientOptions } from '../../src/kube/client.ts';
import { loadClusterConnection } from '../../src/kube/config.ts';

/**
 * The real local-cluster API server for the kube client/informer tests, started with the knobs these
 * tests need (fixed port and data dir to restart it, fast bookmarks). Clients connect through the
 * kubeconfig it writes, exactly as the controller would.
 */
export interface LiveCluster {
  dir: string;
  kubeconfig: string;
  server: RunningApiServer;
  /** A fresh client over the written kubeconfig. */
  client(opts?: KubeClientOptions): Promise<KubeClient>;
  /** Stops the server (the data dir stays when persistent). */
  stop(): Promise<void>;
  /** Starts the server again on the same port and data dir. */
  restart(): Promise<void>;
  /** Stops the server and deletes the directory. */
  dispose(): Promise<void>;
  /**
   * Another server over the same data dir, on another port (persistent clusters only, while this
   * one is stopped): lets a test change the world while this cluster's clients are disconnected.
   */
  startSibling(): Promise<{ client(): Promise<KubeClient>; stop(): Promise<void> }>;
}

export interface LiveClusterOptions {
  persistent?: boolean;
  bookmarkIntervalMs?: number;
  maxWatchSeconds?: number;
}

export async function startLiveCluster(opts: LiveClusterOptions = {}): Promise<LiveCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-kube-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const dataDir = opts.persistent ? path.join(dir, 'data') : undefined;
  const start = (port: number): Promise<RunningApiServer> =>
    startApiServer({ port, dataDir, kubeconfigPath: kubeconfig, bookmarkIntervalMs: opts.bookmarkIntervalMs, maxWatchSeconds: opts.maxWatchSeconds });
  let server = await start(0);
  const port = server.port;
  let running = true;
  const clients: KubeClient[] = [];
  const live: LiveCluster = {
    dir,
    kubeconfig,
    get server() {
      return server;
    },
    async client(clientOpts = {}) {
      const c = new KubeClient(await loadClusterConnection({ kubeconfig }), { qps: 0, ...clientOpts });
      clients.push(c);
      return c;
    },
    async stop() {
      if (!running) return;
      running = false;
      await server.close();
    },
    async restart() {
      await live.stop();
      server = await start(port);
      running = true;
    },
    async startSibling() {
      if (!dataDir) throw new Error('startSibling needs a persistent cluster');
      if (running) throw new Error('stop the cluster before starting a sibling on its data');
      const siblingConfig = path.join(dir, 'sibling-kubeconfig');
      const sibling = await startApiServer({ port: 0, dataDir, kubeconfigPath: siblingConfig });
      const own: KubeClient[] = [];
      return {
        async client() {
          const c = new KubeClient(await loadClusterConnection({ kubeconfig: siblingConfig }), { qps: 0 });
          own.push(c);
          return c;
        },
        async stop() {
          for (const c of own) c.close();
          await sibling.close();
        },
      };
    },
    async dispose() {
      await live.stop();
      for (const c of clients) c.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return live;
}

/** Polls `fn` until it returns a truthy value. */
export async function until<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs}ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
