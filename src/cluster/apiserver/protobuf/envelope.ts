/**
 * Kubernetes' protobuf envelope: the 4-byte magic "k8s\0", then a runtime.Unknown
 * { 1 typeMeta { 1 apiVersion, 2 kind }, 2 raw, 3 contentEncoding, 4 contentType } whose raw
 * bytes are the object's own message (without TypeMeta).
 */
import { isJsonObject, type JsonObject } from '../../../util/json.ts';
import { decodeMessage } from './decode-message.ts';
import { ProtobufDecodeError } from './errors.ts';
import { messageTypeFor } from './kinds.ts';
import { checkWire, readScalar } from './scalars.ts';
import { hasProtobufMagic } from './well-known.ts';
import { WireReader, WireType } from './wire.ts';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

export interface DecodedObject {
  apiVersion: string;
  kind: string;
  /** The object as its JSON encoding would be, apiVersion and kind included. */
  object: JsonObject;
}

interface Unknown {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

/** Decodes a `application/vnd.kubernetes.protobuf` request body; throws ProtobufDecodeError. */
export function decodeProtobufObject(body: Uint8Array): DecodedObject {
  return decodeEnvelope(body, 0);
}

function decodeEnvelope(body: Uint8Array, depth: number): DecodedObject {
  if (!hasProtobufMagic(body)) throw new ProtobufDecodeError('the body is not a Kubernetes protobuf message (it does not start with "k8s\\x00")');
  const u = readUnknown(body.subarray(4));
  if (!u.kind) throw new ProtobufDecodeError('the protobuf envelope names no kind');
  if (!u.apiVersion) throw new ProtobufDecodeError(`the protobuf envelope of kind ${u.kind} names no apiVersion`);
  if (u.contentEncoding) throw new ProtobufDecodeError(`unsupported protobuf content encoding ${JSON.stringify(u.contentEncoding)}`);
  const head = { apiVersion: u.apiVersion, kind: u.kind };
  if (u.contentType && u.contentType !== PROTOBUF_MEDIA_TYPE) {
    if (!u.contentType.includes('json')) throw new ProtobufDecodeError(`unsupported content type ${JSON.stringify(u.contentType)} inside the protobuf envelope`);
    return { ...head, object: { ...head, ...jsonObject(u.raw) } };
  }
  const type = messageTypeFor(u.apiVersion, u.kind);
  if (!type) throw new ProtobufDecodeError(`no protobuf decoding for ${u.apiVersion}, Kind=${u.kind}; send it as application/json`);
  const decoded = decodeMessage(u.raw, type, depth + 1, (raw, d) => decodeEnvelope(raw, d).object);
  if (!isJsonObject(decoded)) throw new ProtobufDecodeError(`${type} did not decode to an object`);
  return { ...head, object: { ...head, ...decoded } };
}

function readUnknown(bytes: Uint8Array): Unknown {
  const u: Unknown = { apiVersion: '', kind: '', raw: new Uint8Array(0), contentEncoding: '', contentType: '' };
  const r = new WireReader(bytes);
  while (!r.done) {
    const tag = r.tag();
    if (tag.field === 1) {
      checkWire(tag.wire, WireType.bytes, 'runtime.Unknown.typeMeta');
      const tm = new WireReader(r.bytes());
      while (!tm.done) {
        const t = tm.tag();
        if (t.field === 1) u.apiVersion = readScalar(tm, t.wire, 'string', 'runtime.TypeMeta.apiVersion') as string;
        else if (t.field === 2) u.kind = readScalar(tm, t.wire, 'string', 'runtime.TypeMeta.kind') as string;
        else tm.skip(t);
      }
    } else if (tag.field === 2) {
      checkWire(tag.wire, WireType.bytes, 'runtime.Unknown.raw');
      u.raw = r.bytes();
    } else if (tag.field === 3) u.contentEncoding = readScalar(r, tag.wire, 'string', 'runtime.Unknown.contentEncoding') as string;
    else if (tag.field === 4) u.contentType = readScalar(r, tag.wire, 'string', 'runtime.Unknown.contentType') as string;
    else r.skip(tag);
  }
  return u;
}

function jsonObject(raw: Uint8Array): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch (err) {
    throw new ProtobufDecodeError(`the JSON inside the protobuf envelope is invalid: ${(err as Error).message}`);
  }
  if (!isJsonObject(parsed)) throw new ProtobufDecodeError('the JSON inside the protobuf envelope is not an object');
  return parsed;
}
