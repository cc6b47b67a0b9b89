import http from 'node:http';
import https from 'node:https';
import type { ClusterConnection } from './connection.ts';

/** One HTTP exchange with the API server, over the connection's keep-alive agent. */
export interface HttpRequest {
  method: string;
  /** Path and query, starting with '/'; appended to the server URL (which may have a prefix). */
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Whole-exchange timeout; none when undefined. */
  timeoutMs?: number;
}

export interface HttpResponse {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpStream {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  stream: http.IncomingMessage;
  /** Ends the exchange and frees the socket. */
  close(): void;
}

export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(readonly timeoutMs: number, method: string, path: string) {
    super(`${method} ${path}: no response within ${timeoutMs}ms`);
  }
}

export class RequestAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(method: string, path: string) {
    super(`${method} ${path}: aborted`);
  }
}

/** Was this failure a reused keep-alive socket the server had already closed? Safe to retry. */
export function isStaleSocketError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { staleSocket?: boolean }).staleSocket === true;
}

function abortReason(signal: AbortSignal, req: HttpRequest): Error {
  return signal.reason instanceof Error && signal.reason.name !== 'AbortError' && signal.reason.name !== 'DOMException'
    ? signal.reason
    : new RequestAbortedError(req.method, req.path);
}

/** Sends the request; resolves when the response headers arrive. Only `signal` bounds it. */
function open(
  conn: ClusterConnection,
  req: HttpRequest,
  signal: AbortSignal | undefined,
): Promise<{ request: http.ClientRequest; response: http.IncomingMessage }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal, req));
    const url = new URL(conn.server + req.path);
    const lib = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = Buffer.byteLength(req.body);
    const request = lib.request(url, { method: req.method, headers, agent: conn.agent });
    let settled = false;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(abortReason(signal as AbortSignal, req));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (request.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
        Object.assign(err, { staleSocket: true });
      }
      reject(err);
    });
    request.on('response', (response) => {
      signal?.removeEventListener('abort', onAbort);
      if (settled) {
        response.destroy();
        return;
      }
      settled = true;
      resolve({ request, response });
    });
    request.end(req.body);
  });
}

/** An AbortSignal that fires on the caller's signal or after timeoutMs, whichever is first. */
function deadlineSignal(req: HttpRequest): { signal: AbortSignal | undefined; dispose: () => void } {
  if (req.timeoutMs === undefined) return { signal: req.signal, dispose: () => {} };
  const ac = new AbortController();
  const timeoutMs = req.timeoutMs;
  const timer = setTimeout(() => ac.abort(new RequestTimeoutError(timeoutMs, req.method, req.path)), timeoutMs);
  const onAbort = (): void => ac.abort(req.signal?.reason);
  if (req.signal?.aborted) onAbort();
  else req.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: ac.signal,
    dispose: () => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Sends a request and reads the whole response body, all within `timeoutMs`. */
export async function sendRequest(conn: ClusterConnection, req: HttpRequest): Promise<HttpResponse> {
  const { signal, dispose } = deadlineSignal(req);
  try {
    const { response } = await open(conn, req, signal);
    return await new Promise<HttpResponse>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const onAbort = (): void => {
        response.destroy();
        reject(abortReason(signal as AbortSignal, req));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const finish = (): void => signal?.removeEventListener('abort', onAbort);
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (err) => {
        finish();
        reject(err);
      });
      let ended = false;
      response.on('end', () => {
        ended = true;
        finish();
        resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      // A socket that dies mid-body may close the response without 'error': never hang on it.
      response.on('close', () => {
        if (ended) return;
        finish();
        reject(new Error(`${req.method} ${req.path}: connection closed before the response was complete`));
      });
    });
  } finally {
    dispose();
  }
}

/**
 * Opens a streaming response (watch, log follow). `timeoutMs` bounds only the wait for the response
 * headers; the caller reads `stream` and calls `close`.
 */
export async function openStream(conn: ClusterConnection, req: HttpRequest): Promise<HttpStream> {
  const { signal, dispose } = deadlineSignal(req);
  let opened: { request: http.ClientRequest; response: http.IncomingMessage };
  try {
    opened = await open(conn, req, signal);
  } finally {
    dispose();
  }
  const { request, response } = opened;
  return {
    statusCode: response.statusCode ?? 0,
    headers: response.headers,
    stream: response,
    close: () => {
      response.destroy();
      request.destroy();
    },
  };
}

/** Reads a whole stream as text (e.g. the error body of a failed watch). */
export function readAll(stream: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
