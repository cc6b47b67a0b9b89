import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest } from '../errors.ts';
import { decodeProtobufObject, ProtobufDecodeError, PROTOBUF_MEDIA_TYPE } from '../protobuf/index.ts';

export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new ApiError(413, 'RequestEntityTooLarge', `request entity too large: limit is ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Parses a request body as JSON, YAML (apply patches) or Kubernetes protobuf (typed clients such
 * as kubectl's); an undecodable body is a 400, any other media type a 415.
 */
export function parseBody(raw: Buffer, contentType: string): unknown {
  if (contentType === PROTOBUF_MEDIA_TYPE) return parseProtobuf(raw);
  if (contentType && !contentType.includes('json') && !contentType.includes('yaml')) {
    throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, ${PROTOBUF_MEDIA_TYPE} (got ${contentType})`);
  }
  const text = raw.toString('utf8');
  if (text.trim() === '') throw badRequest('the request body is empty');
  if (contentType.includes('yaml')) {
    try {
      return parseYaml(text, { version: '1.1', maxAliasCount: 100 }) as unknown;
    } catch (err) {
      throw badRequest(`error decoding YAML: ${(err as Error).message}`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`error decoding the request body as JSON: ${(err as Error).message}`);
  }
}

function parseProtobuf(raw: Buffer): unknown {
  if (raw.length === 0) throw badRequest('the request body is empty');
  try {
    return decodeProtobufObject(raw).object;
  } catch (err) {
    if (err instanceof ProtobufDecodeError) throw badRequest(`error decoding the protobuf request body: ${err.message}`);
    throw err;
  }
}

/** The media type without parameters, lower-cased. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}
