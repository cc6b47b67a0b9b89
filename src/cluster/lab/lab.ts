import * as fs from 'node:fs';
import * as path from 'node:path';
import pino from 'pino';
import { runController, type RunningController } from '../../controller/manager.ts';
import { applyObjects, parseManifests } from '../../kube/apply.ts';
import { KubeClient } from '../../kube/client.ts';
import { closeConnection, explicitConnection } from '../../kube/connection.ts';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '../local-cluster.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CRD_DIR = path.join(ROOT, 'manifests/crds');
export const DEMO_MANIFEST = path.join(ROOT, 'examples/canary-demo.yaml');

export interface LabOptions extends LocalClusterOptions {
  metricsPort: number;
  /** Apply examples/canary-demo.yaml. */
  demo: boolean;
  version: string;
}

export interface Lab {
  cluster: LocalCluster;
  controller: RunningController;
  stop(): Promise<void>;
}

/** Reads every CRD manifest Vane ships (manifests/crds/*.yaml). */
export function crdManifests(): string {
  return fs
    .readdirSync(CRD_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => fs.readFileSync(path.join(CRD_DIR, f), 'utf8'))
    .join('\n---\n');
}

/**
 * The local lab: local cluster + simulation, Vane's CRDs, the Rollout controller (talking to the
 * cluster over HTTPS like any client) and, optionally, the demo canary.
 */
export async function startLab(opts: LabOptions): Promise<Lab> {
  const cluster = await startLocalCluster(opts);
  const conn = explicitConnection({ server: cluster.api.url, token: cluster.api.token, tls: { ca: Buffer.from(cluster.api.caCert) } });
  const client = new KubeClient(conn, { qps: 0, userAgent: 'vane-lab', fieldManager: 'vane-lab' });
  try {
    await applyObjects(client, parseManifests(crdManifests()), { fieldManager: 'vane-lab' });
    const controller = await runController({
      connection: explicitConnection({ server: cluster.api.url, token: cluster.api.token, tls: { ca: Buffer.from(cluster.api.caCert) } }),
      leaderElect: false,
      leaseNamespace: 'kube-system',
      rolloutThreads: 4,
      qps: 0,
      burst: 1,
      metricsPort: opts.metricsPort,
      healthzPort: -1,
      bindAddress: '127.0.0.1',
      version: opts.version,
      // The lab's terminal is for the user's commands: only warnings and errors.
      logger: pino({ level: process.env.VANE_LOG_LEVEL ?? 'warn' }, pino.destination(2)),
    });
    await controller.leading;
    if (opts.demo) await applyObjects(client, parseManifests(fs.readFileSync(DEMO_MANIFEST, 'utf8')), { fieldManager: 'vane-lab' });
    return {
      cluster,
      controller,
      stop: async () => {
        await controller.stop();
        await cluster.stop();
      },
    };
  } catch (err) {
    await cluster.stop();
    throw err;
  } finally {
    client.close();
    closeConnection(conn);
  }
}
