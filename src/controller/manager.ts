import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { KubeClient } from '../kube/client.ts';
import type { ClusterConnection } from '../kube/connection.ts';
import { EventRecorder } from '../kube/events.ts';
import { SharedInformerFactory } from '../kube/informer-factory.ts';
import { DEFAULT_LEASE_NAME, LeaderElector } from '../kube/leader-election.ts';
import type { KubeLogger } from '../kube/log.ts';
import { RolloutController } from '../rollout/controller/index.ts';
import { serveEndpoints, type EndpointServer } from './http-endpoints.ts';
import { ControllerMetrics } from './prom-metrics.ts';

export interface ControllerOptions {
  connection: ClusterConnection;
  /** Watch only this namespace (Argo's `--namespaced`). */
  namespace?: string;
  instanceId?: string;
  leaderElect: boolean;
  /** Namespace of the leader-election Lease. */
  leaseNamespace: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  rolloutThreads: number;
  qps: number;
  burst: number;
  /** Port of /metrics: 0 picks a free one, negative disables it. */
  metricsPort: number;
  healthzPort: number;
  bindAddress: string;
  version: string;
  logger?: KubeLogger;
}

export interface RunningController {
  metricsPort?: number;
  healthzPort?: number;
  client: KubeClient;
  /** Resolves once this replica leads and its controllers have synced. */
  leading: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs Vane's controllers against any cluster reachable through `connection`: the same code path
 * for the local cluster and a real one. With leader election only the replica holding the Lease
 * `argo-rollouts-controller-lock[-<instanceId>]` reconciles; losing the lease stops reconciling.
 */
export async function runController(opts: ControllerOptions): Promise<RunningController> {
  const log = opts.logger ?? pino({ level: process.env.VANE_LOG_LEVEL ?? 'info' }, pino.destination(2));
  const client = new KubeClient(opts.connection, { qps: opts.qps, burst: opts.burst, userAgent: `vane-controller/${opts.version}`, fieldManager: 'rollouts-controller' });
  const metrics = new ControllerMetrics(opts.version);
  const stopCounting = metrics.countRequests(client.metrics);
  let healthy = true;
  const metricsServer: EndpointServer | undefined =
    opts.metricsPort >= 0 ? await serveEndpoints(opts.metricsPort, opts.bindAddress, { '/metrics': async () => ({ status: 200, ...(await metrics.render()) }) }) : undefined;
  const healthzServer: EndpointServer | undefined =
    opts.healthzPort >= 0
      ? await serveEndpoints(opts.healthzPort, opts.bindAddress, {
          '/healthz': async () => ({ status: healthy ? 200 : 500, contentType: 'text/plain', body: healthy ? 'ok\n' : 'unhealthy\n' }),
        })
      : undefined;
  const servers = [metricsServer, healthzServer].filter((s): s is EndpointServer => s !== undefined);

  let active: { controller: RolloutController; informers: SharedInformerFactory } | undefined;
  const startControllers = async (): Promise<void> => {
    const informers = new SharedInformerFactory(client, { logger: log });
    const recorder = new EventRecorder(client, { component: 'rollouts-controller', logger: log });
    const controller = new RolloutController({ client, informers, recorder, metrics, logger: log, namespace: opts.namespace, instanceId: opts.instanceId });
    active = { controller, informers };
    await controller.start(opts.rolloutThreads);
    log.info({ threads: opts.rolloutThreads, namespace: opts.namespace ?? '(all)' }, 'rollout controller started');
  };
  const stopControllers = async (): Promise<void> => {
    const current = active;
    active = undefined;
    if (!current) return;
    await current.controller.stop();
    await current.informers.shutdown();
  };

  let elector: LeaderElector | undefined;
  let stopping = false;
  let leading: Promise<void>;
  if (opts.leaderElect) {
    let markLeading!: () => void;
    leading = new Promise((resolve) => (markLeading = resolve));
    elector = new LeaderElector(client, {
      namespace: opts.leaseNamespace,
      name: opts.instanceId ? `${DEFAULT_LEASE_NAME}-${opts.instanceId}` : DEFAULT_LEASE_NAME,
      identity: `${os.hostname()}_${randomUUID()}`,
      leaseDurationMs: opts.leaseDurationMs,
      renewDeadlineMs: opts.renewDeadlineMs,
      retryPeriodMs: opts.retryPeriodMs,
      logger: log,
      onStartedLeading: async () => {
        log.info({}, 'became leader');
        await startControllers();
        markLeading();
      },
      onStoppedLeading: () => {
        if (stopping) return;
        // Like Argo's controller, a replica that lost the lease does not campaign again: it stops
        // reconciling and reports unhealthy so that its supervisor restarts it.
        healthy = false;
        log.warn({}, 'leadership lost: stopping reconciliation');
        void stopControllers();
      },
    });
    void elector.run().catch((err: unknown) => {
      healthy = false;
      log.error({ err: String(err) }, 'leader election failed');
    });
  } else {
    leading = startControllers();
  }

  return {
    metricsPort: metricsServer?.port,
    healthzPort: healthzServer?.port,
    client,
    leading,
    stop: async () => {
      stopping = true;
      await elector?.stop();
      await stopControllers();
      stopCounting();
      metrics.close();
      await Promise.all(servers.map((s) => s.close()));
      client.close();
    },
  };
}
