/** core/v1 nodes. */
import type { KubeObject } from '../../../store/object.ts';
import { isObj, obj } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

function defaults(o: KubeObject): void {
  // SetDefaults_NodeStatus: allocatable defaults to capacity.
  const status = obj(o['status']);
  if (status && isObj(status['capacity']) && !isObj(status['allocatable'])) {
    status['allocatable'] = { ...status['capacity'] };
  }
}

export const nodes = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'nodes',
  kind: 'Node',
  namespaced: false,
  shortNames: ['no'],
  statusSubresource: true,
  selectableFields: { 'spec.unschedulable': (o) => String(obj(o['spec'])?.['unschedulable'] === true) },
  defaults,
  validate: (o) => validateName(o, isDns1123Subdomain),
  // Unlike most kinds a node keeps the status it is created with (the kubelet registers with it).
  prepareForCreate: () => undefined,
});
