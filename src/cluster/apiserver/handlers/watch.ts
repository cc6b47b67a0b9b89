import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../../store/object.ts';
import { ResourceVersionTooOld, type Store, type StoreEvent, type WatchEventType } from '../../store/store.ts';
import { badRequest, gone } from '../errors.ts';
import { tableName } from '../resources/registry.ts';
import { apiVersionOf, type ResourceType } from '../resources/types.ts';
import type { ObjectFilter } from './filter.ts';
import { renderOne, type OutputFormat } from './present.ts';

export interface WatchOptions {
  rt: ResourceType;
  version: string;
  namespace: string;
  filter: ObjectFilter;
  format: OutputFormat;
  query: URLSearchParams;
  bookmarkIntervalMs: number;
  maxTimeoutSeconds: number;
  now: () => Date;
}

/**
 * Streams watch events as newline-delimited JSON. Selector semantics follow the Kubernetes watch
 * cache: an object that starts matching arrives as ADDED, one that stops matching as DELETED.
 */
export function serveWatch(store: Store, req: IncomingMessage, res: ServerResponse, opts: WatchOptions): void {
  const { rt, version, namespace, filter, format, query } = opts;
  const rvParam = query.get('resourceVersion') ?? '';
  if (rvParam && !/^\d+$/.test(rvParam)) throw badRequest(`invalid resourceVersion: ${rvParam}`);
  const timeoutParam = Number(query.get('timeoutSeconds') ?? '0');
  const timeoutSeconds = timeoutParam > 0 ? Math.min(timeoutParam, opts.maxTimeoutSeconds) : opts.maxTimeoutSeconds;
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  const cacheable = format === 'object' && version === rt.version;

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  req.socket.setNoDelay(true);
  res.flushHeaders();

  let lastRv = rvParam && rvParam !== '0' ? Number(rvParam) : store.resourceVersion;
  let closed = false;
  const send = (type: WatchEventType | 'ERROR' | 'BOOKMARK', payload: string): void => {
    if (closed) return;
    const ok = res.write(`{"type":"${type}","object":${payload}}\n`);
    // A client that stops reading gets disconnected rather than buffering without bound.
    if (!ok && res.writableLength > 16 * 1024 * 1024) close();
  };
  const sendObject = (type: WatchEventType, obj: KubeObject): void => {
    send(type, JSON.stringify(renderOne(rt, version, obj, format, query, opts.now())));
  };
  const serialized = new WeakMap<KubeObject, string>();
  const deliver = (ev: StoreEvent): void => {
    const nowMatches = filter(ev.obj);
    const prevMatched = ev.prev !== undefined && ev.type !== 'ADDED' ? filter(ev.prev) : false;
    let type: WatchEventType;
    if (ev.type === 'DELETED') {
      if (!nowMatches && !prevMatched) return;
      type = 'DELETED';
    } else if (nowMatches) {
      type = ev.type === 'MODIFIED' && !prevMatched ? 'ADDED' : ev.type;
    } else if (prevMatched) {
      type = 'DELETED';
    } else {
      return;
    }
    lastRv = ev.rv;
    if (cacheable) {
      // The same event goes to many watchers: serialize each stored object once.
      let text = serialized.get(ev.obj);
      if (text === undefined) serialized.set(ev.obj, (text = JSON.stringify(ev.obj)));
      send(type, text);
    } else {
      sendObject(type, ev.obj);
    }
  };

  let unsubscribe: (() => void) | undefined;
  const timers: NodeJS.Timeout[] = [];
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    for (const t of timers) clearTimeout(t);
    res.end();
  };
  res.on('close', close);
  req.on('close', close);

  if (!rvParam || rvParam === '0') {
    // No starting point: the current state as ADDED events, then changes.
    for (const obj of store.list(tableName(rt), rt.namespaced ? namespace : '')) if (filter(obj)) sendObject('ADDED', obj);
  }
  try {
    unsubscribe = store.watch({ table: tableName(rt), namespace: rt.namespaced ? namespace : '', deliver }, lastRv);
  } catch (err) {
    if (err instanceof ResourceVersionTooOld) {
      send('ERROR', JSON.stringify(gone(err.message).toStatus()));
      close();
      return;
    }
    throw err;
  }
  timers.push(setTimeout(close, timeoutSeconds * 1000));
  if (bookmarks) {
    const tick = (): void => {
      send('BOOKMARK', JSON.stringify({ kind: rt.kind, apiVersion: apiVersionOf(rt, version), metadata: { resourceVersion: String(Math.max(lastRv, store.resourceVersion)) } }));
      timers[1] = setTimeout(tick, opts.bookmarkIntervalMs);
    };
    timers.push(setTimeout(tick, opts.bookmarkIntervalMs));
  }
}
