import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KubeConfig, User } from '@kubernetes/client-node';
import { makeAgent, normalizeServer, explicitConnection, type ClusterConnection, type TlsMaterial } from './connection.ts';

/**
 * Where the connection settings come from, in kubectl's order: `--kubeconfig`, then $KUBECONFIG
 * (several files merged, first wins), then ~/.kube/config, then the in-cluster service account.
 * `server`/`token`/`insecureSkipTlsVerify`/`certificateAuthority` override what was loaded, and
 * `server` alone (with no kubeconfig found) is enough for an explicit connection.
 */
export interface LoadConfigOptions {
  kubeconfig?: string;
  context?: string;
  server?: string;
  token?: string;
  insecureSkipTlsVerify?: boolean;
  /** Path of a CA bundle (kubectl `--certificate-authority`). */
  certificateAuthority?: string;
  namespace?: string;
  /** Force the in-cluster service account even when a kubeconfig exists. */
  inCluster?: boolean;
  maxSockets?: number;
  /** For tests: defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** For tests: defaults to the user's home directory. */
  homeDir?: string;
  /** For tests: prefix of /var/run/secrets/kubernetes.io/serviceaccount. */
  inClusterRoot?: string;
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
/** How long rotating credentials are reused before the plugins/files are asked again. */
const HEADER_CACHE_MS = 30_000;

type ClientNode = typeof import('@kubernetes/client-node');

/** client-node costs ~0.6 s to import; only pay for it when a kubeconfig is actually loaded. */
async function clientNode(): Promise<ClientNode> {
  return import('@kubernetes/client-node');
}

function fileExists(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** The kubeconfig files to load, most important first; empty when none applies. */
export function kubeconfigFiles(opts: LoadConfigOptions): string[] {
  if (opts.kubeconfig) return [opts.kubeconfig];
  const env = opts.env ?? process.env;
  const fromEnv = (env['KUBECONFIG'] ?? '').split(path.delimiter).filter((f) => f.length > 0);
  if (fromEnv.length > 0) return fromEnv.filter(fileExists);
  const home = opts.homeDir ?? os.homedir();
  const def = path.join(home, '.kube', 'config');
  return fileExists(def) ? [def] : [];
}

function inClusterAvailable(opts: LoadConfigOptions): boolean {
  const env = opts.env ?? process.env;
  const root = opts.inClusterRoot ?? '';
  return Boolean(env['KUBERNETES_SERVICE_HOST']) && fileExists(`${root}${SERVICE_ACCOUNT_DIR}/token`);
}

/** Loads and merges kubeconfig files like kubectl: for each name, the first file defining it wins. */
async function loadKubeConfig(files: string[]): Promise<KubeConfig> {
  const k8s = await clientNode();
  const merged = new k8s.KubeConfig();
  merged.loadFromOptions({ clusters: [], users: [], contexts: [], currentContext: undefined });
  for (const file of files) {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(file);
    const has = <T extends { name: string }>(list: T[], name: string): boolean => list.some((x) => x.name === name);
    for (const c of kc.getClusters()) if (!has(merged.getClusters(), c.name)) merged.addCluster(c);
    for (const u of kc.getUsers()) if (!has(merged.getUsers(), u.name)) merged.addUser(u);
    for (const c of kc.getContexts()) if (!has(merged.getContexts(), c.name)) merged.addContext(c);
    if (!merged.getCurrentContext() && kc.getCurrentContext()) merged.setCurrentContext(kc.getCurrentContext());
  }
  return merged;
}

function readFileOrData(file: string | undefined, data: string | undefined): Buffer | undefined {
  if (file) return fs.readFileSync(file);
  if (data) return Buffer.from(data, 'base64');
  return undefined;
}

/** Auth headers that need no plugin: token, basic auth, impersonation. */
function staticAuthHeaders(user: User | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!user) return headers;
  if (user.token) headers['Authorization'] = `Bearer ${user.token}`;
  else if (user.username) {
    headers['Authorization'] = `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`;
  }
  if (user.impersonateUser) headers['Impersonate-User'] = user.impersonateUser;
  return headers;
}

/**
 * Rotating credentials (exec plugins, auth providers such as the in-cluster token file) are
 * computed by client-node's authenticators. They run against a throwaway config whose cluster is a
 * placeholder, so client-node never builds an agent or sends a request of its own.
 */
async function pluginHeaderSource(user: User): Promise<(force?: boolean) => Promise<Record<string, string>>> {
  const k8s = await clientNode();
  let kc = new k8s.KubeConfig();
  const reset = (): void => {
    kc = new k8s.KubeConfig();
    kc.loadFromClusterAndUser({ name: 'auth', server: 'https://auth.invalid', skipTLSVerify: true }, user);
  };
  reset();
  let cached: { at: number; headers: Promise<Record<string, string>> } | undefined;
  const compute = async (): Promise<Record<string, string>> => {
    const opts: { headers?: Record<string, unknown> } = {};
    await kc.applyToHTTPSOptions(opts);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) if (typeof v === 'string') headers[k] = v;
    return headers;
  };
  return (force = false) => {
    const now = Date.now();
    if (force) reset();
    if (!cached || force || now - cached.at > HEADER_CACHE_MS) {
      const headers = compute();
      cached = { at: now, headers };
      headers.catch(() => {
        if (cached?.headers === headers) cached = undefined;
      });
    }
    return cached.headers;
  };
}

function needsPlugin(user: User | null): user is User {
  return Boolean(user && (user.exec || user.authProvider));
}

/** Turns a loaded KubeConfig (its current context) into a connection, applying the overrides. */
export async function connectionFromKubeConfig(
  kc: KubeConfig,
  opts: LoadConfigOptions,
  source: ClusterConnection['source'],
): Promise<ClusterConnection> {
  if (opts.context) {
    if (!kc.getContextObject(opts.context)) throw new Error(`context "${opts.context}" does not exist in the kubeconfig`);
    kc.setCurrentContext(opts.context);
  }
  const contextName = kc.getCurrentContext();
  const context = contextName ? kc.getContextObject(contextName) : null;
  if (!context && !opts.server) {
    throw new Error(contextName ? `context "${contextName}" does not exist in the kubeconfig` : 'the kubeconfig has no current context; pass --context');
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster && !opts.server) throw new Error(`cluster "${context?.cluster ?? ''}" of context "${contextName}" is not defined`);
  const user = kc.getCurrentUser();

  const server = normalizeServer(opts.server ?? cluster?.server ?? '');
  const skip = opts.insecureSkipTlsVerify ?? cluster?.skipTLSVerify ?? false;
  const tls: TlsMaterial = {
    insecureSkipTlsVerify: skip,
    ca: opts.certificateAuthority ? fs.readFileSync(opts.certificateAuthority) : readFileOrData(cluster?.caFile, cluster?.caData),
    cert: readFileOrData(user?.certFile, user?.certData),
    key: readFileOrData(user?.keyFile, user?.keyData),
    serverName: cluster?.tlsServerName,
  };

  let headers = staticAuthHeaders(user);
  let refreshHeaders: ClusterConnection['refreshHeaders'];
  if (opts.token) {
    headers = { ...headers, Authorization: `Bearer ${opts.token}` };
  } else if (needsPlugin(user)) {
    const source = await pluginHeaderSource(user);
    headers = { ...headers, ...(await source()) };
    const impersonate = user.impersonateUser;
    refreshHeaders = async (force) => {
      const h = { ...(await source(force)) };
      if (impersonate) h['Impersonate-User'] = impersonate;
      return h;
    };
  }

  const conn: ClusterConnection = {
    server,
    agent: makeAgent(server, tls, { maxSockets: opts.maxSockets }),
    headers,
    namespace: opts.namespace || context?.namespace || 'default',
    source,
  };
  if (contextName) conn.contextName = contextName;
  if (refreshHeaders) conn.refreshHeaders = refreshHeaders;
  return conn;
}

/** Parses kubeconfig YAML (e.g. the one the local cluster writes) into a connection. */
export async function connectionFromKubeconfigString(
  yamlText: string,
  opts: Omit<LoadConfigOptions, 'kubeconfig'> = {},
): Promise<ClusterConnection> {
  const k8s = await clientNode();
  const kc = new k8s.KubeConfig();
  kc.loadFromString(yamlText);
  return connectionFromKubeConfig(kc, opts, 'kubeconfig');
}

/** Loads connection settings following kubectl's precedence (see LoadConfigOptions). */
export async function loadClusterConnection(opts: LoadConfigOptions = {}): Promise<ClusterConnection> {
  if (opts.kubeconfig && !fileExists(opts.kubeconfig)) {
    throw new Error(`kubeconfig ${opts.kubeconfig} does not exist or is not readable`);
  }
  const files = opts.inCluster ? [] : kubeconfigFiles(opts);
  if (files.length > 0) return connectionFromKubeConfig(await loadKubeConfig(files), opts, 'kubeconfig');

  if (opts.inCluster || inClusterAvailable(opts)) {
    const env = opts.env ?? process.env;
    const saved = { host: process.env['KUBERNETES_SERVICE_HOST'], port: process.env['KUBERNETES_SERVICE_PORT'] };
    const k8s = await clientNode();
    const kc = new k8s.KubeConfig();
    // loadFromCluster reads process.env; lend it the (possibly injected) environment for the call.
    process.env['KUBERNETES_SERVICE_HOST'] = env['KUBERNETES_SERVICE_HOST'] ?? '';
    process.env['KUBERNETES_SERVICE_PORT'] = env['KUBERNETES_SERVICE_PORT'] ?? '443';
    try {
      kc.loadFromCluster(opts.inClusterRoot ?? '');
    } finally {
      restoreEnv('KUBERNETES_SERVICE_HOST', saved.host);
      restoreEnv('KUBERNETES_SERVICE_PORT', saved.port);
    }
    if (!env['KUBERNETES_SERVICE_HOST'] && !opts.server) {
      throw new Error('not running in a cluster: KUBERNETES_SERVICE_HOST is not set');
    }
    const conn = await connectionFromKubeConfig(kc, opts, 'in-cluster');
    const nsFile = `${opts.inClusterRoot ?? ''}${SERVICE_ACCOUNT_DIR}/namespace`;
    if (!opts.namespace && fileExists(nsFile)) conn.namespace = fs.readFileSync(nsFile, 'utf8').trim() || 'default';
    return conn;
  }

  if (opts.server) {
    return explicitConnection({
      server: opts.server,
      token: opts.token,
      namespace: opts.namespace,
      maxSockets: opts.maxSockets,
      tls: {
        insecureSkipTlsVerify: opts.insecureSkipTlsVerify ?? false,
        ca: opts.certificateAuthority ? fs.readFileSync(opts.certificateAuthority) : undefined,
      },
    });
  }
  throw new Error(
    'no Kubernetes configuration found: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run in a cluster',
  );
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
