import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { Store } from '../store/store.ts';
import type { KubeObject } from '../store/object.ts';
import { unauthorized } from './errors.ts';
import { sendError } from './http/respond.ts';
import { isPublicPath, loadOrCreateToken, tokenMatches } from './auth.ts';
import { writeKubeconfig } from './kubeconfig.ts';
import { ResourceRegistry } from './resources/registry.ts';
import { builtinResourceTypes } from './resources/builtin/index.ts';
import { route, type RouterOptions } from './router.ts';
import { CrdSync } from './crd-sync.ts';
import { ObjectService } from './service/object-service.ts';
import { serviceAddressHooks } from './service/service-addresses.ts';
import { systemClock, type Clock } from './service/time.ts';
import { loadOrCreateTls } from './tls.ts';

export interface ApiServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback by default; anything else must be asked for. */
  host?: string;
  /** Persist every write here; in memory when absent. */
  dataDir?: string;
  /** Where to write a kubeconfig for this cluster. */
  kubeconfigPath?: string;
  token?: string;
  clock?: Clock;
  bookmarkIntervalMs?: number;
  maxWatchSeconds?: number;
}

export interface RunningApiServer {
  url: string;
  port: number;
  token: string;
  caCert: string;
  kubeconfigPath?: string;
  store: Store;
  close(): Promise<void>;
}

export const KUBERNETES_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0-vane' };
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Starts the local cluster's API server over HTTPS with bearer-token authentication. */
export async function startApiServer(opts: ApiServerOptions = {}): Promise<RunningApiServer> {
  const clock = opts.clock ?? systemClock;
  const store = opts.dataDir ? Store.persistent(opts.dataDir) : new Store();
  const registry = new ResourceRegistry(builtinResourceTypes());
  const namespaceState = (ns: string): 'active' | 'terminating' | 'missing' => {
    const obj = store.get('/namespaces', '', ns);
    if (!obj) return 'missing';
    return obj.metadata.deletionTimestamp ? 'terminating' : 'active';
  };
  const objects = new ObjectService(store, clock, namespaceState, serviceAddressHooks(store));
  const crds = new CrdSync(store, registry, objects);
  crds.start();
  bootstrap(objects, registry);

  const tls = await loadOrCreateTls(opts.dataDir);
  const token = loadOrCreateToken(opts.dataDir, opts.token);
  const routerOpts: RouterOptions = {
    store,
    registry,
    objects,
    clock,
    version: KUBERNETES_VERSION,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 10_000,
    maxWatchSeconds: opts.maxWatchSeconds ?? 1800,
  };
  const server = https.createServer({ key: tls.key, cert: tls.cert, keepAliveTimeout: 120_000 }, (req, res) => {
    if (!isPublicPath(req.url) && !tokenMatches(req, token)) {
      sendError(res, unauthorized());
      return;
    }
    void route(req, res, routerOpts);
  });
  server.headersTimeout = 60_000;
  server.requestTimeout = 0; // watches are long-lived
  // closeAllConnections() only knows sockets that finished the TLS handshake; track the raw ones
  // too, so that close() does not wait for a half-open handshake (tls handshakeTimeout, 120 s).
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (opts.kubeconfigPath) writeKubeconfig(opts.kubeconfigPath, { server: url, caCert: tls.caCert, token });

  return {
    url,
    port,
    token,
    caCert: tls.caCert,
    kubeconfigPath: opts.kubeconfigPath,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        crds.stop();
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The namespaces every cluster has. */
function bootstrap(objects: ObjectService, registry: ResourceRegistry): void {
  const nsType = registry.lookup('', 'v1', 'namespaces')!;
  for (const name of SYSTEM_NAMESPACES) {
    if (objects.store.get('/namespaces', '', name)) continue;
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    objects.create(nsType, '', ns, { fieldManager: 'vane-apiserver', dryRun: false, fieldValidation: 'Strict', warnings: [] });
  }
}
