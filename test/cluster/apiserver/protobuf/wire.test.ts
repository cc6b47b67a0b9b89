import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtobufDecodeError } from '../../../../src/cluster/apiserver/protobuf/index.ts';
import { WireReader, WireType } from '../../../../src/cluster/apiserver/protobuf/wire.ts';
import { pb, varint } from './encode.ts';

test('varints: one byte, multi byte, full 64 bits', () => {
  for (const n of [0n, 1n, 127n, 128n, 300n, 2n ** 32n, 2n ** 63n, 2n ** 64n - 1n]) {
    assert.equal(new WireReader(varint(n)).varint(), n);
  }
  // A negative int32 travels sign-extended as a 10-byte varint.
  const minusOne = varint(-1);
  assert.equal(minusOne.length, 10);
  assert.equal(new WireReader(minusOne).varint(), 2n ** 64n - 1n);
});

test('tags carry the field number and wire type', () => {
  const r = new WireReader(Buffer.concat([pb.varint(3, 1), pb.bytes(2000, 'x')]));
  assert.deepEqual(r.tag(), { field: 3, wire: WireType.varint });
  assert.equal(r.varint(), 1n);
  assert.deepEqual(r.tag(), { field: 2000, wire: WireType.bytes });
  assert.deepEqual([...r.bytes()], [0x78]);
  assert.equal(r.done, true);
});

test('skip passes over every wire type, groups included', () => {
  const buf = Buffer.concat([
    pb.varint(1, 5),
    pb.double(2, 1.5),
    pb.bytes(3, 'abc'),
    pb.fixed32(4, 7),
    pb.group(5, pb.varint(1, 1), pb.group(2, pb.bytes(3, 'x'))),
    pb.varint(9, 42),
  ]);
  const r = new WireReader(buf);
  for (let i = 0; i < 5; i++) r.skip(r.tag());
  assert.deepEqual(r.tag(), { field: 9, wire: WireType.varint });
  assert.equal(r.varint(), 42n);
});

test('malformed input is a ProtobufDecodeError with a readable message', () => {
  const cases: Array<[Buffer, (r: WireReader) => unknown, RegExp]> = [
    [Buffer.from([0x80]), (r) => r.varint(), /end of data inside a varint/],
    [Buffer.alloc(11, 0xff), (r) => r.varint(), /longer than 10 bytes/],
    [Buffer.from([0x00]), (r) => r.tag(), /illegal field number 0/],
    [Buffer.from([0x0e]), (r) => r.tag(), /illegal wire type 6/],
    [Buffer.from([0x05, 0x61]), (r) => r.bytes(), /length 5 runs past the end/],
    [Buffer.from([0x01, 0x02]), (r) => r.fixed64(), /end of data inside a 64-bit value/],
    [Buffer.from([0x0c]), (r) => r.skip(r.tag()), /unexpected end of group/],
    [Buffer.from([0x0b, 0x08, 0x01]), (r) => r.skip(r.tag()), /unterminated group/],
    [Buffer.from([0x0b, 0x14]), (r) => r.skip(r.tag()), /group for field 1 ended by field 2/],
  ];
  for (const [buf, read, message] of cases) {
    assert.throws(() => read(new WireReader(buf)), (err: unknown) => err instanceof ProtobufDecodeError && message.test(err.message));
  }
});

test('deeply nested groups are refused rather than recursed into without bound', () => {
  const open = Buffer.alloc(100, 0x0b); // field 1, start group, 100 times
  const r = new WireReader(open);
  assert.throws(() => r.skip(r.tag()), /nested too deeply/);
});
