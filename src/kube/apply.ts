import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../cluster/store/object.ts';
import type { KubeClient } from './client.ts';
import type { ResourceRef } from './resources.ts';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/**
 * Finds the REST resource of an apiVersion/kind through discovery (`/api/v1`, `/apis/{g}/{v}`),
 * the way kubectl's RESTMapper does; results are cached per client.
 */
export class KindResolver {
  private readonly cache = new Map<string, ApiResource[]>();

  constructor(private readonly client: KubeClient) {}

  async resolve(apiVersion: string, kind: string): Promise<ResourceRef> {
    const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
    const resources = await this.list(group, version, false);
    let found = resources.find((r) => r.kind === kind && !r.name.includes('/'));
    if (!found) found = (await this.list(group, version, true)).find((r) => r.kind === kind && !r.name.includes('/'));
    if (!found) throw new Error(`no matches for kind "${kind}" in version "${apiVersion}"`);
    return { group, version, resource: found.name, namespaced: found.namespaced, kind };
  }

  private async list(group: string, version: string, refresh: boolean): Promise<ApiResource[]> {
    const key = `${group}/${version}`;
    const cached = this.cache.get(key);
    if (cached && !refresh) return cached;
    const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
    let resources: ApiResource[] = [];
    try {
      resources = (await this.client.request<{ resources: ApiResource[] }>('GET', path)).resources ?? [];
    } catch {
      resources = [];
    }
    this.cache.set(key, resources);
    return resources;
  }
}

/** Parses a multi-document YAML (or JSON) manifest into objects, skipping empty documents. */
export function parseManifests(text: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(text, { version: '1.1' })) {
    if (doc.errors.length > 0) throw new Error(`invalid YAML: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('a manifest document must be an object');
    const obj = value as KubeObject;
    if (obj.kind === 'List' && Array.isArray((obj as { items?: unknown }).items)) out.push(...((obj as unknown as { items: KubeObject[] }).items));
    else out.push(obj);
  }
  return out;
}

/**
 * Server-side applies each object (creating or updating it) with `fieldManager`, forcing
 * ownership; namespaced objects without a namespace go to `defaultNamespace`.
 */
export async function applyObjects(client: KubeClient, objects: KubeObject[], opts: { fieldManager: string; defaultNamespace?: string }): Promise<KubeObject[]> {
  const resolver = new KindResolver(client);
  const applied: KubeObject[] = [];
  for (const obj of objects) {
    if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) throw new Error('every manifest needs apiVersion, kind and metadata.name');
    const ref = await resolver.resolve(obj.apiVersion, obj.kind);
    const namespace = ref.namespaced ? obj.metadata.namespace ?? opts.defaultNamespace ?? 'default' : undefined;
    applied.push(await client.patch(ref, namespace, obj.metadata.name, obj, 'apply', { fieldManager: opts.fieldManager, force: true }));
  }
  return applied;
}
