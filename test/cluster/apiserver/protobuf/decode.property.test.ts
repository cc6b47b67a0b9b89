import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeProtobufObject, ProtobufDecodeError } from '../../../../src/cluster/apiserver/protobuf/index.ts';
import { envelope, pb } from './encode.ts';

const KINDS: Array<[string, string]> = [
  ['v1', 'Pod'], ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'Service'], ['v1', 'Node'], ['v1', 'Event'], ['v1', 'Endpoints'],
  ['v1', 'PersistentVolumeClaim'], ['apps/v1', 'Deployment'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'], ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'], ['policy/v1', 'Eviction'], ['policy/v1', 'PodDisruptionBudget'], ['networking.k8s.io/v1', 'Ingress'],
  ['coordination.k8s.io/v1', 'Lease'], ['autoscaling/v1', 'Scale'], ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['discovery.k8s.io/v1', 'EndpointSlice'], ['v1', 'DeleteOptions'],
];

/** Decodes, or fails with a ProtobufDecodeError only; what decodes is plain JSON. */
function decodesOrRejectsCleanly(body: Uint8Array): void {
  let object: unknown;
  try {
    object = decodeProtobufObject(body).object;
  } catch (err) {
    if (err instanceof ProtobufDecodeError) return;
    throw err;
  }
  assert.deepEqual(JSON.parse(JSON.stringify(object)), object);
}

/** Well-formed fields with random numbers and payloads: varints, fixed widths, bytes and nested messages. */
const fieldNumber = fc.oneof(fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 2 ** 29 - 1 }));
const fieldsArb = fc.letrec<{ fields: Buffer; field: Buffer }>((tie) => ({
  field: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fieldNumber, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n })).map(([n, v]) => pb.varint(n, v)),
    fc.tuple(fieldNumber, fc.uint8Array({ maxLength: 24 })).map(([n, b]) => pb.bytes(n, b)),
    fc.tuple(fieldNumber, fc.string({ maxLength: 12 })).map(([n, s]) => pb.bytes(n, s)),
    fc.tuple(fieldNumber, fc.double()).map(([n, d]) => pb.double(n, d)),
    fc.tuple(fieldNumber, fc.nat({ max: 2 ** 32 - 1 })).map(([n, v]) => pb.fixed32(n, v)),
    fc.tuple(fieldNumber, tie('fields')).map(([n, inner]) => pb.msg(n, inner as Buffer)),
  ),
  fields: fc.array(tie('field'), { maxLength: 6 }).map((parts) => Buffer.concat(parts as Buffer[])),
}));

test('property: arbitrary bytes never throw anything but ProtobufDecodeError', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => decodesOrRejectsCleanly(bytes)), { numRuns: 2000 });
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => decodesOrRejectsCleanly(Buffer.concat([Buffer.from('k8s\0', 'latin1'), bytes]))),
    { numRuns: 2000 },
  );
});

test('property: random well-formed fields under every served kind decode or fail cleanly', () => {
  fc.assert(
    fc.property(fc.constantFrom(...KINDS), fieldsArb.fields, ([apiVersion, kind], raw) => decodesOrRejectsCleanly(envelope(apiVersion, kind, raw))),
    { numRuns: 1500 },
  );
});

test('property: corrupting a real Deployment body (flips, truncation, splices) fails cleanly', () => {
  // kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80, as kubectl 1.32 sends it.
  const real = Buffer.from(
    [
      '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412bd010a1f0a0377656212001a0022002a00320038',
      '0042005a0a0a036170701203776562128b010802120c0a0a0a0361707012037765621a710a1c0a0012001a0022002a00',
      '3200380042005a0a0a036170701203776562125112330a056e67696e78120a6e67696e783a312e32352a00320a0a0010',
      '00185022002a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a',
      '0100c2010022020a00280038001a0c0800100018002000280038001a002200',
    ].join(''),
    'hex',
  );
  assert.equal(decodeProtobufObject(real).object.kind, 'Deployment');
  const mutated = fc.oneof(
    fc.tuple(fc.nat({ max: real.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, b]) => {
      const copy = Buffer.from(real);
      copy[at] = b;
      return copy;
    }),
    fc.nat({ max: real.length }).map((n) => real.subarray(0, n)),
    fc.tuple(fc.nat({ max: real.length }), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, b]) => Buffer.concat([real.subarray(0, at), b, real.subarray(at)])),
  );
  fc.assert(fc.property(mutated, (body) => decodesOrRejectsCleanly(body)), { numRuns: 3000 });
});
