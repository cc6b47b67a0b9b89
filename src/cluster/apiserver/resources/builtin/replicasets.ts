/** apps/v1 replicasets. */
import type { KubeObject } from '../../../store/object.ts';
import { child, num, obj, setDefault } from './access.ts';
import { defineBuiltin } from './define.ts';
import { BUILTIN_SCALE } from './deployments.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { validateReplicatedSpec, validateSelectorImmutable } from './workload-validation.ts';

function defaults(o: KubeObject): void {
  const spec = child(o, 'spec');
  setDefault(spec, 'replicas', 1);
  defaultPodTemplate(spec);
}

export const replicasets = defineBuiltin({
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  statusSubresource: true,
  scale: BUILTIN_SCALE,
  selectableFields: { 'status.replicas': (o) => String(num(obj(o['status'])?.['replicas']) ?? 0) },
  defaults,
  // ValidateReplicaSetSpec reuses the deployment wording for an empty selector.
  validate: (o, old) => [
    ...validateName(o, isDns1123Subdomain),
    ...validateReplicatedSpec(obj(o['spec']) ?? {}, 'deployment'),
    ...validateSelectorImmutable(o, old),
  ],
  prepareForCreate: (o) => {
    o['status'] = { replicas: 0 };
  },
});
