/**
 * Discovery: which resources the server serves, read from `/api` and `/apis` (preferred version of
 * every group) and turned into ResourceRefs with their verbs and subresources.
 */
import type { APIGroupList, APIResourceList, APIVersions } from 'kubernetes-types/meta/v1.js';
import type { KubeClient } from '../../../../kube/client.ts';
import { errText, type KubeLogger } from '../../../../kube/log.ts';
import type { ResourceRef } from '../../../../kube/resources.ts';

export interface ApiResource {
  ref: ResourceRef & { kind: string };
  verbs: readonly string[];
  /** `status`, `scale`, `eviction`, … */
  subresources: readonly string[];
}

function splitGroupVersion(gv: string): { group: string; version: string } {
  const slash = gv.indexOf('/');
  return slash === -1 ? { group: '', version: gv } : { group: gv.slice(0, slash), version: gv.slice(slash + 1) };
}

/** The resources of one APIResourceList, subresources folded into their parent. */
export function parseResourceList(list: APIResourceList): ApiResource[] {
  const { group, version } = splitGroupVersion(list.groupVersion);
  const byName = new Map<string, ApiResource & { subresources: string[] }>();
  for (const r of list.resources ?? []) {
    if (r.name.includes('/')) continue;
    byName.set(r.name, {
      ref: { group, version, resource: r.name, namespaced: r.namespaced, kind: r.kind },
      verbs: [...(r.verbs ?? [])],
      subresources: [],
    });
  }
  for (const r of list.resources ?? []) {
    const slash = r.name.indexOf('/');
    if (slash === -1) continue;
    byName.get(r.name.slice(0, slash))?.subresources.push(r.name.slice(slash + 1));
  }
  return [...byName.values()];
}

/** `v1` plus the preferred group-version of every group in an APIGroupList. */
export function preferredGroupVersions(core: APIVersions | undefined, groups: APIGroupList | undefined): string[] {
  const out = core?.versions?.includes('v1') ? ['v1'] : [];
  for (const g of groups?.groups ?? []) {
    const gv = g.preferredVersion?.groupVersion ?? g.versions[0]?.groupVersion;
    if (gv) out.push(gv);
  }
  return out;
}

export function hasVerbs(r: ApiResource, ...verbs: string[]): boolean {
  return verbs.every((v) => r.verbs.includes(v));
}

/** `/api/v1` or `/apis/{group}/{version}`. */
function groupVersionPath(gv: string): string {
  return gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`;
}

/**
 * Reads every served resource (preferred versions). A group-version that fails is skipped and
 * logged, so one broken group does not hide the rest.
 */
export async function fetchApiResources(client: KubeClient, logger: KubeLogger, signal?: AbortSignal): Promise<ApiResource[]> {
  const [core, groups] = await Promise.all([
    client.request<APIVersions>('GET', '/api', { signal }),
    client.request<APIGroupList>('GET', '/apis', { signal }),
  ]);
  const lists = await Promise.all(
    preferredGroupVersions(core, groups).map(async (gv) => {
      try {
        return parseResourceList(await client.request<APIResourceList>('GET', groupVersionPath(gv), { signal }));
      } catch (err) {
        logger.warn({ groupVersion: gv, err: errText(err) }, 'discovery of a group-version failed; skipping it');
        return [];
      }
    }),
  );
  return lists.flat();
}
