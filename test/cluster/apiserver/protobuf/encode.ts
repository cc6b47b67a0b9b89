/** A minimal protobuf writer for building test bodies by hand (the decoder's mirror image). */

export function varint(value: bigint | number): Buffer {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

const key = (field: number, wire: number): Buffer => varint((BigInt(field) << 3n) | BigInt(wire));

/** Field builders: each returns the encoded field, tag included. */
export const pb = {
  varint: (field: number, value: bigint | number | boolean): Buffer =>
    Buffer.concat([key(field, 0), varint(typeof value === 'boolean' ? (value ? 1 : 0) : value)]),
  bytes: (field: number, value: Uint8Array | string): Buffer => {
    const b = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    return Buffer.concat([key(field, 2), varint(b.length), b]);
  },
  msg: (field: number, ...parts: Buffer[]): Buffer => pb.bytes(field, Buffer.concat(parts)),
  double: (field: number, value: number): Buffer => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    return Buffer.concat([key(field, 1), b]);
  },
  fixed32: (field: number, value: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    return Buffer.concat([key(field, 5), b]);
  },
  group: (field: number, ...parts: Buffer[]): Buffer => Buffer.concat([key(field, 3), ...parts, key(field, 4)]),
  /** A map entry {1 key, 2 value} as field `field` of its message. */
  entry: (field: number, k: string, value: Buffer): Buffer => pb.msg(field, pb.bytes(1, k), value),
};

/** The k8s\0 envelope around an object's own encoding. */
export function envelope(apiVersion: string, kind: string, raw: Buffer, extra: Buffer[] = []): Buffer {
  const unknown = Buffer.concat([pb.msg(1, pb.bytes(1, apiVersion), pb.bytes(2, kind)), pb.bytes(2, raw), ...extra]);
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), unknown]);
}
