/** core/v1 configmaps, secrets and serviceaccounts: plain data kinds with name rules and few defaults. */
import type { KubeObject } from '../../../store/object.ts';
import { setDefault, str } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

const validateSubdomainName = (o: KubeObject) => validateName(o, isDns1123Subdomain);

export const configmaps = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
  shortNames: ['cm'],
  validate: validateSubdomainName,
});

export const secrets = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'secrets',
  kind: 'Secret',
  namespaced: true,
  selectableFields: { type: (o) => str(o['type']) ?? '' },
  defaults: (o) => setDefault(o, 'type', 'Opaque'),
  validate: validateSubdomainName,
});

export const serviceaccounts = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'serviceaccounts',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  validate: validateSubdomainName,
});
