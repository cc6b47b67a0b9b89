import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { explicitConnection, type ClusterConnection } from '../../src/kube/connection.ts';

export interface ChildCluster {
  child: ChildProcess;
  url: string;
  conn: ClusterConnection;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `vane cluster start` as a separate process (for crash tests and benchmarks) and connects to
 * it with the kubeconfig it writes. State persists in `dir/data` unless persist is false.
 */
export async function spawnClusterProcess(dir: string, opts: { persist?: boolean; extraArgs?: string[]; maxSockets?: number } = {}): Promise<ChildCluster> {
  const kubeconfig = path.join(dir, 'kubeconfig');
  const persistArgs = opts.persist === false ? [] : ['--data-dir', path.join(dir, 'data')];
  const args = [...persistArgs, '--kubeconfig', kubeconfig, ...(opts.extraArgs ?? [])];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts'), 'cluster', 'start', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`cluster did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (https:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`cluster exited with ${code}: ${stderr}`)));
  });
  const config = parseYaml(fs.readFileSync(kubeconfig, 'utf8')) as {
    clusters: Array<{ cluster: { 'certificate-authority-data': string } }>;
    users: Array<{ user: { token: string } }>;
  };
  const ca = Buffer.from(config.clusters[0]!.cluster['certificate-authority-data'], 'base64');
  const conn = explicitConnection({ server: url, token: config.users[0]!.user.token, tls: { ca }, maxSockets: opts.maxSockets });
  return { child, url, conn, exited };
}
