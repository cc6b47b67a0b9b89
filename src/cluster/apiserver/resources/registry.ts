import type { ResourceType } from './types.ts';

/** The set of served resources: built-in kinds plus whatever CustomResourceDefinitions add. */
export class ResourceRegistry {
  private readonly byGroupResource = new Map<string, ResourceType>();
  private generation = 0;

  constructor(initial: ResourceType[] = []) {
    for (const rt of initial) this.add(rt);
  }

  /** Bumped on every change, so discovery documents can be cached. */
  get version(): number {
    return this.generation;
  }

  add(rt: ResourceType): void {
    this.byGroupResource.set(tableName(rt), rt);
    this.generation++;
  }

  remove(group: string, resource: string): void {
    if (this.byGroupResource.delete(`${group}/${resource}`)) this.generation++;
  }

  /** The resource served at /apis/{group}/{version}/{resource}, if that version is served. */
  lookup(group: string, version: string, resource: string): ResourceType | undefined {
    const rt = this.byGroupResource.get(`${group}/${resource}`);
    return rt && rt.versions.includes(version) ? rt : undefined;
  }

  byTable(table: string): ResourceType | undefined {
    return this.byGroupResource.get(table);
  }

  all(): ResourceType[] {
    return [...this.byGroupResource.values()];
  }

  /** Group → served versions, preferred (storage) version first. Core group is ''. */
  groupVersions(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const rt of this.byGroupResource.values()) {
      const versions = out.get(rt.group) ?? [];
      for (const v of [rt.version, ...rt.versions]) if (!versions.includes(v)) versions.push(v);
      out.set(rt.group, versions);
    }
    for (const [group, versions] of out) out.set(group, sortVersions(versions));
    return out;
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter((rt) => rt.group === group && rt.versions.includes(version));
  }
}

/** Store table name of a resource: `group/resource` (core group is the empty string). */
export function tableName(rt: Pick<ResourceType, 'group' | 'resource'>): string {
  return `${rt.group}/${rt.resource}`;
}

/** Kubernetes version priority: GA > beta > alpha, higher numbers first. */
export function sortVersions(versions: string[]): string[] {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [3, 0, 0];
    const stability = m[2] === 'alpha' ? 2 : m[2] === 'beta' ? 1 : 0;
    return [stability, -Number(m[1]), -Number(m[3] ?? 0)];
  };
  return [...versions].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.localeCompare(b);
  });
}
