import type { ResourceRegistry } from '../resources/registry.ts';
import type { ResourceType } from '../resources/types.ts';

/** GET /api */
export function apiVersions(): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
  };
}

function groupEntry(group: string, versions: string[]): unknown {
  const list = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

/** GET /apis */
export function apiGroupList(registry: ResourceRegistry): unknown {
  const groups = [...registry.groupVersions()]
    .filter(([g]) => g !== '')
    .sort(([a], [b]) => groupOrder(a) - groupOrder(b) || a.localeCompare(b))
    .map(([g, versions]) => groupEntry(g, versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** GET /apis/{group} */
export function apiGroup(registry: ResourceRegistry, group: string): unknown | undefined {
  const versions = registry.groupVersions().get(group);
  if (!versions || group === '') return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...(groupEntry(group, versions) as object) };
}

/** GET /api/v1 and /apis/{group}/{version} */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): unknown | undefined {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const rt of types.sort((a, b) => a.resource.localeCompare(b.resource))) {
    resources.push(resourceEntry(rt));
    if (rt.statusSubresource) resources.push({ name: `${rt.resource}/status`, singularName: '', namespaced: rt.namespaced, kind: rt.kind, verbs: ['get', 'patch', 'update'] });
    if (rt.scale) {
      resources.push({ name: `${rt.resource}/scale`, singularName: '', namespaced: rt.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
    }
    for (const sub of rt.extraSubresources ?? []) {
      const kind = sub === 'eviction' ? 'Eviction' : sub === 'binding' ? 'Binding' : rt.kind;
      const extra = sub === 'eviction' ? { group: 'policy', version: 'v1' } : {};
      resources.push({ name: `${rt.resource}/${sub}`, singularName: '', namespaced: rt.namespaced, ...extra, kind, verbs: ['create'] });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function resourceEntry(rt: ResourceType): unknown {
  const entry: Record<string, unknown> = {
    name: rt.resource,
    singularName: rt.singular,
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: rt.verbs,
  };
  if (rt.shortNames.length > 0) entry.shortNames = rt.shortNames;
  if (rt.categories.length > 0) entry.categories = rt.categories;
  return entry;
}

/** Built-in groups first, in the order kube-apiserver lists them; CRD groups after. */
function groupOrder(group: string): number {
  const order = ['apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch', 'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io'];
  const i = order.indexOf(group);
  return i === -1 ? order.length : i;
}
