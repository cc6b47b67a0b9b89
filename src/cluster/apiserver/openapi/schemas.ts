/**
 * Component schemas: a custom resource's CRD schema as given (plus the GVK tag, and apiVersion,
 * kind and metadata properties when the CRD leaves them out), a permissive object schema for
 * built-in kinds, list schemas, and the meta/v1 types operations refer to.
 */
import { cloneJson } from '../../../util/json.ts';
import type { ResourceType } from '../resources/types.ts';
import type { GroupVersionKind, SchemaObject } from './types.ts';

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const STATUS = `${META}.Status`;
export const DELETE_OPTIONS = `${META}.DeleteOptions`;
export const OBJECT_META = `${META}.ObjectMeta`;
export const LIST_META = `${META}.ListMeta`;
export const PATCH = `${META}.Patch`;
export const SCALE = 'io.k8s.api.autoscaling.v1.Scale';

const API_VERSION_DESCRIPTION =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DESCRIPTION =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

function refTo(name: string): SchemaObject {
  return { $ref: `#/components/schemas/${name}` };
}

function permissive(description: string, gvk?: GroupVersionKind): SchemaObject {
  const s: SchemaObject = { description, type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  if (gvk) s['x-kubernetes-group-version-kind'] = [gvk];
  return s;
}

function typeMetaProperties(): Record<string, SchemaObject> {
  return {
    apiVersion: { description: API_VERSION_DESCRIPTION, type: 'string' },
    kind: { description: KIND_DESCRIPTION, type: 'string' },
  };
}

export function kindSchema(rt: ResourceType, gvk: GroupVersionKind): SchemaObject {
  if (!rt.schema) return permissive(`${gvk.kind} (${rt.group === '' ? '' : `${rt.group}/`}${gvk.version}); the schema is not published by this server.`, gvk);
  const s = cloneJson(rt.schema) as unknown as SchemaObject;
  const props = typeof s.properties === 'object' && s.properties !== null && !Array.isArray(s.properties) ? (s.properties as Record<string, unknown>) : undefined;
  if (props) {
    const meta = typeMetaProperties();
    if (!('apiVersion' in props)) props.apiVersion = meta.apiVersion;
    if (!('kind' in props)) props.kind = meta.kind;
    if (!('metadata' in props)) props.metadata = refTo(OBJECT_META);
  }
  s['x-kubernetes-group-version-kind'] = [gvk];
  return s;
}

export function listSchema(itemSchema: string, gvk: GroupVersionKind): SchemaObject {
  return {
    description: `${gvk.kind} is a list of ${gvk.kind.replace(/List$/, '')}`,
    type: 'object',
    required: ['items'],
    properties: {
      ...typeMetaProperties(),
      items: { type: 'array', items: refTo(itemSchema) },
      metadata: refTo(LIST_META),
    },
    'x-kubernetes-group-version-kind': [gvk],
  };
}

/** meta/v1 schemas every document refers to. */
export function commonSchemas(): Record<string, SchemaObject> {
  return {
    [STATUS]: permissive('Status is a return value for calls that don\'t return other objects.', { group: '', version: 'v1', kind: 'Status' }),
    [DELETE_OPTIONS]: permissive('DeleteOptions may be provided when deleting an API object.'),
    [OBJECT_META]: permissive('ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.'),
    [LIST_META]: permissive('ListMeta describes metadata that synthetic resources must have, including lists and various status objects.'),
    [PATCH]: { description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', type: 'object' },
  };
}

export function scaleSchema(): SchemaObject {
  return permissive('Scale represents a scaling request for a resource.', { group: 'autoscaling', version: 'v1', kind: 'Scale' });
}
