/**
 * Naming used in the published OpenAPI: group-version paths (`api/v1`, `apis/apps/v1`), component
 * schema names (`io.k8s.api.apps.v1.Deployment`, `io.argoproj.v1alpha1.Rollout` for CRDs) and
 * operation ids (`patchAppsV1NamespacedDeployment`).
 */
import type { ResourceType } from '../resources/types.ts';

export interface GroupVersion {
  group: string;
  version: string;
}

export function groupVersionPath(gv: GroupVersion): string {
  return gv.group === '' ? `api/${gv.version}` : `apis/${gv.group}/${gv.version}`;
}

/** Parses `api/v1` or `apis/{group}/{version}`; undefined for anything else. */
export function parseGroupVersionPath(path: string): GroupVersion | undefined {
  const seg = path.replace(/^\/+|\/+$/g, '').split('/');
  if (seg.length === 2 && seg[0] === 'api' && seg[1]) return { group: '', version: seg[1] };
  if (seg.length === 3 && seg[0] === 'apis' && seg[1] && seg[2]) return { group: seg[1], version: seg[2] };
  return undefined;
}

export function isCustomResource(rt: ResourceType): boolean {
  return rt.crdName !== undefined;
}

export function schemaName(rt: ResourceType, version: string, kind: string): string {
  if (isCustomResource(rt)) return `${rt.group.split('.').reverse().join('.')}.${version}.${kind}`;
  if (rt.group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}.${kind}`;
  const short = rt.group === '' ? 'core' : rt.group.endsWith('.k8s.io') ? rt.group.slice(0, -'.k8s.io'.length) : rt.group;
  return `io.k8s.api.${short}.${version}.${kind}`;
}

function camel(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `AppsV1`, `CoreV1`, `NetworkingV1`, `ArgoprojIoV1alpha1`. */
export function operationGroup(gv: GroupVersion, custom: boolean): string {
  const group = gv.group === '' ? 'core' : !custom && gv.group.endsWith('.k8s.io') ? gv.group.slice(0, -'.k8s.io'.length) : gv.group;
  return group.split(/[.-]/).map(camel).join('') + camel(gv.version);
}

/** The tag kubectl-style docs group operations under: `apps_v1`, `core_v1`, `argoproj.io_v1alpha1`. */
export function operationTag(gv: GroupVersion): string {
  return `${gv.group === '' ? 'core' : gv.group}_${gv.version}`;
}
