/**
 * apimachinery types whose JSON form is not their protobuf message: times, IntOrString,
 * Quantity, FieldsV1 and RawExtension (see their MarshalJSON methods in Kubernetes).
 */
import type { JsonObject, JsonValue } from '../../../util/json.ts';
import { ProtobufDecodeError } from './errors.ts';
import { decodeUtf8, readScalar } from './scalars.ts';
import { WireReader, WireType } from './wire.ts';

export interface WellKnownContext {
  depth: number;
  /** Decodes a nested `k8s\0` protobuf object (a RawExtension holding protobuf). */
  embedded(raw: Uint8Array, depth: number): JsonObject;
}

type WellKnownDecoder = (bytes: Uint8Array, ctx: WellKnownContext) => JsonValue;

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

export function hasProtobufMagic(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads the fields of a small message into a number-keyed record, skipping unknown ones. */
function readFields(bytes: Uint8Array, types: Record<number, 'int64' | 'int32' | 'string' | 'bytes'>, where: string): Map<number, JsonValue | Uint8Array> {
  const out = new Map<number, JsonValue | Uint8Array>();
  const r = new WireReader(bytes);
  while (!r.done) {
    const tag = r.tag();
    const type = types[tag.field];
    if (type === undefined) r.skip(tag);
    else if (type === 'bytes') {
      if (tag.wire !== WireType.bytes) throw new ProtobufDecodeError(`${where}: wire type ${tag.wire} where ${WireType.bytes} was expected`);
      out.set(tag.field, r.bytes());
    } else out.set(tag.field, readScalar(r, tag.wire, type, where));
  }
  return out;
}

/** Seconds of 0001-01-01T00:00:00Z (Go's zero time) and the range Go's RFC 3339 output allows. */
const GO_ZERO_SECONDS = -62135596800;
const MIN_SECONDS = -62167219200; // 0000-01-01T00:00:00Z
const MAX_SECONDS = 253402300799; // 9999-12-31T23:59:59Z

function timestamp(bytes: Uint8Array, micro: boolean, where: string): JsonValue {
  if (bytes.length === 0) return null;
  const f = readFields(bytes, { 1: 'int64', 2: 'int32' }, where);
  const rawSeconds = Number(f.get(1) ?? 0);
  const rawNanos = Number(f.get(2) ?? 0);
  const seconds = rawSeconds + Math.floor(rawNanos / 1e9);
  const nanos = ((rawNanos % 1e9) + 1e9) % 1e9;
  if (seconds === GO_ZERO_SECONDS && nanos === 0) return null;
  if (!(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS)) throw new ProtobufDecodeError(`${where}: time ${rawSeconds}s is outside the years 0 to 9999`);
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micro ? `${base}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${base}Z`;
}

function intOrString(bytes: Uint8Array): JsonValue {
  const where = 'intstr.IntOrString';
  const f = readFields(bytes, { 1: 'int64', 2: 'int32', 3: 'string' }, where);
  const type = Number(f.get(1) ?? 0);
  if (type === 0) return Number(f.get(2) ?? 0);
  if (type === 1) return (f.get(3) as string | undefined) ?? '';
  throw new ProtobufDecodeError(`${where}: unknown type ${type}`);
}

function parseJsonBytes(raw: Uint8Array, where: string): JsonValue {
  try {
    return JSON.parse(decodeUtf8(raw)) as JsonValue;
  } catch (err) {
    throw new ProtobufDecodeError(`${where}: the embedded JSON is invalid: ${(err as Error).message}`);
  }
}

function rawField(bytes: Uint8Array, where: string): Uint8Array | undefined {
  return readFields(bytes, { 1: 'bytes' }, where).get(1) as Uint8Array | undefined;
}

export const WELL_KNOWN: ReadonlyMap<string, WellKnownDecoder> = new Map<string, WellKnownDecoder>([
  ['meta.v1.Time', (b) => timestamp(b, false, 'meta.v1.Time')],
  ['meta.v1.MicroTime', (b) => timestamp(b, true, 'meta.v1.MicroTime')],
  ['intstr.IntOrString', (b) => intOrString(b)],
  ['resource.Quantity', (b) => (readFields(b, { 1: 'string' }, 'resource.Quantity').get(1) as string | undefined) ?? '0'],
  [
    'meta.v1.FieldsV1',
    (b) => {
      const raw = rawField(b, 'meta.v1.FieldsV1');
      return raw && raw.length > 0 ? parseJsonBytes(raw, 'meta.v1.FieldsV1') : null;
    },
  ],
  [
    'runtime.RawExtension',
    (b, ctx) => {
      const raw = rawField(b, 'runtime.RawExtension');
      if (!raw || raw.length === 0) return null;
      return hasProtobufMagic(raw) ? ctx.embedded(raw, ctx.depth + 1) : parseJsonBytes(raw, 'runtime.RawExtension');
    },
  ],
]);
