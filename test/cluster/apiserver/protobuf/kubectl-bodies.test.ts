import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { writeKubeconfig } from '../../../../src/cluster/apiserver/kubeconfig.ts';
import { decodeProtobufObject, ProtobufDecodeError } from '../../../../src/cluster/apiserver/protobuf/index.ts';
import { loadOrCreateTls } from '../../../../src/cluster/apiserver/tls.ts';

interface Captured {
  method: string;
  url: string;
  contentType: string;
  body: Buffer;
}

/**
 * The real kubectl (1.32) against a stub that records request bodies and answers 201: the protobuf
 * kubectl sends must decode to exactly the JSON kubectl itself prints for --dry-run=client -o json.
 */
describe('protobuf bodies sent by the real kubectl', () => {
  let dir = '';
  let server: https.Server;
  let captured: Captured[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-pb-'));
    const tls = await loadOrCreateTls();
    fs.writeFileSync(path.join(dir, 'tls.crt'), tls.cert);
    fs.writeFileSync(path.join(dir, 'tls.key'), tls.key);
    fs.writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0xff, 0x00, 0xfe, 0x80]));
    server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method !== 'GET') captured.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
        const status = req.method === 'GET' ? 404 : 201;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 404 ? '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}' : '{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    writeKubeconfig(path.join(dir, 'kubeconfig'), { server: `https://127.0.0.1:${port}`, caCert: tls.caCert, token: 'stub' });
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const kubectl = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const base = ['--kubeconfig', path.join(dir, 'kubeconfig'), '--cache-dir', path.join(dir, 'cache')];
      execFile('kubectl', [...base, ...args], { timeout: 60_000, cwd: dir }, (err, stdout, stderr) => {
        resolve({ code: err ? 1 : 0, stdout, stderr });
      });
    });

  /** The one protobuf body kubectl POSTs for `args`. */
  async function sent(args: string[]): Promise<Buffer> {
    captured = [];
    const r = await kubectl(args);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(captured.length, 1, `requests: ${captured.map((c) => `${c.method} ${c.url}`).join(', ')}`);
    assert.equal(captured[0]!.method, 'POST');
    assert.equal(captured[0]!.contentType, 'application/vnd.kubernetes.protobuf');
    return captured[0]!.body;
  }

  /** What kubectl would send as JSON: its client-side dry run (flags go before a `--`). */
  async function asJson(args: string[]): Promise<unknown> {
    const dash = args.indexOf('--');
    const withFlags = dash < 0 ? [...args, '--dry-run=client', '-o', 'json'] : [...args.slice(0, dash), '--dry-run=client', '-o', 'json', ...args.slice(dash)];
    const r = await kubectl(withFlags);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as unknown;
  }

  const commands: string[][] = [
    ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2', '--port=80'],
    ['create', 'deployment', 'multi', '--image=nginx', '--image=redis:7', '--replicas=0'],
    ['create', 'configmap', 'c', '--from-literal=a=b', '--from-literal=empty='],
    ['create', 'configmap', 'bin', '--from-file=blob=blob.bin'],
    ['create', 'secret', 'generic', 's', '--from-literal=p=q', '--type=Opaque'],
    ['create', 'secret', 'tls', 't', '--cert=tls.crt', '--key=tls.key'],
    ['create', 'secret', 'docker-registry', 'd', '--docker-username=u', '--docker-password=p', '--docker-server=r.example.com'],
    ['create', 'namespace', 'n'],
    ['create', 'serviceaccount', 'sa'],
    ['create', 'service', 'clusterip', 'svc', '--tcp=80:8080', '--tcp=443:https'],
    ['create', 'service', 'clusterip', 'headless', '--clusterip=None'],
    ['create', 'service', 'nodeport', 'np', '--tcp=5678:8080', '--node-port=30080'],
    ['create', 'service', 'loadbalancer', 'lb', '--tcp=80:8080'],
    ['create', 'service', 'externalname', 'ex', '--external-name=foo.example.com'],
    ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'],
    ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *', '--restart=OnFailure', '--', 'date'],
    ['create', 'poddisruptionbudget', 'p', '--selector=app=web', '--min-available=1'],
    ['create', 'poddisruptionbudget', 'p2', '--selector=app=web', '--max-unavailable=50%'],
    ['create', 'ingress', 'i', '--rule=foo.com/bar=svc:80'],
    ['create', 'ingress', 'tls', '--class=nginx', '--rule=foo.com/api*=api:http,tls=cert', '--annotation=a=b', '--default-backend=def:8080'],
  ];

  for (const args of commands) {
    test(`kubectl ${args.join(' ')}`, async () => {
      const body = await sent(args);
      const decoded = decodeProtobufObject(body);
      assert.deepEqual(decoded.object, await asJson(args));
    });
  }

  test('a kind without a protobuf table is a readable decode error', async () => {
    const body = await sent(['create', 'priorityclass', 'high', '--value=1000']);
    assert.throws(
      () => decodeProtobufObject(body),
      (err: unknown) => err instanceof ProtobufDecodeError && /scheduling.k8s.io\/v1, Kind=PriorityClass/.test(err.message),
    );
  });
});
