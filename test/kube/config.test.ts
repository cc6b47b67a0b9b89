import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadClusterConnection, connectionFromKubeconfigString } from '../../src/kube/config.ts';
import { closeConnection, type ClusterConnection } from '../../src/kube/connection.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-kubeconfig-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const conns: ClusterConnection[] = [];
after(() => conns.forEach(closeConnection));
const keep = (c: ClusterConnection): ClusterConnection => (conns.push(c), c);

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const CA = '-----BEGIN CERTIFICATE-----\nMIIB-test-ca\n-----END CERTIFICATE-----\n';

function write(name: string, config: object): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, stringify(config));
  return file;
}

const main = write('main.yaml', {
  apiVersion: 'v1',
  kind: 'Config',
  'current-context': 'dev',
  clusters: [
    { name: 'dev-cluster', cluster: { server: 'https://dev.example:6443/', 'certificate-authority-data': b64(CA), 'tls-server-name': 'kubernetes' } },
    { name: 'lab', cluster: { server: 'https://127.0.0.1:7443', 'insecure-skip-tls-verify': true } },
    { name: 'plain', cluster: { server: 'http://127.0.0.1:8080' } },
  ],
  users: [
    { name: 'dev-user', user: { token: 'dev-token' } },
    { name: 'cert-user', user: { 'client-certificate': 'certs/client.crt', 'client-key': 'certs/client.key' } },
    { name: 'basic', user: { username: 'admin', password: 's3cret', as: 'jane' } },
    {
      name: 'exec-user',
      user: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: process.execPath,
          args: ['-e', 'console.log(JSON.stringify({apiVersion:"client.authentication.k8s.io/v1",kind:"ExecCredential",status:{token:"from-exec"}}))'],
          interactiveMode: 'Never',
        },
      },
    },
  ],
  contexts: [
    { name: 'dev', context: { cluster: 'dev-cluster', user: 'dev-user', namespace: 'team-a' } },
    { name: 'lab', context: { cluster: 'lab', user: 'cert-user' } },
    { name: 'plain', context: { cluster: 'plain', user: 'basic' } },
    { name: 'exec', context: { cluster: 'dev-cluster', user: 'exec-user' } },
  ],
});
fs.mkdirSync(path.join(dir, 'certs'));
fs.writeFileSync(path.join(dir, 'certs/client.crt'), 'CERT');
fs.writeFileSync(path.join(dir, 'certs/client.key'), 'KEY');

test('current context: server, bearer token, CA data, TLS server name, namespace', async () => {
  const conn = keep(await loadClusterConnection({ kubeconfig: main }));
  assert.equal(conn.server, 'https://dev.example:6443');
  assert.equal(conn.headers['Authorization'], 'Bearer dev-token');
  assert.equal(conn.namespace, 'team-a');
  assert.equal(conn.source, 'kubeconfig');
  assert.equal(conn.contextName, 'dev');
  assert.ok(conn.agent instanceof https.Agent);
  const opts = (conn.agent as https.Agent).options;
  assert.equal(String(opts.ca), CA);
  assert.equal(opts.servername, 'kubernetes');
  assert.equal(opts.rejectUnauthorized, true);
  assert.equal((conn.agent as unknown as { keepAlive: boolean }).keepAlive, true);
  assert.equal(conn.agent.maxSockets, 64);
});

test('--context with client certificate files (relative to the kubeconfig) and insecure-skip-tls-verify', async () => {
  const conn = keep(await loadClusterConnection({ kubeconfig: main, context: 'lab' }));
  assert.equal(conn.server, 'https://127.0.0.1:7443');
  assert.equal(conn.namespace, 'default');
  assert.equal(conn.headers['Authorization'], undefined);
  const opts = (conn.agent as https.Agent).options;
  assert.equal(String(opts.cert), 'CERT');
  assert.equal(String(opts.key), 'KEY');
  assert.equal(opts.rejectUnauthorized, false);
});

test('plain http server (allowed, unlike client-node), basic auth and impersonation', async () => {
  const conn = keep(await loadClusterConnection({ kubeconfig: main, context: 'plain' }));
  assert.equal(conn.server, 'http://127.0.0.1:8080');
  assert.ok(!(conn.agent instanceof https.Agent) && conn.agent instanceof http.Agent);
  assert.equal(conn.headers['Authorization'], `Basic ${b64('admin:s3cret')}`);
  assert.equal(conn.headers['Impersonate-User'], 'jane');
});

test('exec credential plugins provide the token and can be refreshed', async () => {
  const conn = keep(await loadClusterConnection({ kubeconfig: main, context: 'exec' }));
  assert.equal(conn.headers['Authorization'], 'Bearer from-exec');
  assert.ok(conn.refreshHeaders);
  assert.equal((await conn.refreshHeaders(true))['Authorization'], 'Bearer from-exec');
});

test('overrides: --server, --token, --insecure-skip-tls-verify, --namespace', async () => {
  const conn = keep(
    await loadClusterConnection({ kubeconfig: main, server: 'https://other:443', token: 'override', insecureSkipTlsVerify: true, namespace: 'ns1' }),
  );
  assert.equal(conn.server, 'https://other:443');
  assert.equal(conn.headers['Authorization'], 'Bearer override');
  assert.equal(conn.namespace, 'ns1');
  assert.equal((conn.agent as https.Agent).options.rejectUnauthorized, false);
  assert.equal((conn.agent as https.Agent).options.ca, undefined, 'no CA when verification is skipped');
});

test('KUBECONFIG lists several files; for each name the first file wins', async () => {
  const second = write('second.yaml', {
    'current-context': 'other',
    clusters: [
      { name: 'dev-cluster', cluster: { server: 'https://shadowed:1' } },
      { name: 'other-cluster', cluster: { server: 'https://other-cluster:6443', 'insecure-skip-tls-verify': true } },
    ],
    users: [{ name: 'other-user', user: { token: 'other-token' } }],
    contexts: [{ name: 'other', context: { cluster: 'other-cluster', user: 'other-user', namespace: 'ns2' } }],
  });
  const env = { KUBECONFIG: [path.join(dir, 'missing.yaml'), main, second].join(path.delimiter) };
  const conn = keep(await loadClusterConnection({ env }));
  assert.equal(conn.server, 'https://dev.example:6443', 'current-context of the first file');
  const other = keep(await loadClusterConnection({ env, context: 'other' }));
  assert.equal(other.server, 'https://other-cluster:6443');
  assert.equal(other.headers['Authorization'], 'Bearer other-token');
  assert.equal(other.namespace, 'ns2');
});

test('~/.kube/config is used when nothing else is given', async () => {
  const home = path.join(dir, 'home');
  fs.mkdirSync(path.join(home, '.kube'), { recursive: true });
  fs.copyFileSync(main, path.join(home, '.kube', 'config'));
  const conn = keep(await loadClusterConnection({ env: {}, homeDir: home }));
  assert.equal(conn.contextName, 'dev');
});

test('errors name the problem', async () => {
  await assert.rejects(loadClusterConnection({ kubeconfig: main, context: 'nope' }), /context "nope" does not exist/);
  await assert.rejects(loadClusterConnection({ kubeconfig: path.join(dir, 'absent') }), /does not exist/);
  await assert.rejects(loadClusterConnection({ env: {}, homeDir: path.join(dir, 'empty-home') }), /no Kubernetes configuration found/);
  await assert.rejects(connectionFromKubeconfigString(stringify({ clusters: [], users: [], contexts: [] })), /no current context/);
  await assert.rejects(
    connectionFromKubeconfigString(stringify({ 'current-context': 'x', clusters: [{ name: 'c', cluster: { server: 'ftp://x' } }], users: [], contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }] })),
    /unsupported API server URL scheme/,
  );
});

test('explicit --server with no kubeconfig at all', async () => {
  const conn = keep(await loadClusterConnection({ env: {}, homeDir: path.join(dir, 'empty-home'), server: 'https://1.2.3.4:6443/', token: 't' }));
  assert.equal(conn.source, 'explicit');
  assert.equal(conn.server, 'https://1.2.3.4:6443');
  assert.equal(conn.headers['Authorization'], 'Bearer t');
});

test('in-cluster service account: token file (re-read), CA, namespace', async () => {
  const root = path.join(dir, 'pod');
  const sa = path.join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
  fs.mkdirSync(sa, { recursive: true });
  fs.writeFileSync(path.join(sa, 'token'), 'sa-token-1');
  fs.writeFileSync(path.join(sa, 'ca.crt'), CA);
  fs.writeFileSync(path.join(sa, 'namespace'), 'argo-rollouts\n');
  const env = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };
  const conn = keep(await loadClusterConnection({ env, homeDir: path.join(dir, 'empty-home'), inClusterRoot: root }));
  assert.equal(conn.source, 'in-cluster');
  assert.equal(conn.server, 'https://10.0.0.1:443');
  assert.equal(conn.namespace, 'argo-rollouts');
  assert.equal(conn.headers['Authorization'], 'Bearer sa-token-1');
  assert.equal(String((conn.agent as https.Agent).options.ca), CA);
  fs.writeFileSync(path.join(sa, 'token'), 'sa-token-2');
  assert.ok(conn.refreshHeaders);
  assert.equal((await conn.refreshHeaders(true))['Authorization'], 'Bearer sa-token-2', 'rotated token is picked up');
  assert.equal(process.env['KUBERNETES_SERVICE_HOST'], undefined, 'process.env is left as it was');
});
