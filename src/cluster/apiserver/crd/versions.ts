/**
 * CRD version helpers: the storage version, served versions, and Kubernetes' version priority
 * (v1 > v1beta1 > v1alpha1 > non-kube-like names), which orders versions in discovery.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from 'kubernetes-types/apiextensions/v1.js';

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

interface Parsed {
  major: number;
  stage: number; // 2 GA, 1 beta, 0 alpha
  minor: number;
}

function parse(v: string): Parsed | undefined {
  const m = KUBE_VERSION.exec(v);
  if (!m) return undefined;
  return { major: Number(m[1]), stage: m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0, minor: m[3] === undefined ? 0 : Number(m[3]) };
}

/** Sort comparator putting the highest-priority version first (CompareKubeAwareVersionStrings). */
export function compareVersionPriority(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa && !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (!pa) return 1;
  if (!pb) return -1;
  if (pa.stage !== pb.stage) return pb.stage - pa.stage;
  if (pa.major !== pb.major) return pb.major - pa.major;
  return pb.minor - pa.minor;
}

export function crdVersions(crd: CustomResourceDefinition): CustomResourceDefinitionVersion[] {
  const versions = crd.spec?.versions;
  return Array.isArray(versions) ? versions.filter((v) => typeof v === 'object' && v !== null) : [];
}

export function storageVersion(crd: CustomResourceDefinition): CustomResourceDefinitionVersion | undefined {
  return crdVersions(crd).find((v) => v.storage === true);
}

/** Served version names, highest priority first. */
export function servedVersionNames(crd: CustomResourceDefinition): string[] {
  return crdVersions(crd)
    .filter((v) => v.served === true && typeof v.name === 'string' && v.name !== '')
    .map((v) => v.name)
    .sort(compareVersionPriority);
}
