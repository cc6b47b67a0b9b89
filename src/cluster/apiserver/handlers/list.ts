import type { KubeObject } from '../../store/object.ts';
import type { Store } from '../../store/store.ts';
import { ApiError, badRequest } from '../errors.ts';
import { tableName } from '../resources/registry.ts';
import type { ResourceType } from '../resources/types.ts';
import type { ObjectFilter } from './filter.ts';

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

interface ContinueToken {
  /** resourceVersion of the first page. */
  rv: number;
  /** Last key served: `namespace/name`. */
  start: string;
}

/**
 * Lists a table in key order, filtered, in pages of `limit`. A continue token resumes after the
 * last key served; later pages see current data (the first page's resourceVersion is kept).
 */
export function listObjects(store: Store, rt: ResourceType, namespace: string, filter: ObjectFilter, query: URLSearchParams): ListResult {
  const limit = parseLimit(query.get('limit'));
  const token = parseContinue(query.get('continue'));
  const all = store.list(tableName(rt), rt.namespaced ? namespace : '');
  const key = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  let startIndex = 0;
  if (token) {
    while (startIndex < all.length && key(all[startIndex]!) <= token.start) startIndex++;
  }
  const items: KubeObject[] = [];
  let i = startIndex;
  for (; i < all.length; i++) {
    const obj = all[i]!;
    if (!filter(obj)) continue;
    if (limit && items.length === limit) break;
    items.push(obj);
  }
  const rv = token ? token.rv : store.resourceVersion;
  const result: ListResult = { items, resourceVersion: String(rv) };
  if (limit && i < all.length && items.length === limit) {
    let remaining = 0;
    for (let j = i; j < all.length; j++) if (filter(all[j]!)) remaining++;
    if (remaining > 0) {
      result.continue = Buffer.from(JSON.stringify({ rv, start: key(items[items.length - 1]!) } satisfies ContinueToken)).toString('base64url');
      result.remainingItemCount = remaining;
    }
  }
  return result;
}

function parseLimit(raw: string | null): number {
  if (!raw) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid limit: ${raw}`);
  return n;
}

function parseContinue(raw: string | null): ContinueToken | undefined {
  if (!raw) return undefined;
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as ContinueToken;
    if (typeof t.rv === 'number' && typeof t.start === 'string') return t;
  } catch {
    // fall through
  }
  throw new ApiError(400, 'BadRequest', 'continue key is not valid: invalid continue token');
}
