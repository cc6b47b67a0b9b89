import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import type { Status } from '../cluster/apiserver/errors.ts';
import type { KubeObject } from '../cluster/store/object.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** One frame of a watch stream. BOOKMARK objects carry only metadata.resourceVersion. */
export type WatchEvent<T extends KubeObject = KubeObject> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: T }
  | { type: 'ERROR'; object: Status };

const TYPES = new Set<string>(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

export class WatchDecodeError extends Error {
  override readonly name = 'WatchDecodeError';
}

/** Parses one line of a watch stream into an event. */
export function parseWatchLine<T extends KubeObject>(line: string): WatchEvent<T> {
  let frame: unknown;
  try {
    frame = JSON.parse(line);
  } catch {
    throw new WatchDecodeError(`malformed watch event: ${line.slice(0, 200)}`);
  }
  if (typeof frame !== 'object' || frame === null) throw new WatchDecodeError(`malformed watch event: ${line.slice(0, 200)}`);
  const { type, object } = frame as { type?: unknown; object?: unknown };
  if (typeof type !== 'string' || !TYPES.has(type) || typeof object !== 'object' || object === null) {
    throw new WatchDecodeError(`malformed watch event: ${line.slice(0, 200)}`);
  }
  return { type, object } as WatchEvent<T>;
}

/**
 * Reads newline-delimited JSON watch events from `stream`, calling `onEvent` for each; resolves when
 * the stream ends, rejects on a decode error, a stream error, or an exception from `onEvent`.
 */
export function readWatchStream<T extends KubeObject>(
  stream: Readable,
  onEvent: (event: WatchEvent<T>) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let buffer = '';
    let done = false;
    const finish = (err?: unknown): void => {
      if (done) return;
      done = true;
      stream.off('data', onData);
      if (err) {
        stream.destroy();
        reject(err);
      } else resolve();
    };
    const emitLines = (): void => {
      let nl: number;
      while (!done && (nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) onEvent(parseWatchLine<T>(line));
      }
    };
    const onData = (chunk: Buffer): void => {
      try {
        buffer += decoder.write(chunk);
        emitLines();
      } catch (err) {
        finish(err);
      }
    };
    stream.on('data', onData);
    stream.on('error', (err) => finish(err));
    stream.on('close', () => finish());
    stream.on('end', () => {
      try {
        buffer += decoder.end() + '\n';
        emitLines();
        finish();
      } catch (err) {
        finish(err);
      }
    });
  });
}
