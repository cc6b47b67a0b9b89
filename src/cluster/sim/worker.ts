/**
 * Runs the simulation in a worker thread, so that on a multi-core machine the simulated kubelets and
 * controllers do not compete with the API server for its event loop. It still talks to the server
 * over HTTPS only (the one rule); logs are forwarded to the caller's logger.
 */
import { Worker } from 'node:worker_threads';
import { silentLogger, type KubeLogger } from '../../kube/log.ts';
import type { SimOptions } from './context.ts';

export interface WorkerData {
  server: string;
  token: string;
  caCert: string;
  opts: Partial<SimOptions>;
  debug: boolean;
}

export type WorkerMessage =
  | { type: 'ready'; nodes: string[] }
  | { type: 'failed'; error: string }
  | { type: 'stopped'; error?: string }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; obj: object; msg?: string };

export interface SimulationTarget {
  /** The API server URL, e.g. `https://127.0.0.1:6443`. */
  server: string;
  token: string;
  /** PEM of the CA that signed the server's certificate. */
  caCert: string;
}

export interface WorkerSimulation {
  nodes: string[];
  stop(): Promise<void>;
}

export async function startSimulationInWorker(
  target: SimulationTarget,
  opts: Partial<SimOptions> & { logger?: KubeLogger; debug?: boolean } = {},
): Promise<WorkerSimulation> {
  const logger = opts.logger ?? silentLogger;
  const data: WorkerData = {
    ...target,
    opts: { podStartDelayMs: opts.podStartDelayMs, timeScale: opts.timeScale, nodes: opts.nodes },
    debug: opts.debug ?? false,
  };
  // Loader hooks registered with --import do not reach worker threads: register tsx (Vane's runtime,
  // see bin/vane.js) in the thread before loading the TypeScript entry.
  const entry = new URL('./worker-entry.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: data });
  let onStopped: ((error?: string) => void) | undefined;
  const started = new Promise<string[]>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'log') logger[m.level](m.obj, m.msg);
      else if (m.type === 'ready') resolve(m.nodes);
      else if (m.type === 'failed') reject(new Error(`simulation failed to start: ${m.error}`));
      else if (m.type === 'stopped') onStopped?.(m.error);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`simulation worker exited with code ${code}`)));
  });
  let nodes: string[];
  try {
    nodes = await started;
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  worker.on('error', (err) => logger.error({ err: err.message }, 'simulation worker failed'));
  return {
    nodes,
    async stop() {
      const stopped = new Promise<string | undefined>((resolve) => {
        onStopped = resolve;
        worker.once('exit', () => resolve(undefined));
      });
      worker.postMessage('stop');
      const error = await Promise.race([stopped, new Promise<string>((r) => setTimeout(() => r('timed out stopping'), 10_000).unref())]);
      if (error) logger.warn({ err: error }, 'simulation worker did not stop cleanly');
      await worker.terminate();
    },
  };
}
