import http from 'node:http';
import https from 'node:https';

/**
 * Everything the HTTP transport needs to talk to one API server: where it is, a keep-alive agent that
 * carries the TLS material (CA, client certificate, verification mode), and the auth headers.
 */
export interface ClusterConnection {
  /** Base URL without a trailing slash; may carry a path prefix (e.g. behind a proxy). */
  server: string;
  /** https.Agent for https servers, http.Agent for http; keep-alive, bounded sockets. */
  agent: http.Agent;
  /** Headers sent on every request: Authorization, Impersonate-User. */
  headers: Record<string, string>;
  /** The context's namespace, or `default`. */
  namespace: string;
  /** Where the settings came from, for messages. */
  source: 'kubeconfig' | 'in-cluster' | 'explicit';
  contextName?: string;
  /**
   * Present when credentials rotate (service-account token file, exec or auth-provider plugins):
   * returns current auth headers; cached, `force` re-reads them (after a 401).
   */
  refreshHeaders?: (force?: boolean) => Promise<Record<string, string>>;
}

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecureSkipTlsVerify?: boolean;
  serverName?: string;
}

export interface AgentOptions {
  maxSockets?: number;
}

/** Normalises and checks a server URL: http(s) only, no trailing slash. */
export function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new Error(`invalid API server URL ${JSON.stringify(server)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`unsupported API server URL scheme ${url.protocol} in ${JSON.stringify(server)}`);
  }
  return server.replace(/\/+$/, '');
}

/** A keep-alive agent for the server's scheme carrying the TLS material. */
export function makeAgent(server: string, tls: TlsMaterial, opts: AgentOptions = {}): http.Agent {
  const base = { keepAlive: true, keepAliveMsecs: 30_000, maxSockets: opts.maxSockets ?? 64, maxFreeSockets: 16 };
  if (new URL(server).protocol === 'http:') return new http.Agent(base);
  const agentOpts: https.AgentOptions = { ...base, rejectUnauthorized: !tls.insecureSkipTlsVerify };
  if (tls.ca && !tls.insecureSkipTlsVerify) agentOpts.ca = tls.ca;
  if (tls.cert) agentOpts.cert = tls.cert;
  if (tls.key) agentOpts.key = tls.key;
  if (tls.serverName) agentOpts.servername = tls.serverName;
  return new https.Agent(agentOpts);
}

/** Builds a connection from explicit settings (no kubeconfig): `--server`, `--token`, CA. */
export function explicitConnection(opts: {
  server: string;
  token?: string;
  tls?: TlsMaterial;
  namespace?: string;
  maxSockets?: number;
}): ClusterConnection {
  const server = normalizeServer(opts.server);
  const headers: Record<string, string> = {};
  if (opts.token) headers['Authorization'] = `Bearer ${opts.token}`;
  const conn: ClusterConnection = {
    server,
    agent: makeAgent(server, opts.tls ?? {}, { maxSockets: opts.maxSockets }),
    headers,
    namespace: opts.namespace || 'default',
    source: 'explicit',
  };
  return conn;
}

/** Closes idle sockets; in-flight requests finish. */
export function closeConnection(conn: ClusterConnection): void {
  conn.agent.destroy();
}
