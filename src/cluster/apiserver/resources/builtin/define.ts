/** Shorthand for declaring a built-in resource with Kubernetes' usual discovery values filled in. */
import type { ResourceType } from '../types.ts';

/** The verbs of a resource with full REST support (kubectl api-resources -o wide). */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Namespaces cannot be deleted as a collection. */
export const VERBS_WITHOUT_DELETECOLLECTION = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

export type BuiltinSpec = Pick<ResourceType, 'group' | 'version' | 'resource' | 'kind' | 'namespaced'> &
  Partial<Omit<ResourceType, 'group' | 'version' | 'resource' | 'kind' | 'namespaced'>>;

export function defineBuiltin(spec: BuiltinSpec): ResourceType {
  return {
    versions: [spec.version],
    singular: spec.kind.toLowerCase(),
    listKind: `${spec.kind}List`,
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    statusSubresource: false,
    ...spec,
  };
}
