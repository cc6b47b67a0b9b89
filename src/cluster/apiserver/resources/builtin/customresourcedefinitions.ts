/** apiextensions.k8s.io/v1 customresourcedefinitions: defaults, basic validation, status reset. */
import { fieldInvalid, fieldNotSupported, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { child, isUnset, obj, objs, setDefault, str, type Obj } from './access.ts';
import { defineBuiltin } from './define.ts';
import { isDns1123Subdomain } from './names.ts';

function defaults(o: KubeObject): void {
  const spec = child(o, 'spec');
  const names = child(spec, 'names');
  const kind = str(names['kind']) ?? '';
  setDefault(names, 'singular', kind.toLowerCase());
  if (kind !== '') setDefault(names, 'listKind', `${kind}List`);
  if (!obj(spec['conversion'])) spec['conversion'] = { strategy: 'None' };
}

function validate(o: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec: Obj = obj(o['spec']) ?? {};
  const names = obj(spec['names']) ?? {};
  const group = str(spec['group']) ?? '';
  const plural = str(names['plural']) ?? '';
  const name = o.metadata.name ?? '';
  if (name === '') causes.push(fieldRequired('metadata.name', 'name or generateName is required'));
  else if (name !== `${plural}.${group}` && isDns1123Subdomain(name).length === 0) causes.push(fieldInvalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  if (group === '') causes.push(fieldRequired('spec.group'));
  else if (!group.includes('.')) causes.push(fieldInvalid('spec.group', group, 'should be a domain with at least one dot'));
  else for (const m of isDns1123Subdomain(group)) causes.push(fieldInvalid('spec.group', group, m));
  if (plural === '') causes.push(fieldRequired('spec.names.plural'));
  if (isUnset(names['kind'])) causes.push(fieldRequired('spec.names.kind'));
  const scope = spec['scope'];
  if (isUnset(scope)) causes.push(fieldRequired('spec.scope'));
  else if (scope !== 'Cluster' && scope !== 'Namespaced') causes.push(fieldNotSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  const versions = objs(spec['versions']);
  if (versions.length === 0) causes.push(fieldRequired('spec.versions', 'must have exactly one version marked as storage version'));
  else if (versions.filter((v) => v['storage'] === true).length !== 1) {
    causes.push(fieldInvalid('spec.versions', versions.map((v) => str(v['name']) ?? ''), 'must have exactly one version marked as storage version'));
  }
  return causes;
}

export const customresourcedefinitions = defineBuiltin({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  resource: 'customresourcedefinitions',
  kind: 'CustomResourceDefinition',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  statusSubresource: true,
  defaults,
  validate,
  prepareForCreate: (o) => {
    const storage = objs(obj(o['spec'])?.['versions']).find((v) => v['storage'] === true);
    const name = str(storage?.['name']);
    o['status'] = { acceptedNames: { plural: '', kind: '' }, storedVersions: name ? [name] : [] };
  },
});
