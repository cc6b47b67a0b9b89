import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeProtobufObject, ProtobufDecodeError } from '../../../../src/cluster/apiserver/protobuf/index.ts';
import { WELL_KNOWN } from '../../../../src/cluster/apiserver/protobuf/well-known.ts';
import type { JsonObject, JsonValue } from '../../../../src/util/json.ts';
import { envelope, pb } from './encode.ts';

const T_2024 = Date.UTC(2024, 0, 2, 3, 4, 5) / 1000; // 2024-01-02T03:04:05Z
const time = (field: number, seconds: number | bigint, nanos?: number): Buffer =>
  pb.msg(field, pb.varint(1, seconds), ...(nanos === undefined ? [] : [pb.varint(2, nanos)]));

// Event {1 metadata, 6 firstTimestamp Time, 10 eventTime MicroTime}
const event = (...fields: Buffer[]): JsonObject => decodeProtobufObject(envelope('v1', 'Event', Buffer.concat(fields))).object;

const wellKnown = (type: string, bytes: Buffer, embedded: (raw: Uint8Array) => JsonObject = () => ({})): JsonValue =>
  WELL_KNOWN.get(type)!(bytes, { depth: 0, embedded: (raw) => embedded(raw) });

const fails = (fn: () => unknown, message: RegExp): void => {
  assert.throws(fn, (err: unknown) => err instanceof ProtobufDecodeError && message.test(err.message));
};

test('meta.v1.Time is RFC 3339 in UTC with whole seconds; the zero time is null', () => {
  assert.equal(event(time(6, T_2024, 999_999_999)).firstTimestamp, '2024-01-02T03:04:05Z');
  assert.equal(event(time(6, 0)).firstTimestamp, '1970-01-01T00:00:00Z');
  assert.equal(event(time(6, -1)).firstTimestamp, '1969-12-31T23:59:59Z');
  assert.equal(event(pb.msg(6)).firstTimestamp, null); // gogo's encoding of a zero time.Time
  assert.equal(event(time(6, -62135596800)).firstTimestamp, null); // 0001-01-01T00:00:00Z is Go's zero
  assert.equal(event(time(6, T_2024 - 1, 1_500_000_000)).firstTimestamp, '2024-01-02T03:04:05Z'); // nanos carry into seconds
  fails(() => event(time(6, 253402300800)), /outside the years 0 to 9999/);
  fails(() => event(time(6, -(2n ** 62n))), /outside the years 0 to 9999/);
});

test('meta.v1.MicroTime keeps microseconds', () => {
  assert.equal(event(time(10, T_2024, 123_456_789)).eventTime, '2024-01-02T03:04:05.123456Z');
  assert.equal(event(time(10, T_2024)).eventTime, '2024-01-02T03:04:05.000000Z');
  assert.equal(event(pb.msg(10)).eventTime, null);
});

test('intstr.IntOrString is a number or a string', () => {
  assert.equal(wellKnown('intstr.IntOrString', Buffer.concat([pb.varint(1, 0), pb.varint(2, 8080)])), 8080);
  assert.equal(wellKnown('intstr.IntOrString', Buffer.concat([pb.varint(1, 1), pb.bytes(3, 'http')])), 'http');
  assert.equal(wellKnown('intstr.IntOrString', Buffer.concat([pb.varint(1, 1), pb.bytes(3, '25%')])), '25%');
  assert.equal(wellKnown('intstr.IntOrString', Buffer.alloc(0)), 0);
  assert.equal(wellKnown('intstr.IntOrString', pb.varint(2, -1)), -1);
  fails(() => wellKnown('intstr.IntOrString', pb.varint(1, 2)), /unknown type 2/);
});

test('resource.Quantity is its string', () => {
  assert.equal(wellKnown('resource.Quantity', pb.bytes(1, '1.5Gi')), '1.5Gi');
  assert.equal(wellKnown('resource.Quantity', Buffer.alloc(0)), '0');
});

test('meta.v1.FieldsV1 is the parsed JSON of its raw bytes', () => {
  const raw = '{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}';
  const obj = event(pb.msg(1, pb.bytes(1, 'e'), pb.msg(17, pb.bytes(1, 'kubectl'), pb.bytes(2, 'Update'), time(4, T_2024), pb.bytes(6, 'FieldsV1'), pb.msg(7, pb.bytes(1, raw)))));
  assert.deepEqual((obj.metadata as JsonObject).managedFields, [
    { manager: 'kubectl', operation: 'Update', time: '2024-01-02T03:04:05Z', fieldsType: 'FieldsV1', fieldsV1: JSON.parse(raw) as JsonValue },
  ]);
  assert.equal(wellKnown('meta.v1.FieldsV1', Buffer.alloc(0)), null);
  fails(() => wellKnown('meta.v1.FieldsV1', pb.bytes(1, '{not json')), /FieldsV1: the embedded JSON is invalid/);
});

test('runtime.RawExtension holds JSON or a nested k8s\\0 protobuf object', () => {
  assert.deepEqual(wellKnown('runtime.RawExtension', pb.bytes(1, '{"a":[1,true]}')), { a: [1, true] });
  assert.equal(wellKnown('runtime.RawExtension', Buffer.alloc(0)), null);
  const nested = envelope('v1', 'ConfigMap', pb.msg(1, pb.bytes(1, 'inner')));
  const out = wellKnown('runtime.RawExtension', pb.bytes(1, nested), (raw) => decodeProtobufObject(raw).object);
  assert.deepEqual(out, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'inner' } });
  fails(() => wellKnown('runtime.RawExtension', pb.bytes(1, '\u0000')), /RawExtension: the embedded JSON is invalid/);
});

test('a well-known message with a wrong wire type is a decode error', () => {
  fails(() => wellKnown('resource.Quantity', pb.varint(1, 5)), /resource.Quantity \(string\): wire type 0/);
  fails(() => wellKnown('meta.v1.Time', pb.bytes(1, 'x')), /meta.v1.Time \(int64\): wire type 2/);
});
