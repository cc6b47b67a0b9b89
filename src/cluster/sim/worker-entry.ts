/** The body of startSimulationInWorker's thread: a simulation connected to the server it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { explicitConnection } from '../../kube/connection.ts';
import type { KubeLogger } from '../../kube/log.ts';
import { startSimulation } from './index.ts';
import type { WorkerData, WorkerMessage } from './worker.ts';

const data = workerData as WorkerData;
const port = parentPort;
if (!port) throw new Error('worker-entry.ts must run in a worker thread');

const post = (m: WorkerMessage): void => port.postMessage(m);
const forward =
  (level: 'debug' | 'info' | 'warn' | 'error') =>
  (obj: object, msg?: string): void =>
    post({ type: 'log', level, obj: JSON.parse(JSON.stringify(obj)) as object, msg });
const logger: KubeLogger = { debug: data.debug ? forward('debug') : () => undefined, info: forward('info'), warn: forward('warn'), error: forward('error') };

try {
  const conn = explicitConnection({ server: data.server, token: data.token, tls: { ca: Buffer.from(data.caCert) } });
  const sim = await startSimulation(conn, { ...data.opts, logger });
  post({ type: 'ready', nodes: sim.nodes.map((n) => n.name) });
  port.on('message', (m: unknown) => {
    if (m !== 'stop') return;
    void sim.stop().then(
      () => post({ type: 'stopped' }),
      (err: unknown) => post({ type: 'stopped', error: String(err) }),
    );
  });
} catch (err) {
  post({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
}
