/** networking.k8s.io/v1 ingresses. */
import { fieldNotSupported, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { isUnset, obj, objs } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validatePaths(o: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  objs(obj(o['spec'])?.['rules']).forEach((rule, i) => {
    objs(obj(rule['http'])?.['paths']).forEach((path, j) => {
      const field = `spec.rules[${i}].http.paths[${j}].pathType`;
      const type = path['pathType'];
      if (isUnset(type)) causes.push(fieldRequired(field, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(String(type))) causes.push(fieldNotSupported(field, type, PATH_TYPES));
    });
  });
  return causes;
}

export const ingresses = defineBuiltin({
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingresses',
  kind: 'Ingress',
  singular: 'ingress',
  namespaced: true,
  shortNames: ['ing'],
  statusSubresource: true,
  validate: (o) => [...validateName(o, isDns1123Subdomain), ...validatePaths(o)],
  prepareForCreate: (o) => {
    o['status'] = { loadBalancer: {} };
  },
});
