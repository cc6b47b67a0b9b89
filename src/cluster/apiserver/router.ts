import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../store/object.ts';
import type { Store } from '../store/store.ts';
import { isJsonObject } from '../../util/json.ts';
import { ApiError, badRequest, methodNotAllowed, notFound } from './errors.ts';
import { mediaType, parseBody, readBody } from './http/body.ts';
import { parseRequestInfo, type ResourceRequest } from './http/request-info.ts';
import { sendError, sendJson, wantedFormat } from './http/respond.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './handlers/discovery.ts';
import { objectFilter } from './handlers/filter.ts';
import { listObjects } from './handlers/list.ts';
import { patchObject, patchTypeOf } from './handlers/patch.ts';
import { renderList, renderOne } from './handlers/present.ts';
import { serveWatch } from './handlers/watch.ts';
import { buildOpenApiV3Document, buildOpenApiV3Index } from './openapi/index.ts';
import type { ResourceRegistry } from './resources/registry.ts';
import type { ResourceType } from './resources/types.ts';
import { writeContext } from './service/context.ts';
import { checkEviction } from './service/eviction.ts';
import type { DeleteOptions, ObjectService } from './service/object-service.ts';
import { toScale, fromScale } from './service/scale.ts';
import type { Clock } from './service/time.ts';

export interface RouterOptions {
  store: Store;
  registry: ResourceRegistry;
  objects: ObjectService;
  clock: Clock;
  version: { major: string; minor: string; gitVersion: string };
  bookmarkIntervalMs: number;
  maxWatchSeconds: number;
}

/** Dispatches one authenticated request: discovery, OpenAPI, health, and the resource REST API. */
export async function route(req: IncomingMessage, res: ServerResponse, opts: RouterOptions): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const info = parseRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
    if (info.kind === 'nonresource') {
      serveNonResource(req, res, info.segments, url, opts);
      return;
    }
    await serveResource(req, res, info, url.searchParams, opts);
  } catch (err) {
    sendError(res, err);
  }
}

function serveNonResource(req: IncomingMessage, res: ServerResponse, seg: string[], url: URL, opts: RouterOptions): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const { registry } = opts;
  let body: unknown;
  if (path === '/version') body = { ...opts.version, gitCommit: 'vane', gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'n/a', compiler: 'vane', platform: `${process.platform}/${process.arch}` };
  else if (path === '/healthz' || path === '/livez' || path === '/readyz') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  } else if (path === '/api') body = apiVersions();
  else if (path === '/apis') body = apiGroupList(registry);
  else if (seg[0] === 'api' && seg.length === 2) body = apiResourceList(registry, '', seg[1]!);
  else if (seg[0] === 'apis' && seg.length === 2) body = apiGroup(registry, seg[1]!);
  else if (seg[0] === 'apis' && seg.length === 3) body = apiResourceList(registry, seg[1]!, seg[2]!);
  else if (path === '/openapi/v3') body = buildOpenApiV3Index(registry.all());
  else if (seg[0] === 'openapi' && seg[1] === 'v3' && seg.length > 2) body = buildOpenApiV3Document(seg.slice(2).join('/'), registry.all());
  if (body === undefined) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  sendJson(res, 200, body);
}

async function serveResource(req: IncomingMessage, res: ServerResponse, info: ResourceRequest, query: URLSearchParams, opts: RouterOptions): Promise<void> {
  const { registry, objects, store } = opts;
  const rt = registry.lookup(info.group, info.version, info.resource);
  if (!rt) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  if (!rt.namespaced && info.namespace) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  const { namespace, name, subresource, version } = info;
  checkSubresource(rt, subresource, name);
  const now = opts.clock();
  const format = wantedFormat(req.headers.accept);
  const ctx = writeContext(query, req.headers['user-agent']);

  switch (info.verb) {
    case 'get': {
      const obj = objects.get(rt, namespace, name);
      if (subresource === 'scale') return sendJson(res, 200, toScale(rt, obj));
      return sendJson(res, 200, renderOne(rt, version, obj, format, query, now));
    }
    case 'list': {
      const result = listObjects(store, rt, namespace, objectFilter(rt, query), query);
      const { items, ...listMeta } = result;
      return sendJson(res, 200, renderList(rt, version, items, listMeta, format, query, now));
    }
    case 'watch':
      return serveWatch(store, req, res, {
        rt,
        version,
        namespace,
        filter: objectFilter(rt, query, name),
        format,
        query,
        bookmarkIntervalMs: opts.bookmarkIntervalMs,
        maxTimeoutSeconds: opts.maxWatchSeconds,
        now: opts.clock,
      });
    case 'create': {
      const body = parseBody(await readBody(req), mediaType(req.headers['content-type']));
      if (subresource === 'eviction') return evict(res, opts, rt, namespace, name, body);
      if (subresource === 'finalize') return sendJson(res, 200, objects.finalizeNamespace(rt, name, body));
      if (name) throw methodNotAllowed(`the server does not allow this method on the requested resource (post ${rt.resource} ${name})`);
      const created = objects.create(rt, namespace, body, ctx);
      return sendJson(res, 201, renderOne(rt, version, created, 'object', query, now), ctx.warnings);
    }
    case 'update': {
      const body = parseBody(await readBody(req), mediaType(req.headers['content-type']));
      if (subresource === 'finalize') return sendJson(res, 200, objects.finalizeNamespace(rt, name, body));
      if (subresource === 'scale') {
        const old = objects.get(rt, namespace, name);
        const next = fromScale(rt, old, body);
        const rv = next.metadata.resourceVersion;
        const updated = objects.update(rt, namespace, name, { ...next, metadata: { ...next.metadata, resourceVersion: rv } }, '', ctx);
        return sendJson(res, 200, toScale(rt, updated));
      }
      const updated = objects.update(rt, namespace, name, body, subresource, ctx);
      return sendJson(res, 200, renderOne(rt, version, updated, 'object', query, now), ctx.warnings);
    }
    case 'patch': {
      const type = patchTypeOf(mediaType(req.headers['content-type']));
      const body = parseBody(await readBody(req), mediaType(req.headers['content-type']));
      const force = query.get('force') === 'true';
      const { obj, created } = patchObject(objects, { rt, version, namespace, name, subresource, type, body, force, ctx }, now);
      if (subresource === 'scale') return sendJson(res, 200, toScale(rt, obj));
      return sendJson(res, created ? 201 : 200, renderOne(rt, version, obj, 'object', query, now), ctx.warnings);
    }
    case 'delete': {
      const options = await deleteOptions(req, query);
      const { obj } = objects.delete(rt, namespace, name, options);
      return sendJson(res, 200, renderOne(rt, version, obj, 'object', query, now));
    }
    case 'deletecollection': {
      const options = await deleteOptions(req, query);
      const filter = objectFilter(rt, query);
      const { items } = listObjects(store, rt, namespace, filter, new URLSearchParams());
      const deletedItems: KubeObject[] = [];
      for (const item of items) {
        try {
          deletedItems.push(objects.delete(rt, item.metadata.namespace ?? '', item.metadata.name ?? '', options).obj);
        } catch (err) {
          if (!(err instanceof ApiError && err.code === 404)) throw err;
        }
      }
      return sendJson(res, 200, renderList(rt, version, deletedItems, { resourceVersion: String(store.resourceVersion) }, 'object', query, now));
    }
  }
}

function checkSubresource(rt: ResourceType, subresource: string, name: string): void {
  if (!subresource) return;
  const known =
    (subresource === 'status' && rt.statusSubresource) ||
    (subresource === 'scale' && rt.scale !== undefined) ||
    (subresource === 'finalize' && rt.group === '' && rt.resource === 'namespaces') ||
    (rt.extraSubresources ?? []).includes(subresource);
  if (!known || !name) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
}

function evict(res: ServerResponse, opts: RouterOptions, rt: ResourceType, namespace: string, name: string, body: unknown): void {
  if (!(rt.group === '' && rt.resource === 'pods')) throw notFound(rt, name);
  const pod = opts.objects.get(rt, namespace, name);
  checkEviction(opts.store, pod);
  const deleteOpts = isJsonObject(body) && isJsonObject(body.deleteOptions) ? toDeleteOptions(body.deleteOptions) : {};
  opts.objects.delete(rt, namespace, name, deleteOpts);
  sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

async function deleteOptions(req: IncomingMessage, query: URLSearchParams): Promise<DeleteOptions> {
  const raw = await readBody(req);
  const contentType = mediaType(req.headers['content-type']) || 'application/json';
  const fromBody = raw.length > 0 && raw.toString('utf8').trim() ? toDeleteOptions(parseBody(raw, contentType)) : {};
  const propagation = query.get('propagationPolicy');
  const grace = query.get('gracePeriodSeconds');
  const orphan = query.get('orphanDependents');
  const opts: DeleteOptions = { ...fromBody };
  if (propagation) opts.propagationPolicy = checkPropagation(propagation);
  else if (orphan === 'true' && !opts.propagationPolicy) opts.propagationPolicy = 'Orphan';
  if (grace !== null) opts.gracePeriodSeconds = Number(grace);
  if (query.getAll('dryRun').includes('All')) opts.dryRun = true;
  return opts;
}

function toDeleteOptions(body: unknown): DeleteOptions {
  if (!isJsonObject(body)) throw badRequest('DeleteOptions must be an object');
  const opts: DeleteOptions = {};
  if (typeof body.propagationPolicy === 'string') opts.propagationPolicy = checkPropagation(body.propagationPolicy);
  else if (body.orphanDependents === true) opts.propagationPolicy = 'Orphan';
  if (typeof body.gracePeriodSeconds === 'number') opts.gracePeriodSeconds = body.gracePeriodSeconds;
  if (isJsonObject(body.preconditions)) {
    const p = body.preconditions;
    opts.preconditions = {};
    if (typeof p.uid === 'string') opts.preconditions.uid = p.uid;
    if (typeof p.resourceVersion === 'string') opts.preconditions.resourceVersion = p.resourceVersion;
  }
  if (Array.isArray(body.dryRun) && body.dryRun.includes('All')) opts.dryRun = true;
  return opts;
}

function checkPropagation(value: string): NonNullable<DeleteOptions['propagationPolicy']> {
  if (value === 'Background' || value === 'Foreground' || value === 'Orphan') return value;
  throw badRequest(`propagationPolicy: Unsupported value: "${value}": supported values: "Foreground", "Background", "Orphan"`);
}
