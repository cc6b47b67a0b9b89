import type { KubeObject } from '../cluster/store/object.ts';
import { realClock, sleep, type Clock } from './clock.ts';
import {
  PATCH_CONTENT_TYPES,
  type CallOptions,
  type DeleteCollectionOptions,
  type DeleteOptions,
  type KubeList,
  type ListOptions,
  type PatchOptions,
  type PatchType,
  type RawRequestOptions,
  type WatchOptions,
  type WriteOptions,
} from './client-types.ts';
import { loadClusterConnection, type LoadConfigOptions } from './config.ts';
import { closeConnection, type ClusterConnection } from './connection.ts';
import { queryString, resourcePath, type QueryValue } from './paths.ts';
import { RequestMetrics } from './request-metrics.ts';
import { apiVersionOfRef, type ResourceRef } from './resources.ts';
import { errorFromResponse, isGone } from './rest-errors.ts';
import { TokenBucket } from './token-bucket.ts';
import { RequestAbortedError, isStaleSocketError, openStream, readAll, sendRequest, type HttpResponse } from './transport.ts';
import { defaultUserAgent } from './user-agent.ts';
import { readWatchStream, type WatchEvent } from './watch-stream.ts';

export interface KubeClientOptions {
  /** Client-side rate limit (token bucket); Argo's controller defaults are 40 qps, burst 80. 0 disables. */
  qps?: number;
  burst?: number;
  userAgent?: string;
  /** Per-request timeout for everything but watches (default 60 s). */
  timeoutMs?: number;
  /** Field manager for server-side apply when the call does not name one. */
  fieldManager?: string;
  /** How often a 429 (or a 5xx with Retry-After) is retried (default 5). */
  maxRetries?: number;
  metrics?: RequestMetrics;
  clock?: Clock;
}

interface Counted {
  verb: string;
  resource: string;
  kind: string;
  namespace: string;
  name: string;
}

interface SendOptions extends CallOptions {
  body?: string;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
  counted: Counted;
}

const VERB_BY_METHOD: Record<string, string> = { GET: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };
const MAX_RETRY_WAIT_MS = 30_000;

function encodeBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function parseJson<T>(res: HttpResponse): T {
  if (!res.body) return undefined as T;
  try {
    return JSON.parse(res.body) as T;
  } catch {
    throw new Error(`the server sent invalid JSON (${res.statusCode}): ${res.body.slice(0, 200)}`);
  }
}

/**
 * A thin dynamic Kubernetes client: plain JSON objects in and out, one method per REST verb,
 * Status failures thrown as KubeApiError, client-side rate limiting and per-request metrics.
 */
export class KubeClient {
  readonly metrics: RequestMetrics;
  readonly userAgent: string;
  private readonly limiter: TokenBucket | undefined;
  private readonly timeoutMs: number;
  private readonly fieldManager: string;
  private readonly maxRetries: number;
  private readonly clock: Clock;

  constructor(
    readonly connection: ClusterConnection,
    opts: KubeClientOptions = {},
  ) {
    this.clock = opts.clock ?? realClock;
    const qps = opts.qps ?? 40;
    this.limiter = qps > 0 ? new TokenBucket(qps, Math.max(1, opts.burst ?? qps * 2), this.clock) : undefined;
    this.userAgent = opts.userAgent ?? defaultUserAgent();
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.fieldManager = opts.fieldManager ?? 'vane';
    this.maxRetries = opts.maxRetries ?? 5;
    this.metrics = opts.metrics ?? new RequestMetrics();
  }

  /** Loads a kubeconfig / in-cluster config (see LoadConfigOptions) and builds a client on it. */
  static async fromConfig(opts: LoadConfigOptions & KubeClientOptions = {}): Promise<KubeClient> {
    return new KubeClient(await loadClusterConnection(opts), opts);
  }

  /** The default namespace of the loaded context. */
  get namespace(): string {
    return this.connection.namespace;
  }

  /** Frees idle keep-alive sockets. */
  close(): void {
    closeConnection(this.connection);
  }

  // ---- typed verbs -------------------------------------------------------------------------

  async get<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    opts: CallOptions & { subresource?: string } = {},
  ): Promise<T> {
    const path = resourcePath(ref, namespace, name, opts.subresource);
    return parseJson<T>(await this.send('GET', path, { ...opts, counted: this.counted('get', ref, namespace, name) }));
  }

  /** One page (or, without `limit`, everything); items get apiVersion/kind filled in when missing. */
  async list<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace?: string,
    opts: ListOptions = {},
  ): Promise<KubeList<T>> {
    const query: Record<string, QueryValue> = {
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      limit: opts.limit,
      continue: opts.continue,
      resourceVersion: opts.resourceVersion,
      resourceVersionMatch: opts.resourceVersionMatch,
    };
    const path = resourcePath(ref, namespace) + queryString(query);
    const list = parseJson<KubeList<T>>(await this.send('GET', path, { ...opts, counted: this.counted('list', ref, namespace, '') }));
    if (!list || !Array.isArray(list.items)) throw new Error(`GET ${path}: the server did not return a list`);
    list.metadata ??= {};
    fillTypeMeta(ref, list.items);
    return list;
  }

  /**
   * Every page of a list, following continue tokens. If a continue token expires mid-way (410), it
   * falls back to a single unpaginated list, as client-go's pager does.
   */
  async listAll<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace?: string,
    opts: Omit<ListOptions, 'continue'> = {},
  ): Promise<KubeList<T>> {
    const pageSize = opts.limit ?? 500;
    const items: T[] = [];
    let cont: string | undefined;
    let first: KubeList<T> | undefined;
    for (;;) {
      let page: KubeList<T>;
      try {
        page = await this.list<T>(ref, namespace, { ...opts, limit: pageSize, continue: cont });
      } catch (err) {
        if (cont !== undefined && isGone(err)) return this.list<T>(ref, namespace, { ...opts, limit: undefined });
        throw err;
      }
      first ??= page;
      items.push(...page.items);
      cont = page.metadata.continue || undefined;
      if (!cont) {
        return {
          apiVersion: first.apiVersion,
          kind: first.kind,
          metadata: { resourceVersion: page.metadata.resourceVersion ?? first.metadata.resourceVersion },
          items,
        };
      }
    }
  }

  async create<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    body: T,
    opts: WriteOptions = {},
  ): Promise<T> {
    const path = resourcePath(ref, namespace) + queryString(writeQuery(opts));
    const name = body.metadata?.name ?? body.metadata?.generateName ?? '';
    return parseJson<T>(
      await this.send('POST', path, {
        ...opts,
        body: JSON.stringify(body),
        contentType: 'application/json',
        counted: this.counted('create', ref, namespace, name),
      }),
    );
  }

  /** PUT of the whole object; the body's metadata.resourceVersion makes it conditional (409 on mismatch). */
  async update<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    body: T,
    opts: WriteOptions = {},
  ): Promise<T> {
    return this.put(ref, namespace, body, undefined, opts);
  }

  /** PUT to the status subresource. */
  async updateStatus<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    body: T,
    opts: WriteOptions = {},
  ): Promise<T> {
    return this.put(ref, namespace, body, 'status', opts);
  }

  private async put<T extends KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    body: T,
    subresource: string | undefined,
    opts: WriteOptions,
  ): Promise<T> {
    const name = body.metadata?.name;
    if (!name) throw new Error(`update of ${ref.resource}: metadata.name is required`);
    const path = resourcePath(ref, namespace, name, subresource) + queryString(writeQuery(opts));
    return parseJson<T>(
      await this.send('PUT', path, {
        ...opts,
        body: JSON.stringify(body),
        contentType: 'application/json',
        counted: this.counted('update', ref, namespace, name),
      }),
    );
  }

  /**
   * PATCH with the given patch type. Custom resources accept only merge, json and apply; for apply,
   * the field manager defaults to the client's and `force` takes conflicting fields.
   */
  async patch<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    type: PatchType,
    opts: PatchOptions = {},
  ): Promise<T> {
    const query: Record<string, QueryValue> = writeQuery(opts);
    if (type === 'apply') {
      query['fieldManager'] = opts.fieldManager ?? this.fieldManager;
      if (opts.force) query['force'] = true;
    }
    const path = resourcePath(ref, namespace, name, opts.subresource) + queryString(query);
    return parseJson<T>(
      await this.send('PATCH', path, {
        ...opts,
        body: JSON.stringify(body),
        contentType: PATCH_CONTENT_TYPES[type],
        counted: this.counted('patch', ref, namespace, name),
      }),
    );
  }

  /**
   * DELETE; resolves to what the server returns: the object (still present while finalizers or
   * foreground deletion run, or as deleted) or a Success Status.
   */
  async delete<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): Promise<T> {
    const path = resourcePath(ref, namespace, name) + queryString({ dryRun: opts.dryRun ? 'All' : undefined });
    return parseJson<T>(
      await this.send('DELETE', path, {
        ...opts,
        body: JSON.stringify(deleteOptionsBody(opts)),
        contentType: 'application/json',
        counted: this.counted('delete', ref, namespace, name),
      }),
    );
  }

  /** DELETE of a collection, filtered by selectors. */
  async deleteCollection<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    opts: DeleteCollectionOptions = {},
  ): Promise<KubeList<T>> {
    const query = { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, dryRun: opts.dryRun ? 'All' : undefined };
    const path = resourcePath(ref, namespace) + queryString(query);
    return parseJson<KubeList<T>>(
      await this.send('DELETE', path, {
        ...opts,
        body: JSON.stringify(deleteOptionsBody(opts)),
        contentType: 'application/json',
        counted: this.counted('deletecollection', ref, namespace, ''),
      }),
    );
  }

  /**
   * Streams watch events to `onEvent` until the server ends the watch (resolves), `signal` aborts
   * (resolves — an abort is not an error), or the stream fails (rejects). An HTTP failure, such as
   * 410 for a too-old resourceVersion, rejects with KubeApiError; ERROR events are delivered.
   */
  async watch<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string | undefined,
    opts: WatchOptions,
    onEvent: (event: WatchEvent<T>) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    if (signal?.aborted) return;
    const query: Record<string, QueryValue> = {
      watch: true,
      resourceVersion: opts.resourceVersion,
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      allowWatchBookmarks: opts.allowWatchBookmarks ? true : undefined,
      timeoutSeconds: opts.timeoutSeconds,
    };
    const path = resourcePath(ref, namespace) + queryString(query);
    const counted = this.counted('watch', ref, namespace, '');
    let stream;
    try {
      if (!(await this.throttle(signal))) return;
      const started = this.clock.now();
      try {
        stream = await openStream(this.connection, {
          method: 'GET',
          path,
          headers: await this.headers({ accept: 'application/json' }),
          signal,
          timeoutMs: this.timeoutMs,
        });
      } catch (err) {
        this.metrics.record({ ...counted, statusCode: 0, durationMs: this.clock.now() - started });
        throw err;
      }
      this.metrics.record({ ...counted, statusCode: stream.statusCode, durationMs: this.clock.now() - started });
    } catch (err) {
      if (signal?.aborted) return;
      throw err;
    }
    if (stream.statusCode < 200 || stream.statusCode >= 300) {
      const body = await readAll(stream.stream).catch(() => '');
      stream.close();
      throw errorFromResponse(stream.statusCode, body, headerValue(stream.headers['retry-after']));
    }
    const s = stream;
    const onAbort = (): void => s.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await readWatchStream<T>(s.stream, onEvent);
    } catch (err) {
      if (signal?.aborted) return;
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      s.close();
    }
  }

  // ---- raw requests ------------------------------------------------------------------------

  /** Any request by path (discovery, /version, subresources); JSON response, KubeApiError on failure. */
  async request<T = unknown>(method: string, path: string, opts: RawRequestOptions = {}): Promise<T> {
    return parseJson<T>(await this.raw(method, path, { accept: 'application/json', ...opts }));
  }

  /** Like request, for text responses (pod logs). */
  async requestText(method: string, path: string, opts: RawRequestOptions = {}): Promise<string> {
    return (await this.raw(method, path, { accept: '*/*', ...opts })).body;
  }

  private raw(method: string, path: string, opts: RawRequestOptions): Promise<HttpResponse> {
    const upper = method.toUpperCase();
    const body = encodeBody(opts.body);
    const resource = opts.resource ?? path.split('?')[0] ?? path;
    return this.send(upper, path + queryString(opts.query), {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      body,
      contentType: opts.contentType ?? (body !== undefined ? 'application/json' : undefined),
      accept: opts.accept,
      headers: opts.headers,
      counted: { verb: opts.verb ?? VERB_BY_METHOD[upper] ?? upper.toLowerCase(), resource, kind: opts.kind ?? resource, namespace: '', name: '' },
    });
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private counted(verb: string, ref: ResourceRef, namespace: string | undefined, name: string): Counted {
    return { verb, resource: ref.resource, kind: ref.kind ?? ref.resource, namespace: namespace ?? '', name };
  }

  private async throttle(signal: AbortSignal | undefined): Promise<boolean> {
    if (!this.limiter) return !signal?.aborted;
    return this.limiter.take(signal);
  }

  private async headers(
    opts: { accept?: string; contentType?: string; extra?: Record<string, string> },
    forceRefresh = false,
  ): Promise<Record<string, string>> {
    const auth = this.connection.refreshHeaders ? await this.connection.refreshHeaders(forceRefresh) : {};
    const headers: Record<string, string> = { ...this.connection.headers, ...auth, 'User-Agent': this.userAgent };
    if (opts.accept) headers['Accept'] = opts.accept;
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
    return { ...headers, ...opts.extra };
  }

  /**
   * Rate limit, send, count; retries a stale keep-alive socket once, a 401 once after refreshing
   * rotating credentials, and 429 / 5xx-with-Retry-After up to maxRetries times.
   */
  private async send(method: string, path: string, opts: SendOptions): Promise<HttpResponse> {
    let staleRetried = false;
    let authRefreshed = false;
    let forceRefresh = false;
    for (let attempt = 0; ; attempt++) {
      if (!(await this.throttle(opts.signal))) throw new RequestAbortedError(method, path);
      const headers = await this.headers(
        { accept: opts.accept ?? 'application/json', contentType: opts.contentType, extra: opts.headers },
        forceRefresh,
      );
      const started = this.clock.now();
      let res: HttpResponse;
      try {
        res = await sendRequest(this.connection, {
          method,
          path,
          headers,
          body: opts.body,
          signal: opts.signal,
          timeoutMs: opts.timeoutMs ?? this.timeoutMs,
        });
      } catch (err) {
        this.metrics.record({ ...opts.counted, statusCode: 0, durationMs: this.clock.now() - started });
        if (isStaleSocketError(err) && !staleRetried) {
          staleRetried = true;
          continue;
        }
        throw err;
      }
      this.metrics.record({ ...opts.counted, statusCode: res.statusCode, durationMs: this.clock.now() - started });
      if (res.statusCode >= 200 && res.statusCode < 300) return res;

      if (res.statusCode === 401 && this.connection.refreshHeaders && !authRefreshed) {
        authRefreshed = true;
        forceRefresh = true;
        continue;
      }
      forceRefresh = false;
      const retryAfter = headerValue(res.headers['retry-after']);
      const retryable = res.statusCode === 429 || (res.statusCode >= 500 && retryAfter !== undefined);
      if (retryable && attempt < this.maxRetries) {
        const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
        const waitMs = Number.isFinite(seconds) ? seconds * 1000 : Math.min(1000 * 2 ** attempt, 10_000);
        await sleep(Math.min(MAX_RETRY_WAIT_MS, Math.max(0, waitMs)), opts.signal, this.clock);
        if (opts.signal?.aborted) throw new RequestAbortedError(method, path);
        continue;
      }
      throw errorFromResponse(res.statusCode, res.body, retryAfter);
    }
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function writeQuery(opts: WriteOptions): Record<string, QueryValue> {
  return {
    fieldManager: opts.fieldManager,
    dryRun: opts.dryRun ? 'All' : undefined,
    fieldValidation: opts.fieldValidation,
  };
}

function deleteOptionsBody(opts: DeleteOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  if (opts.propagationPolicy) body['propagationPolicy'] = opts.propagationPolicy;
  if (opts.gracePeriodSeconds !== undefined) body['gracePeriodSeconds'] = opts.gracePeriodSeconds;
  if (opts.preconditions) body['preconditions'] = opts.preconditions;
  if (opts.dryRun) body['dryRun'] = ['All'];
  return body;
}

/** List items of built-in kinds come without apiVersion/kind; give them the ref's. */
export function fillTypeMeta(ref: ResourceRef, items: KubeObject[]): void {
  if (!ref.kind) return;
  const apiVersion = apiVersionOfRef(ref);
  for (const item of items) {
    if (!item.apiVersion) item.apiVersion = apiVersion;
    if (!item.kind) item.kind = ref.kind;
  }
}
