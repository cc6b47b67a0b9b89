/**
 * One REST operation of a resource, shaped like the apiserver's: tags, operationId,
 * x-kubernetes-action and x-kubernetes-group-version-kind (a single object on operations), the
 * query parameters kubectl probes for (fieldValidation, dryRun, fieldManager, force on PATCH),
 * and request/response bodies referencing component schemas.
 */
import { DELETE_PARAMETERS, LIST_PARAMETERS, PATCH_PARAMETERS, WRITE_PARAMETERS } from './parameters.ts';
import type { GroupVersionKind, MediaType, Operation, ParameterObject } from './types.ts';

/**
 * Content types declared for PATCH request bodies. Strategic merge patch is deliberately not
 * declared: kubectl would then compute client-side apply patches from these (schema-less)
 * documents; without it kubectl uses its compiled-in types for built-in kinds (see README.md).
 */
export const PATCH_CONTENT_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'];

export type Action = 'list' | 'post' | 'deletecollection' | 'get' | 'put' | 'patch' | 'delete';

export interface OperationSpec {
  action: Action;
  operationId: string;
  description: string;
  tag: string;
  gvk: GroupVersionKind;
  /** Component schema of the request body (post, put, patch) and of the 200 response. */
  bodyRef: string;
  /** Component schema of the list response (list only). */
  listRef?: string;
  statusRef: string;
  deleteOptionsRef: string;
}

function ref(name: string): MediaType {
  return { schema: { $ref: `#/components/schemas/${name}` } };
}

function json(name: string): Record<string, MediaType> {
  return { 'application/json': ref(name), 'application/yaml': ref(name) };
}

function parametersFor(action: Action): ParameterObject[] {
  switch (action) {
    case 'list':
      return LIST_PARAMETERS;
    case 'post':
    case 'put':
      return WRITE_PARAMETERS;
    case 'patch':
      return PATCH_PARAMETERS;
    case 'delete':
      return DELETE_PARAMETERS;
    case 'deletecollection':
      return [...DELETE_PARAMETERS, ...LIST_PARAMETERS.filter((p) => p.name !== 'watch' && p.name !== 'allowWatchBookmarks')];
    case 'get':
      return [];
  }
}

export function operation(spec: OperationSpec): Operation {
  const op: Operation = {
    tags: [spec.tag],
    description: spec.description,
    operationId: spec.operationId,
    responses: { '200': { description: 'OK', content: json(spec.action === 'list' && spec.listRef ? spec.listRef : spec.bodyRef) }, '401': { description: 'Unauthorized' } },
    'x-kubernetes-action': spec.action,
    'x-kubernetes-group-version-kind': spec.gvk,
  };
  const params = parametersFor(spec.action);
  if (params.length > 0) op.parameters = params;
  if (spec.action === 'post' || spec.action === 'put') {
    op.requestBody = { content: { '*/*': ref(spec.bodyRef) }, required: true };
    op.responses['201'] = { description: 'Created', content: json(spec.bodyRef) };
    if (spec.action === 'post') op.responses['202'] = { description: 'Accepted', content: json(spec.bodyRef) };
  }
  if (spec.action === 'patch') {
    const patchSchema: MediaType = { schema: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } };
    op.requestBody = { content: Object.fromEntries(PATCH_CONTENT_TYPES.map((t) => [t, patchSchema])), required: true };
    op.responses['201'] = { description: 'Created', content: json(spec.bodyRef) };
  }
  if (spec.action === 'delete' || spec.action === 'deletecollection') {
    op.requestBody = { content: { '*/*': ref(spec.deleteOptionsRef) }, required: false };
    op.responses['200'] = { description: 'OK', content: json(spec.statusRef) };
    op.responses['202'] = { description: 'Accepted', content: json(spec.statusRef) };
  }
  return op;
}
