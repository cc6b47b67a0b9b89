/**
 * A fast kubeconfig reader for the CLI: loading @kubernetes/client-node costs more than the whole
 * startup budget, so plain kubeconfigs (token, client certificate, basic auth, impersonation) are
 * resolved here with kubectl's merge rules and flag overrides. Users that need an exec or
 * auth-provider plugin are handed to client-node (see connect.ts) as a one-context kubeconfig.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { KubeFlags } from './flags.ts';

type Entry = Record<string, unknown>;
interface Named {
  name: string;
  entry: Entry;
}

export interface MergedKubeconfig {
  clusters: Map<string, Entry>;
  users: Map<string, Entry>;
  contexts: Map<string, Entry>;
  currentContext: string;
}

export interface ResolvedKubeconfig {
  contextName: string;
  server: string;
  namespace: string;
  caFile?: string;
  caData?: string;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  certFile?: string;
  certData?: string;
  keyFile?: string;
  keyData?: string;
  token?: string;
  username?: string;
  password?: string;
  impersonate?: { user?: string; groups?: string[]; uid?: string };
  /** Set when the user authenticates through an exec/auth-provider plugin: a one-context kubeconfig for client-node. */
  pluginKubeconfig?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Makes a relative file reference absolute against the kubeconfig's directory, as kubectl does. */
function resolvePaths(entry: Entry, keys: readonly string[], dir: string): Entry {
  const out: Entry = { ...entry };
  for (const k of keys) {
    const v = str(out[k]);
    if (v && !path.isAbsolute(v)) out[k] = path.join(dir, v);
  }
  return out;
}

function namedList(doc: Entry, key: string, inner: string, fileKeys: readonly string[], dir: string): Named[] {
  const list = doc[key];
  if (!Array.isArray(list)) return [];
  const out: Named[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const name = str((item as Entry)['name']);
    const entry = (item as Entry)[inner];
    if (!name || typeof entry !== 'object' || entry === null) continue;
    let e = resolvePaths(entry as Entry, fileKeys, dir);
    const exec = e['exec'];
    if (inner === 'user' && typeof exec === 'object' && exec !== null) {
      const command = str((exec as Entry)['command']);
      if (command && command.includes('/') && !path.isAbsolute(command)) e = { ...e, exec: { ...(exec as Entry), command: path.join(dir, command) } };
    }
    out.push({ name, entry: e });
  }
  return out;
}

/** Reads and merges kubeconfig files: for each name, the first file that defines it wins. */
export function readKubeconfigs(files: readonly string[]): MergedKubeconfig {
  const merged: MergedKubeconfig = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '' };
  for (const file of files) {
    let doc: unknown;
    try {
      doc = parseYaml(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`error loading config file "${file}": ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof doc !== 'object' || doc === null) continue;
    const d = doc as Entry;
    const dir = path.dirname(path.resolve(file));
    for (const c of namedList(d, 'clusters', 'cluster', ['certificate-authority'], dir)) if (!merged.clusters.has(c.name)) merged.clusters.set(c.name, c.entry);
    for (const u of namedList(d, 'users', 'user', ['client-certificate', 'client-key', 'tokenFile'], dir)) if (!merged.users.has(u.name)) merged.users.set(u.name, u.entry);
    for (const c of namedList(d, 'contexts', 'context', [], dir)) if (!merged.contexts.has(c.name)) merged.contexts.set(c.name, c.entry);
    if (!merged.currentContext) merged.currentContext = str(d['current-context']) ?? '';
  }
  return merged;
}

function needsPlugin(user: Entry): boolean {
  return (typeof user['exec'] === 'object' && user['exec'] !== null) || (typeof user['auth-provider'] === 'object' && user['auth-provider'] !== null);
}

/** Applies the current context (or --context), --cluster/--user and the other flag overrides. */
export function resolveKubeconfig(cfg: MergedKubeconfig, flags: KubeFlags): ResolvedKubeconfig {
  const contextName = flags.context || cfg.currentContext;
  const context = contextName ? cfg.contexts.get(contextName) : undefined;
  if (flags.context && !context) throw new Error(`context was not found for specified context: ${flags.context}`);
  if (!context && !flags.server) {
    throw new Error(contextName ? `context was not found for specified context: ${contextName}` : 'invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable');
  }
  const clusterName = flags.cluster || str(context?.['cluster']) || '';
  const userName = flags.user || str(context?.['user']) || '';
  const cluster = cfg.clusters.get(clusterName);
  if (flags.cluster && !cluster) throw new Error(`cluster "${flags.cluster}" does not exist`);
  if (flags.user && !cfg.users.has(flags.user)) throw new Error(`auth info "${flags.user}" does not exist`);
  if (!cluster && !flags.server) throw new Error(`cluster has no server defined`);
  const user: Entry = cfg.users.get(userName) ?? {};

  const server = flags.server || str(cluster?.['server']) || '';
  if (!server) throw new Error('cluster has no server defined');
  const resolved: ResolvedKubeconfig = {
    contextName: contextName ?? '',
    server,
    namespace: flags.namespace || str(context?.['namespace']) || 'default',
    insecureSkipTlsVerify: flags.insecureSkipTlsVerify ?? cluster?.['insecure-skip-tls-verify'] === true,
  };
  const set = <K extends keyof ResolvedKubeconfig>(k: K, v: ResolvedKubeconfig[K] | undefined): void => {
    if (v !== undefined) resolved[k] = v;
  };
  if (flags.certificateAuthority) set('caFile', path.resolve(flags.certificateAuthority));
  else {
    set('caFile', str(cluster?.['certificate-authority']));
    set('caData', str(cluster?.['certificate-authority-data']));
  }
  set('tlsServerName', flags.tlsServerName || str(cluster?.['tls-server-name']));
  if (flags.clientCertificate) set('certFile', path.resolve(flags.clientCertificate));
  else {
    set('certFile', str(user['client-certificate']));
    set('certData', str(user['client-certificate-data']));
  }
  if (flags.clientKey) set('keyFile', path.resolve(flags.clientKey));
  else {
    set('keyFile', str(user['client-key']));
    set('keyData', str(user['client-key-data']));
  }
  const tokenFile = str(user['tokenFile']);
  set('token', flags.token || str(user['token']) || (tokenFile ? fs.readFileSync(tokenFile, 'utf8').trim() : undefined));
  set('username', str(user['username']));
  set('password', str(user['password']));
  const groups = flags.asGroup ?? (Array.isArray(user['as-groups']) ? (user['as-groups'] as unknown[]).filter((g): g is string => typeof g === 'string') : undefined);
  const imp = { user: flags.as || str(user['as']), groups: groups && groups.length > 0 ? groups : undefined, uid: flags.asUid || str(user['as-uid']) };
  if (imp.user || imp.groups || imp.uid) resolved.impersonate = imp;

  if (!flags.token && needsPlugin(user)) {
    const clusterEntry: Entry = { ...cluster, server };
    if (resolved.caFile) clusterEntry['certificate-authority'] = resolved.caFile;
    if (resolved.insecureSkipTlsVerify) clusterEntry['insecure-skip-tls-verify'] = true;
    resolved.pluginKubeconfig = stringifyYaml({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'cluster', cluster: clusterEntry }],
      users: [{ name: 'user', user }],
      contexts: [{ name: 'context', context: { cluster: 'cluster', user: 'user', namespace: resolved.namespace } }],
      'current-context': 'context',
    });
  }
  return resolved;
}
