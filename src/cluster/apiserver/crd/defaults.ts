/**
 * apiextensions.k8s.io/v1 defaulting of a CRD (SetDefaults_CustomResourceDefinition*): singular and
 * listKind from kind, conversion strategy None. Returns a defaulted copy.
 */
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1.js';
import { cloneJson } from '../../../util/json.ts';

export function defaultCrd(crd: CustomResourceDefinition): CustomResourceDefinition {
  const out = cloneJson(crd);
  const spec = out.spec;
  if (typeof spec !== 'object' || spec === null) return out;
  const names = spec.names;
  if (typeof names === 'object' && names !== null && typeof names.kind === 'string' && names.kind !== '') {
    if (!names.singular) names.singular = names.kind.toLowerCase();
    if (!names.listKind) names.listKind = `${names.kind}List`;
  }
  if (!spec.conversion) spec.conversion = { strategy: 'None' };
  return out;
}
