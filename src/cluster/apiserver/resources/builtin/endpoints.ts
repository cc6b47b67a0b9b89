/** core/v1 endpoints and discovery.k8s.io/v1 endpointslices. */
import { fieldNotSupported, fieldRequired } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { objs, setDefault } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];

export const endpoints = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'endpoints',
  kind: 'Endpoints',
  singular: 'endpoints',
  listKind: 'EndpointsList',
  namespaced: true,
  shortNames: ['ep'],
  defaults: (o: KubeObject) => {
    for (const subset of objs(o['subsets'])) for (const port of objs(subset['ports'])) setDefault(port, 'protocol', 'TCP');
  },
  validate: (o) => validateName(o, isDns1123Subdomain),
});

export const endpointslices = defineBuiltin({
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  kind: 'EndpointSlice',
  namespaced: true,
  defaults: (o: KubeObject) => {
    for (const port of objs(o['ports'])) setDefault(port, 'protocol', 'TCP');
  },
  validate: (o) => {
    const causes = validateName(o, isDns1123Subdomain);
    const type = o['addressType'];
    if (type === undefined || type === null || type === '') causes.push(fieldRequired('addressType'));
    else if (!ADDRESS_TYPES.includes(String(type))) causes.push(fieldNotSupported('addressType', type, ADDRESS_TYPES));
    return causes;
  },
});
