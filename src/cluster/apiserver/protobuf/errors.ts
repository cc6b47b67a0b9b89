/** A protobuf request body that cannot be decoded; the message is meant for the client (a 400). */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
}
