import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as https from 'node:https';
import { startTestCluster, type TestCluster } from '../../../helpers/local-cluster.ts';
import { envelope, pb } from './encode.ts';

/** kubectl's JSON output, read loosely in assertions. */
type Json = Record<string, any>;

/** kubectl 1.32's typed clients (create, run, expose, drain) send protobuf; the local cluster must take it. */
describe('kubectl create/run/drain against the local cluster (protobuf request bodies)', () => {
  let c: TestCluster;
  before(async () => {
    c = await startTestCluster();
  });
  after(async () => {
    await c.stop();
  });

  const get = async (...args: string[]): Promise<Json> => JSON.parse(await c.kubectlOk(['get', ...args, '-o', 'json'])) as Json;

  function post(path: string, contentType: string, body: Buffer): Promise<{ status: number; body: Json }> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${c.url}${path}`,
        { method: 'POST', ca: c.caCert, headers: { authorization: `Bearer ${c.token}`, 'content-type': contentType, accept: 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  test('create deployment: replicas, selector, labels, container image and port; server defaults apply', async () => {
    assert.match(await c.kubectlOk(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2', '--port=80']), /deployment.apps\/web created/);
    const d = await get('deployment', 'web');
    assert.equal(d.metadata.labels.app, 'web');
    assert.equal(d.spec.replicas, 2);
    assert.deepEqual(d.spec.selector, { matchLabels: { app: 'web' } });
    assert.equal(d.spec.template.metadata.labels.app, 'web');
    const [container] = d.spec.template.spec.containers;
    assert.equal(container.name, 'nginx');
    assert.equal(container.image, 'nginx:1.25');
    assert.equal(container.ports[0].containerPort, 80);
    // The zero-valued strings gogo writes ("" imagePullPolicy, dnsPolicy, ...) must not block defaulting.
    assert.equal(container.imagePullPolicy, 'IfNotPresent');
    assert.equal(d.spec.template.spec.dnsPolicy, 'ClusterFirst');
    assert.equal(d.spec.strategy.type, 'RollingUpdate');
  });

  test('create deployment --replicas=0 keeps the zero (a pointer field)', async () => {
    await c.kubectlOk(['create', 'deployment', 'idle', '--image=nginx', '--replicas=0']);
    assert.equal((await get('deployment', 'idle')).spec.replicas, 0);
  });

  test('create configmap and secret: data, and bytes as base64', async () => {
    await c.kubectlOk(['create', 'configmap', 'c', '--from-literal=a=b']);
    assert.deepEqual((await get('configmap', 'c')).data, { a: 'b' });
    await c.kubectlOk(['create', 'secret', 'generic', 's', '--from-literal=p=q']);
    const s = await get('secret', 's');
    assert.deepEqual(s.data, { p: Buffer.from('q').toString('base64') });
    assert.equal(s.type, 'Opaque');
  });

  test('create namespace and serviceaccount', async () => {
    await c.kubectlOk(['create', 'namespace', 'n']);
    assert.equal((await get('namespace', 'n')).metadata.name, 'n');
    await c.kubectlOk(['create', 'serviceaccount', 'sa']);
    assert.equal((await get('serviceaccount', 'sa')).metadata.name, 'sa');
  });

  test('create service: ports with numeric and named targetPort (IntOrString)', async () => {
    await c.kubectlOk(['create', 'service', 'clusterip', 'svc', '--tcp=80:8080', '--tcp=443:https']);
    const svc = await get('service', 'svc');
    assert.deepEqual(svc.spec.selector, { app: 'svc' });
    assert.deepEqual(
      svc.spec.ports.map((p: Json) => [p.name, p.port, p.targetPort, p.protocol]),
      [['80-8080', 80, 8080, 'TCP'], ['443-https', 443, 'https', 'TCP']],
    );
    assert.match(svc.spec.clusterIP, /^\d+\.\d+\.\d+\.\d+$/);
  });

  test('create job: command after --, restartPolicy Never', async () => {
    await c.kubectlOk(['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi']);
    const spec = (await get('job', 'j')).spec.template.spec;
    assert.deepEqual(spec.containers[0].command, ['echo', 'hi']);
    assert.equal(spec.containers[0].image, 'busybox');
    assert.equal(spec.restartPolicy, 'Never');
  });

  test('create pdb: minAvailable as a number, maxUnavailable as a percentage', async () => {
    await c.kubectlOk(['create', 'pdb', 'p', '--selector=app=web', '--min-available=1']);
    const p = await get('pdb', 'p');
    assert.equal(p.spec.minAvailable, 1);
    assert.deepEqual(p.spec.selector, { matchLabels: { app: 'web' } });
    await c.kubectlOk(['create', 'pdb', 'p2', '--selector=app=web', '--max-unavailable=50%']);
    assert.equal((await get('pdb', 'p2')).spec.maxUnavailable, '50%');
  });

  test('create ingress: host, path, backend service and port', async () => {
    await c.kubectlOk(['create', 'ingress', 'i', '--rule=foo.com/bar=svc:80']);
    const [rule] = (await get('ingress', 'i')).spec.rules;
    assert.equal(rule.host, 'foo.com');
    assert.deepEqual(rule.http.paths, [{ path: '/bar', pathType: 'Exact', backend: { service: { name: 'svc', port: { number: 80 } } } }]);
  });

  test('run: labels, env and container port', async () => {
    await c.kubectlOk(['run', 'pod1', '--image=nginx', '--labels=app=x', '--env=A=1', '--port=80']);
    const pod = await get('pod', 'pod1');
    assert.deepEqual(pod.metadata.labels, { app: 'x' });
    const [container] = pod.spec.containers;
    assert.equal(container.image, 'nginx');
    assert.deepEqual(container.env, [{ name: 'A', value: '1' }]);
    assert.equal(container.ports[0].containerPort, 80);
  });

  test('drain evicts through policy/v1 Eviction', async () => {
    await c.kubectlOk(['apply', '-f', '-'], 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n');
    await c.kubectlOk(['run', 'on-n1', '--image=nginx', '--overrides={"spec":{"nodeName":"n1"}}']);
    const out = await c.kubectlOk(['drain', 'n1', '--force', '--grace-period=0', '--timeout=30s']);
    assert.match(out, /pod\/on-n1 evicted/);
    assert.notEqual((await c.kubectl(['get', 'pod', 'on-n1'])).code, 0);
  });

  test('a hand-built protobuf Secret with stringData lands in data', async () => {
    // Secret {1 metadata {1 name}, 4 stringData map}
    const raw = Buffer.concat([pb.msg(1, pb.bytes(1, 'from-pb')), pb.entry(4, 'token', pb.bytes(2, 'abc'))]);
    const res = await post('/api/v1/namespaces/default/secrets', 'application/vnd.kubernetes.protobuf', envelope('v1', 'Secret', raw));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const s = await get('secret', 'from-pb');
    assert.equal(s.data.token, Buffer.from('abc').toString('base64'));
    assert.equal(s.stringData, undefined);
  });

  test('undecodable protobuf is a 400 with the reason; other media types stay 415', async () => {
    const garbage = await post('/api/v1/namespaces/default/configmaps', 'application/vnd.kubernetes.protobuf', Buffer.from('k8s\0\x0a\x7f', 'latin1'));
    assert.equal(garbage.status, 400);
    assert.equal(garbage.body.reason, 'BadRequest');
    assert.match(garbage.body.message, /error decoding the protobuf request body: .*runs past the end/);
    const unknownKind = await post('/api/v1/namespaces/default/configmaps', 'application/vnd.kubernetes.protobuf', envelope('example.com/v1', 'Widget', Buffer.alloc(0)));
    assert.equal(unknownKind.status, 400);
    assert.match(unknownKind.body.message, /example.com\/v1, Kind=Widget/);
    const text = await post('/api/v1/namespaces/default/configmaps', 'text/plain', Buffer.from('hi'));
    assert.equal(text.status, 415);
  });
});
