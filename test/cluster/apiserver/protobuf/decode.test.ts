import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeProtobufObject, ProtobufDecodeError } from '../../../../src/cluster/apiserver/protobuf/index.ts';
import { decodeMessage, MAX_DEPTH } from '../../../../src/cluster/apiserver/protobuf/decode-message.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { envelope, pb } from './encode.ts';

const decode = (apiVersion: string, kind: string, ...fields: Buffer[]): JsonObject =>
  decodeProtobufObject(envelope(apiVersion, kind, Buffer.concat(fields))).object;

const rejects = (body: Buffer, message: RegExp): void => {
  assert.throws(() => decodeProtobufObject(body), (err: unknown) => err instanceof ProtobufDecodeError && message.test(err.message));
};

// Field numbers used below: Pod {1 metadata, 2 spec}; ObjectMeta {1 name, 3 namespace, 8 creationTimestamp,
// 11 labels}; PodSpec {2 containers, 4 terminationGracePeriodSeconds?, 6 dnsPolicy, 11 hostNetwork, 21 automount?};
// Container {1 name!, 2 image, 3 command, 6 ports, 10 livenessProbe, 14 imagePullPolicy, 16 stdin};
// ContainerPort {1 name, 2 hostPort, 3 containerPort!}; Probe {1 inline ProbeHandler {2 httpGet {1 path, 2 port}}}.

test('the envelope gives apiVersion and kind; the object keeps them first', () => {
  const obj = decode('v1', 'ConfigMap', pb.msg(1, pb.bytes(1, 'c')), pb.entry(2, 'a', pb.bytes(2, 'b')));
  assert.deepEqual(obj, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } });
  assert.deepEqual(Object.keys(obj).slice(0, 2), ['apiVersion', 'kind']);
  const full = decodeProtobufObject(envelope('v1', 'ConfigMap', Buffer.alloc(0)));
  assert.equal(full.apiVersion, 'v1');
  assert.equal(full.kind, 'ConfigMap');
});

test('Go value fields: zero scalars on the wire are dropped, non-omitempty ones kept', () => {
  const container = pb.msg(
    2,
    pb.bytes(1, 'app'),
    pb.bytes(2, 'nginx'),
    pb.bytes(14, ''), // imagePullPolicy "" (gogo writes it): Go's JSON omits it
    pb.varint(16, false), // stdin false: omitted
    pb.msg(6, pb.bytes(1, ''), pb.varint(2, 0), pb.varint(3, 0)), // containerPort has no omitempty: kept as 0
  );
  const pod = decode('v1', 'Pod', pb.msg(1, pb.bytes(1, 'p'), pb.bytes(3, ''), pb.msg(8)), pb.msg(2, container, pb.bytes(6, ''), pb.varint(11, false)));
  assert.deepEqual(pod.metadata, { name: 'p', creationTimestamp: null });
  assert.deepEqual(pod.spec, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 0 }] }] });
});

test('Go pointer fields keep zero values that are on the wire, and stay absent otherwise', () => {
  const spec = decode('v1', 'Pod', pb.msg(2, pb.varint(4, 0), pb.varint(21, false))).spec;
  assert.deepEqual(spec, { terminationGracePeriodSeconds: 0, automountServiceAccountToken: false });
  assert.deepEqual(decode('v1', 'Pod', pb.msg(2)).spec, {});
  // Deployment replicas 0 (a pointer) must survive: scale-to-zero.
  assert.deepEqual(decode('apps/v1', 'Deployment', pb.msg(2, pb.varint(1, 0))).spec, { replicas: 0 });
});

test('empty messages decode to {}', () => {
  const d = decode('apps/v1', 'Deployment', pb.msg(2, pb.msg(4)), pb.msg(3));
  assert.deepEqual(d, { apiVersion: 'apps/v1', kind: 'Deployment', spec: { strategy: {} }, status: {} });
});

test('negative int32 and int64 arrive as 10-byte varints', () => {
  const lease = decode('coordination.k8s.io/v1', 'Lease', pb.msg(2, pb.varint(2, -5), pb.varint(5, -2147483648)));
  assert.deepEqual(lease.spec, { leaseDurationSeconds: -5, leaseTransitions: -2147483648 });
  const del = decode('v1', 'DeleteOptions', pb.varint(1, -1n));
  assert.deepEqual(del, { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: -1 });
});

test('repeated scalars, packed or not, and repeated messages append in order', () => {
  // batch.v1 PodFailurePolicyOnExitCodesRequirement {2 operator!, 3 values []int32}
  const req = (values: Buffer): Buffer => pb.msg(2, pb.bytes(2, 'In'), values);
  const job = (values: Buffer): JsonObject => {
    const spec = decode('batch/v1', 'Job', pb.msg(2, pb.msg(11, pb.msg(1, pb.bytes(1, 'FailJob'), req(values))))).spec as JsonObject;
    return spec;
  };
  const expected = { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2, 300] } }] } };
  assert.deepEqual(job(Buffer.concat([pb.varint(3, 1), pb.varint(3, 2), pb.varint(3, 300)])), expected);
  assert.deepEqual(job(pb.bytes(3, Buffer.from([1, 2, 0xac, 0x02]))), expected);
  const cm = decode('v1', 'Pod', pb.msg(2, pb.msg(2, pb.bytes(1, 'a'), pb.bytes(3, 'sh'), pb.bytes(3, '-c'), pb.bytes(3, '')), pb.msg(2, pb.bytes(1, 'b'))));
  assert.deepEqual(cm.spec, { containers: [{ name: 'a', command: ['sh', '-c', ''] }, { name: 'b' }] });
});

test('maps: string, bytes (base64) and Quantity values; missing keys and values take their defaults', () => {
  const secret = decode('v1', 'Secret', pb.entry(2, 'bin', pb.bytes(2, Buffer.from([0xff, 0x00]))), pb.msg(2, pb.bytes(1, 'empty')), pb.entry(4, 'plain', pb.bytes(2, 'text')));
  assert.deepEqual(secret, { apiVersion: 'v1', kind: 'Secret', data: { bin: '/wA=', empty: '' }, stringData: { plain: 'text' } });
  const resources = pb.msg(8, pb.entry(1, 'cpu', pb.msg(2, pb.bytes(1, '500m'))), pb.entry(2, 'memory', pb.msg(2)));
  const pod = decode('v1', 'Pod', pb.msg(2, pb.msg(2, pb.bytes(1, 'a'), resources)));
  assert.deepEqual(pod.spec, { containers: [{ name: 'a', resources: { limits: { cpu: '500m' }, requests: { memory: '0' } } }] });
});

test('map keys from the wire become own properties, "__proto__" included', () => {
  const cm = decode('v1', 'ConfigMap', pb.entry(2, '__proto__', pb.bytes(2, 'x')), pb.entry(2, 'constructor', pb.bytes(2, 'y')));
  const data = cm.data as JsonObject;
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.deepEqual(Object.keys(data), ['__proto__', 'constructor']);
  assert.deepEqual(JSON.parse(JSON.stringify(cm)).data, JSON.parse('{"__proto__":"x","constructor":"y"}'));
});

test('embedded structs are inlined the way Go JSON inlines them', () => {
  const probe = pb.msg(10, pb.msg(1, pb.msg(2, pb.bytes(1, '/healthz'), pb.msg(2, pb.varint(1, 1), pb.bytes(3, 'http')))), pb.varint(4, 10));
  const volume = pb.msg(1, pb.bytes(1, 'cfg'), pb.msg(2, pb.msg(19, pb.msg(1, pb.bytes(1, 'my-config')), pb.varint(3, 0o644))));
  const pod = decode('v1', 'Pod', pb.msg(2, volume, pb.msg(2, pb.bytes(1, 'a'), probe)));
  assert.deepEqual(pod.spec, {
    volumes: [{ name: 'cfg', configMap: { name: 'my-config', defaultMode: 420 } }],
    containers: [{ name: 'a', livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 } }],
  });
});

test('a repeated singular message merges, as protobuf merges it', () => {
  const pod = decode('v1', 'Pod', pb.msg(1, pb.bytes(1, 'a')), pb.msg(1, pb.bytes(3, 'ns')), pb.msg(1, pb.bytes(1, 'b')));
  assert.deepEqual(pod.metadata, { name: 'b', namespace: 'ns' });
});

test('unknown field numbers of every wire type are skipped', () => {
  const cm = decode('v1', 'ConfigMap', pb.varint(99, 7), pb.double(98, 1.5), pb.fixed32(97, 3), pb.group(96, pb.bytes(1, 'g')), pb.msg(1, pb.bytes(1, 'c'), pb.bytes(500, 'future field')));
  assert.deepEqual(cm, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
});

test('envelope errors are readable', () => {
  rejects(Buffer.from('{"kind":"Pod"}'), /does not start with "k8s\\x00"/);
  rejects(Buffer.from('k8s\0', 'latin1'), /names no kind/);
  rejects(envelope('', 'Pod', Buffer.alloc(0)), /names no apiVersion/);
  rejects(envelope('rbac.authorization.k8s.io/v1', 'Role', Buffer.alloc(0)), /no protobuf decoding for rbac.authorization.k8s.io\/v1, Kind=Role/);
  rejects(envelope('v1', 'Pod', Buffer.alloc(0), [pb.bytes(3, 'gzip')]), /content encoding "gzip"/);
  rejects(envelope('v1', 'Pod', Buffer.from('{}'), [pb.bytes(4, 'text/plain')]), /content type "text\/plain"/);
  rejects(envelope('v1', 'Pod', pb.varint(1, 1)), /ObjectMeta|metadata.*wire type 0/);
  rejects(envelope('v1', 'Pod', pb.msg(1, pb.varint(1, 5))), /meta.v1.ObjectMeta.name \(string\): wire type 0/);
});

test('JSON inside the envelope (contentType application/json) is accepted', () => {
  const body = envelope('v1', 'ConfigMap', Buffer.from('{"metadata":{"name":"j"},"data":{"k":"v"}}'), [pb.bytes(4, 'application/json')]);
  assert.deepEqual(decodeProtobufObject(body).object, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { k: 'v' } });
});

test('nesting is bounded', () => {
  assert.throws(() => decodeMessage(Buffer.alloc(0), 'core.v1.Pod', MAX_DEPTH + 1, () => ({})), (err: unknown) => err instanceof ProtobufDecodeError && /nested more than/.test(err.message));
  // Deep junk under an unknown field number is skipped, not recursed into.
  let deep = pb.bytes(1, 'x');
  for (let i = 0; i < 200; i++) deep = pb.msg(1, deep);
  assert.deepEqual(decode('v1', 'ConfigMap', pb.bytes(42, deep)), { apiVersion: 'v1', kind: 'ConfigMap' });
});
