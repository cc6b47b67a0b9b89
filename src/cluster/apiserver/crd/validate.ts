/**
 * Static validation of a CustomResourceDefinition (apiextensions.k8s.io/v1), with the apiserver's
 * field paths and messages. Expects a defaulted CRD (see defaultCrd): a missing singular or
 * listKind is not reported. `nameInUse` reports a plural already served by another resource.
 */
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1.js';
import type { StatusCause } from '../errors.ts';
import { invalid, notSupported, required } from '../schema/causes.ts';
import { isDns1035Label, isDns1123Subdomain } from './names.ts';
import { validateStructuralSchema } from './validate-schema.ts';
import { crdVersions } from './versions.ts';

export type NameInUse = (group: string, plural: string) => boolean;

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function validateMetadataName(crd: CustomResourceDefinition, plural: string, group: string): StatusCause[] {
  const name = text(crd.metadata?.name);
  if (name === '') return [required('metadata.name', 'name or generateName is required')];
  const errs = isDns1123Subdomain(name);
  if (name !== `${plural}.${group}`) errs.push('must be spec.names.plural+"."+spec.group');
  return errs.map((e) => invalid('metadata.name', name, e));
}

function validateGroup(group: string): StatusCause[] {
  if (group === '') return [required('spec.group')];
  const errs = isDns1123Subdomain(group);
  if (errs.length > 0) return [invalid('spec.group', group, errs.join(','))];
  if (group.split('.').length < 2) return [invalid('spec.group', group, 'should be a domain with at least one dot')];
  return [];
}

function validateScope(scope: unknown): StatusCause[] {
  if (scope === undefined || scope === null || scope === '') return [required('spec.scope')];
  if (scope !== 'Cluster' && scope !== 'Namespaced') return [notSupported('spec.scope', scope, ['Cluster', 'Namespaced'])];
  return [];
}

function validateNames(crd: CustomResourceDefinition): StatusCause[] {
  const out: StatusCause[] = [];
  const names = crd.spec?.names ?? { plural: '', kind: '' };
  const plural = text(names.plural);
  const singular = text(names.singular);
  const kind = text(names.kind);
  const listKind = text(names.listKind);
  if (plural === '') out.push(required('spec.names.plural'));
  if (kind === '') out.push(required('spec.names.kind'));
  const label = (field: string, value: string, mixedCase: boolean): void => {
    if (value === '') return;
    const errs = isDns1035Label(mixedCase ? value.toLowerCase() : value);
    if (errs.length > 0) out.push(invalid(field, value, `${mixedCase ? 'may have mixed case, but should otherwise match: ' : ''}${errs.join(',')}`));
  };
  label('spec.names.plural', plural, false);
  label('spec.names.singular', singular, false);
  label('spec.names.kind', kind, true);
  label('spec.names.listKind', listKind, true);
  (Array.isArray(names.shortNames) ? names.shortNames : []).forEach((s, i) => label(`spec.names.shortNames[${i}]`, text(s), false));
  if (kind !== '' && kind === listKind) out.push(invalid('spec.names.listKind', listKind, 'kind and listKind may not be the same'));
  (Array.isArray(names.categories) ? names.categories : []).forEach((c, i) => label(`spec.names.categories[${i}]`, text(c), false));
  return out;
}

function validateVersions(crd: CustomResourceDefinition): StatusCause[] {
  const out: StatusCause[] = [];
  const versions = crdVersions(crd);
  const names = versions.map((v) => text(v.name));
  if (versions.length === 0) return [required('spec.versions', 'must have exactly one version marked as storage version')];
  versions.forEach((v, i) => {
    const path = `spec.versions[${i}]`;
    const name = text(v.name);
    if (name === '') out.push(required(`${path}.name`));
    else {
      const errs = isDns1035Label(name);
      if (errs.length > 0) out.push(invalid(`${path}.name`, name, errs.join(',')));
    }
    if (typeof v.served !== 'boolean') out.push(required(`${path}.served`));
    if (typeof v.storage !== 'boolean') out.push(required(`${path}.storage`));
    const schema = v.schema?.openAPIV3Schema;
    if (typeof schema !== 'object' || schema === null) out.push(required(`${path}.schema.openAPIV3Schema`, 'schemas are required'));
    else out.push(...validateStructuralSchema(schema, `${path}.schema.openAPIV3Schema`));
  });
  if (new Set(names).size !== names.length) out.push(invalid('spec.versions', names, 'must contain unique version names'));
  if (versions.filter((v) => v.storage === true).length !== 1) {
    out.push(invalid('spec.versions', names, 'must have exactly one version marked as storage version'));
  }
  if (!versions.some((v) => v.served === true)) out.push(invalid('spec.versions', names, 'must have at least one version marked as served'));
  return out;
}

export function validateCrd(crd: CustomResourceDefinition, nameInUse?: NameInUse): StatusCause[] {
  const group = text(crd.spec?.group);
  const plural = text(crd.spec?.names?.plural);
  const out = [
    ...validateMetadataName(crd, plural, group),
    ...validateGroup(group),
    ...validateScope(crd.spec?.scope),
    ...validateVersions(crd),
    ...validateNames(crd),
  ];
  if (group !== '' && plural !== '' && nameInUse?.(group, plural)) {
    out.push(invalid('spec.names.plural', plural, `"${plural}.${group}" is already in use`));
  }
  return out;
}
