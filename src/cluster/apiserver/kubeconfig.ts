import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigParams {
  server: string;
  caCert: string;
  token: string;
  contextName?: string;
}

export function kubeconfigYaml(p: KubeconfigParams): string {
  const name = p.contextName ?? 'vane-local';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: p.server, 'certificate-authority-data': Buffer.from(p.caCert).toString('base64') } }],
    users: [{ name: `${name}-admin`, user: { token: p.token } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-admin`, namespace: 'default' } }],
    'current-context': name,
    preferences: {},
  });
}

/** Writes the kubeconfig readable only by its owner: it holds the cluster's admin token. */
export function writeKubeconfig(file: string, p: KubeconfigParams): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, kubeconfigYaml(p), { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}
