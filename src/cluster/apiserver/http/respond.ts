import type { ServerResponse } from 'node:http';
import { ApiError, internalError } from '../errors.ts';

export function sendJson(res: ServerResponse, code: number, body: unknown, warnings: string[] = []): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length > 0) headers.Warning = warnings.map((w) => `299 - "${w.replace(/"/g, "'")}"`);
  res.writeHead(code, headers);
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const apiErr = err instanceof ApiError ? err : internalError(err instanceof Error ? err.message : String(err));
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, apiErr.code, apiErr.toStatus());
}

/** Accept header asks for a meta.k8s.io Table (kubectl get) or partial metadata (GC, kubectl delete). */
export function wantedFormat(accept: string | undefined): 'table' | 'metadata' | 'object' {
  const a = accept ?? '';
  for (const part of a.split(',')) {
    if (part.includes('as=Table')) return 'table';
    if (part.includes('as=PartialObjectMetadata')) return 'metadata';
    if (part.trim().startsWith('application/json') || part.trim().startsWith('*/*')) return 'object';
  }
  return 'object';
}
