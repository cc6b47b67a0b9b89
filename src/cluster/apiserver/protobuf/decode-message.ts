/** The schema-driven decoder: one protobuf message → the JSON value Kubernetes would show. */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { ProtobufDecodeError } from './errors.ts';
import { messageSchema } from './registry.ts';
import { checkWire, defaultScalar, isPackable, isZeroScalar, readScalar } from './scalars.ts';
import { isScalarType, type FieldSpec, type ScalarType } from './schema.ts';
import { WELL_KNOWN, type WellKnownContext } from './well-known.ts';
import { WireReader, WireType, type Tag } from './wire.ts';

/** Kubernetes objects nest about 15 messages deep; anything past this is hostile input. */
export const MAX_DEPTH = 100;

export type EmbeddedDecoder = WellKnownContext['embedded'];

export function decodeMessage(bytes: Uint8Array, type: string, depth: number, embedded: EmbeddedDecoder): JsonValue {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`messages are nested more than ${MAX_DEPTH} deep`);
  const special = WELL_KNOWN.get(type);
  if (special) return special(bytes, { depth, embedded });
  const target: JsonObject = {};
  decodeInto(target, bytes, type, depth, embedded);
  return target;
}

/** Decodes into an existing object: repeated fields append, embedded messages merge (protobuf's merge rules). */
function decodeInto(target: JsonObject, bytes: Uint8Array, type: string, depth: number, embedded: EmbeddedDecoder): void {
  if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`messages are nested more than ${MAX_DEPTH} deep`);
  const schema = messageSchema(type);
  if (!schema) throw new ProtobufDecodeError(`no protobuf schema for message ${type}`);
  const r = new WireReader(bytes);
  while (!r.done) {
    const tag = r.tag();
    const spec = schema.get(tag.field);
    if (spec) decodeField(target, r, tag, spec, `${type}.${spec.json || spec.type}`, depth, embedded);
    else r.skip(tag);
  }
}

function decodeField(target: JsonObject, r: WireReader, tag: Tag, spec: FieldSpec, where: string, depth: number, embedded: EmbeddedDecoder): void {
  if (spec.map) {
    checkWire(tag.wire, WireType.bytes, where);
    const [key, value] = decodeMapEntry(r.bytes(), spec.map.key, spec.type, where, depth, embedded);
    setOwn(objectAt(target, spec.json), key, value);
    return;
  }
  if (isScalarType(spec.type)) {
    if (spec.repeated) {
      arrayAt(target, spec.json).push(...readRepeatedScalar(r, tag, spec.type, where));
      return;
    }
    const value = readScalar(r, tag.wire, spec.type, where);
    // gogo writes every Go value field, zero or not: drop the zeros Go's JSON would omit.
    if (spec.keepZero || !isZeroScalar(value)) target[spec.json] = value;
    else delete target[spec.json];
    return;
  }
  checkWire(tag.wire, WireType.bytes, where);
  const bytes = r.bytes();
  if (spec.repeated) arrayAt(target, spec.json).push(decodeMessage(bytes, spec.type, depth + 1, embedded));
  else if (spec.inline) decodeInto(target, bytes, spec.type, depth + 1, embedded);
  else if (WELL_KNOWN.has(spec.type)) target[spec.json] = decodeMessage(bytes, spec.type, depth + 1, embedded);
  else {
    const existing = target[spec.json];
    const sub = isJsonObject(existing) ? existing : {};
    decodeInto(sub, bytes, spec.type, depth + 1, embedded);
    target[spec.json] = sub;
  }
}

function readRepeatedScalar(r: WireReader, tag: Tag, type: ScalarType, where: string): JsonValue[] {
  if (tag.wire !== WireType.bytes || !isPackable(type)) return [readScalar(r, tag.wire, type, where)];
  const packed = new WireReader(r.bytes());
  const elementWire = type === 'double' ? WireType.fixed64 : type === 'float' ? WireType.fixed32 : WireType.varint;
  const out: JsonValue[] = [];
  while (!packed.done) out.push(readScalar(packed, elementWire, type, where));
  return out;
}

function decodeMapEntry(bytes: Uint8Array, keyType: ScalarType, valueType: string, where: string, depth: number, embedded: EmbeddedDecoder): [string, JsonValue] {
  let key: JsonValue = defaultScalar(keyType);
  let value: JsonValue | undefined;
  const r = new WireReader(bytes);
  while (!r.done) {
    const tag = r.tag();
    if (tag.field === 1) key = readScalar(r, tag.wire, keyType, `${where} key`);
    else if (tag.field === 2 && isScalarType(valueType)) value = readScalar(r, tag.wire, valueType, `${where} value`);
    else if (tag.field === 2) {
      checkWire(tag.wire, WireType.bytes, `${where} value`);
      value = decodeMessage(r.bytes(), valueType, depth + 1, embedded);
    } else r.skip(tag);
  }
  if (value === undefined) value = isScalarType(valueType) ? defaultScalar(valueType) : decodeMessage(new Uint8Array(0), valueType, depth + 1, embedded);
  return [String(key), value];
}

function objectAt(target: JsonObject, key: string): JsonObject {
  const existing = target[key];
  if (isJsonObject(existing)) return existing;
  const created: JsonObject = {};
  target[key] = created;
  return created;
}

function arrayAt(target: JsonObject, key: string): JsonValue[] {
  const existing = target[key];
  if (Array.isArray(existing)) return existing;
  const created: JsonValue[] = [];
  target[key] = created;
  return created;
}

/** Map keys come from the wire: define them as own properties, as JSON.parse does, even "__proto__". */
function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
