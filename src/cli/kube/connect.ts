/** Turns the global flags into a KubeClient and the namespace to work in. */
import fs from 'node:fs';
import { KubeClient } from '../../kube/client.ts';
import { connectionFromKubeconfigString, kubeconfigFiles, loadClusterConnection } from '../../kube/config.ts';
import { explicitConnection, makeAgent, normalizeServer, type ClusterConnection, type TlsMaterial } from '../../kube/connection.ts';
import { durationStringMs } from '../util/duration.ts';
import type { KubeFlags } from './flags.ts';
import { readKubeconfigs, resolveKubeconfig, type ResolvedKubeconfig } from './kubeconfig.ts';

export interface KubeSession {
  client: KubeClient;
  /** `-n`, else the context's namespace, else `default`. */
  namespace: string;
  close(): void;
}

function material(file: string | undefined, data: string | undefined): Buffer | undefined {
  if (file) return fs.readFileSync(file);
  if (data) return Buffer.from(data, 'base64');
  return undefined;
}

function impersonationHeaders(r: ResolvedKubeconfig): Record<string, string> {
  const h: Record<string, string> = {};
  if (r.impersonate?.user) h['Impersonate-User'] = r.impersonate.user;
  if (r.impersonate?.groups) h['Impersonate-Group'] = r.impersonate.groups.join(',');
  if (r.impersonate?.uid) h['Impersonate-Uid'] = r.impersonate.uid;
  return h;
}

async function fromKubeconfig(files: string[], flags: KubeFlags): Promise<ClusterConnection> {
  const r = resolveKubeconfig(readKubeconfigs(files), flags);
  if (r.pluginKubeconfig) {
    const conn = await connectionFromKubeconfigString(r.pluginKubeconfig, { namespace: r.namespace });
    conn.headers = { ...conn.headers, ...impersonationHeaders(r) };
    return conn;
  }
  const server = normalizeServer(r.server);
  const tls: TlsMaterial = {
    insecureSkipTlsVerify: r.insecureSkipTlsVerify,
    ca: material(r.caFile, r.caData),
    cert: material(r.certFile, r.certData),
    key: material(r.keyFile, r.keyData),
    serverName: r.tlsServerName,
  };
  const headers: Record<string, string> = impersonationHeaders(r);
  if (r.token) headers['Authorization'] = `Bearer ${r.token}`;
  else if (r.username) headers['Authorization'] = `Basic ${Buffer.from(`${r.username}:${r.password ?? ''}`).toString('base64')}`;
  const conn: ClusterConnection = { server, agent: makeAgent(server, tls), headers, namespace: r.namespace, source: 'kubeconfig' };
  if (r.contextName) conn.contextName = r.contextName;
  return conn;
}

async function connection(flags: KubeFlags, env: NodeJS.ProcessEnv): Promise<ClusterConnection> {
  if (flags.kubeconfig && !fs.existsSync(flags.kubeconfig)) {
    throw new Error(`stat ${flags.kubeconfig}: no such file or directory`);
  }
  const files = kubeconfigFiles({ kubeconfig: flags.kubeconfig, env });
  if (files.length > 0) return fromKubeconfig(files, flags);
  if (flags.server) {
    return explicitConnection({
      server: flags.server,
      token: flags.token,
      namespace: flags.namespace,
      tls: {
        insecureSkipTlsVerify: flags.insecureSkipTlsVerify ?? false,
        ca: flags.certificateAuthority ? fs.readFileSync(flags.certificateAuthority) : undefined,
        cert: flags.clientCertificate ? fs.readFileSync(flags.clientCertificate) : undefined,
        key: flags.clientKey ? fs.readFileSync(flags.clientKey) : undefined,
        serverName: flags.tlsServerName,
      },
    });
  }
  // In-cluster service account (or the standard "no configuration" error).
  return loadClusterConnection({ namespace: flags.namespace, token: flags.token, env });
}

function requestTimeoutMs(raw: string | undefined): number | undefined {
  if (!raw || raw === '0') return undefined;
  const ms = durationStringMs(raw);
  if (ms === undefined || ms < 0) throw new Error(`invalid argument "${raw}" for "--request-timeout" flag`);
  return ms > 0 ? ms : undefined;
}

export async function connect(flags: KubeFlags, env: NodeJS.ProcessEnv = process.env, userAgent = 'kubectl-argo-rollouts'): Promise<KubeSession> {
  const timeoutMs = requestTimeoutMs(flags.requestTimeout);
  const conn = await connection(flags, env);
  const client = new KubeClient(conn, { qps: 0, userAgent, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  return { client, namespace: conn.namespace, close: () => client.close() };
}
