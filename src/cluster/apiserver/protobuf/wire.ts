/**
 * The protobuf wire format, read without a schema: tags, varints, fixed-width numbers and
 * length-delimited bytes. Every malformed input ends in a ProtobufDecodeError.
 */
import { ProtobufDecodeError } from './errors.ts';

export const WireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

export interface Tag {
  field: number;
  wire: WireType;
}

/** Groups are long deprecated and never sent by Kubernetes; skipping them is still bounded. */
const MAX_GROUP_DEPTH = 64;

export class WireReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** An unsigned varint of up to 64 bits (10 bytes). */
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n, i = 0; i < 10; i++, shift += 7n) {
      if (this.pos >= this.buf.length) throw new ProtobufDecodeError('unexpected end of data inside a varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, result);
    }
    throw new ProtobufDecodeError('varint is longer than 10 bytes');
  }

  tag(): Tag {
    const key = this.varint();
    const field = key >> 3n;
    const wire = Number(key & 7n);
    if (field === 0n || field > 0x1fffffffn) throw new ProtobufDecodeError(`illegal field number ${field}`);
    if (wire > 5) throw new ProtobufDecodeError(`illegal wire type ${wire} for field ${field}`);
    return { field: Number(field), wire: wire as WireType };
  }

  /** The payload of a length-delimited field (a view, not a copy). */
  bytes(): Uint8Array {
    const len = this.varint();
    const remaining = this.buf.length - this.pos;
    if (len > BigInt(remaining)) throw new ProtobufDecodeError(`length ${len} runs past the end of the data (${remaining} bytes left)`);
    const start = this.pos;
    this.pos += Number(len);
    return this.buf.subarray(start, this.pos);
  }

  fixed64(): DataView {
    return this.fixed(8);
  }

  fixed32(): DataView {
    return this.fixed(4);
  }

  /** Skips the value of a field this reader's caller does not know. */
  skip(tag: Tag, depth = 0): void {
    switch (tag.wire) {
      case WireType.varint:
        this.varint();
        return;
      case WireType.fixed64:
        this.fixed(8);
        return;
      case WireType.bytes:
        this.bytes();
        return;
      case WireType.fixed32:
        this.fixed(4);
        return;
      case WireType.startGroup:
        this.skipGroup(tag.field, depth);
        return;
      case WireType.endGroup:
        throw new ProtobufDecodeError(`unexpected end of group for field ${tag.field}`);
    }
  }

  private skipGroup(field: number, depth: number): void {
    if (depth >= MAX_GROUP_DEPTH) throw new ProtobufDecodeError('groups are nested too deeply');
    for (;;) {
      if (this.done) throw new ProtobufDecodeError(`unterminated group for field ${field}`);
      const inner = this.tag();
      if (inner.wire === WireType.endGroup) {
        if (inner.field !== field) throw new ProtobufDecodeError(`group for field ${field} ended by field ${inner.field}`);
        return;
      }
      this.skip(inner, depth + 1);
    }
  }

  private fixed(size: number): DataView {
    if (this.pos + size > this.buf.length) throw new ProtobufDecodeError(`unexpected end of data inside a ${size * 8}-bit value`);
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, size);
    this.pos += size;
    return view;
  }
}
