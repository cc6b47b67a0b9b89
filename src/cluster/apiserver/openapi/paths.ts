/**
 * Path items of one resource in one group-version: collection and item paths (namespaced, plus the
 * all-namespaces list; or cluster-scoped), and the status and scale subresources when served.
 * Only verbs the resource supports get an operation.
 */
import type { ResourceType } from '../resources/types.ts';
import { groupVersionPath, isCustomResource, operationGroup, operationTag, type GroupVersion } from './names.ts';
import { operation, type Action } from './operations.ts';
import { NAME, NAMESPACE, PRETTY } from './parameters.ts';
import { DELETE_OPTIONS, SCALE, STATUS } from './schemas.ts';
import type { GroupVersionKind, PathItem } from './types.ts';

const VERB_OF: Record<Action, string> = {
  list: 'list',
  post: 'create',
  deletecollection: 'deletecollection',
  get: 'get',
  put: 'update',
  patch: 'patch',
  delete: 'delete',
};

const ID_PREFIX: Record<Action, string> = {
  list: 'list',
  post: 'create',
  deletecollection: 'deleteCollection',
  get: 'read',
  put: 'replace',
  patch: 'patch',
  delete: 'delete',
};

const DESCRIPTION: Record<Action, string> = {
  list: 'list or watch objects of kind',
  post: 'create',
  deletecollection: 'delete collection of',
  get: 'read the specified',
  put: 'replace the specified',
  patch: 'partially update the specified',
  delete: 'delete',
};

interface Context {
  rt: ResourceType;
  gv: GroupVersion;
  gvk: GroupVersionKind;
  kindRef: string;
  listRef: string;
}

function build(ctx: Context, actions: Action[], idSuffix: string, describe: string, gvk = ctx.gvk, bodyRef = ctx.kindRef): PathItem {
  const item: PathItem = {};
  const group = operationGroup(ctx.gv, isCustomResource(ctx.rt));
  for (const action of actions) {
    if (!ctx.rt.verbs.includes(VERB_OF[action])) continue;
    const op = operation({
      action,
      operationId: `${ID_PREFIX[action]}${group}${idSuffix}`,
      description: `${DESCRIPTION[action]} ${describe}`,
      tag: operationTag(ctx.gv),
      gvk,
      bodyRef,
      listRef: ctx.listRef,
      statusRef: STATUS,
      deleteOptionsRef: DELETE_OPTIONS,
    });
    const method = action === 'list' ? 'get' : action === 'post' ? 'post' : action === 'deletecollection' ? 'delete' : action;
    item[method] = op;
  }
  return item;
}

function withParams(item: PathItem, params: PathItem['parameters']): PathItem | undefined {
  if (!item.get && !item.put && !item.post && !item.patch && !item.delete) return undefined;
  return { ...item, parameters: params };
}

export function resourcePaths(rt: ResourceType, gv: GroupVersion, kindRef: string, listRef: string): Record<string, PathItem> {
  const gvk: GroupVersionKind = { group: rt.group, version: gv.version, kind: rt.kind };
  const ctx: Context = { rt, gv, gvk, kindRef, listRef };
  const prefix = `/${groupVersionPath(gv)}`;
  const scope = rt.namespaced ? 'Namespaced' : '';
  const collection = rt.namespaced ? `${prefix}/namespaces/{namespace}/${rt.resource}` : `${prefix}/${rt.resource}`;
  const item = `${collection}/{name}`;
  const scopeParams = rt.namespaced ? [NAMESPACE, PRETTY] : [PRETTY];
  const itemParams = rt.namespaced ? [NAME, NAMESPACE, PRETTY] : [NAME, PRETTY];
  const out: Record<string, PathItem | undefined> = {
    [collection]: withParams(build(ctx, ['list', 'post', 'deletecollection'], `${scope}${rt.kind}`, rt.kind), scopeParams),
    [item]: withParams(build(ctx, ['get', 'put', 'patch', 'delete'], `${scope}${rt.kind}`, rt.kind), itemParams),
  };
  if (rt.namespaced) {
    out[`${prefix}/${rt.resource}`] = withParams(build(ctx, ['list'], `${rt.kind}ForAllNamespaces`, rt.kind), [PRETTY]);
  }
  if (rt.statusSubresource) {
    out[`${item}/status`] = withParams(build(ctx, ['get', 'put', 'patch'], `${scope}${rt.kind}Status`, `status of the specified ${rt.kind}`), itemParams);
  }
  if (rt.scale) {
    const scaleGvk: GroupVersionKind = { group: 'autoscaling', version: 'v1', kind: 'Scale' };
    out[`${item}/scale`] = withParams(build(ctx, ['get', 'put', 'patch'], `${scope}${rt.kind}Scale`, `scale of the specified ${rt.kind}`, scaleGvk, SCALE), itemParams);
  }
  const paths: Record<string, PathItem> = {};
  for (const [p, v] of Object.entries(out)) if (v) paths[p] = v;
  return paths;
}

