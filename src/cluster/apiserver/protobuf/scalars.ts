/** Scalar field values as Go's JSON encoding shows them (int64 as a number, bytes as base64). */
import type { JsonValue } from '../../../util/json.ts';
import { ProtobufDecodeError } from './errors.ts';
import type { ScalarType } from './schema.ts';
import { WireType, type WireReader } from './wire.ts';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

const EXPECTED_WIRE: Record<ScalarType, WireType> = {
  string: WireType.bytes,
  bytes: WireType.bytes,
  bool: WireType.varint,
  int32: WireType.varint,
  int64: WireType.varint,
  uint32: WireType.varint,
  uint64: WireType.varint,
  double: WireType.fixed64,
  float: WireType.fixed32,
};

/** Numeric and bool fields may be packed into one length-delimited run when repeated. */
export function isPackable(type: ScalarType): boolean {
  return EXPECTED_WIRE[type] !== WireType.bytes;
}

export function checkWire(wire: WireType, expected: WireType, where: string): void {
  if (wire !== expected) throw new ProtobufDecodeError(`${where}: wire type ${wire} where ${expected} was expected`);
}

/** Reads one value of `type`, which arrived with wire type `wire`. */
export function readScalar(r: WireReader, wire: WireType, type: ScalarType, where: string): JsonValue {
  checkWire(wire, EXPECTED_WIRE[type], `${where} (${type})`);
  switch (type) {
    case 'string':
      return decodeUtf8(r.bytes());
    case 'bytes':
      return Buffer.from(r.bytes()).toString('base64');
    case 'bool':
      return r.varint() !== 0n;
    case 'int32':
      return Number(BigInt.asIntN(32, r.varint()));
    case 'int64':
      return Number(BigInt.asIntN(64, r.varint()));
    case 'uint32':
      return Number(BigInt.asUintN(32, r.varint()));
    case 'uint64':
      return Number(r.varint());
    case 'double':
      return finite(r.fixed64().getFloat64(0, true), where);
    case 'float':
      return finite(r.fixed32().getFloat32(0, true), where);
  }
}

/** The value a map entry has when its key or value is missing from the wire. */
export function defaultScalar(type: ScalarType): JsonValue {
  if (type === 'string' || type === 'bytes') return '';
  return type === 'bool' ? false : 0;
}

export function isZeroScalar(value: JsonValue): boolean {
  return value === '' || value === 0 || value === false;
}

function finite(n: number, where: string): number {
  if (!Number.isFinite(n)) throw new ProtobufDecodeError(`${where}: ${n} cannot be represented in JSON`);
  return n;
}
