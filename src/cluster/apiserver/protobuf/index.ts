/** Decoding of Kubernetes protobuf request bodies into the JSON objects the JSON path sees. */
export { decodeProtobufObject, PROTOBUF_MEDIA_TYPE, type DecodedObject } from './envelope.ts';
export { ProtobufDecodeError } from './errors.ts';
