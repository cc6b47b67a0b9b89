/** core/v1 configmaps, secrets and serviceaccounts: plain data kinds with name rules and few defaults. */
import type { KubeObject } from '../../../store/object.ts';
import { child, obj, setDefault, str } from './access.ts';
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

/** v1 → internal conversion: stringData is write-only and overwrites data (base64) on every write. */
function secretDefaults(o: KubeObject): void {
  const stringData = obj(o['stringData']);
  if (stringData && Object.keys(stringData).length > 0) {
    const data = child(o, 'data');
    for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  }
  delete o['stringData'];
  setDefault(o, 'type', 'Opaque');
}

export const secrets = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'secrets',
  kind: 'Secret',
  namespaced: true,
  selectableFields: { type: (o) => str(o['type']) ?? '' },
  defaults: secretDefaults,
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
