/** apps/v1 statefulsets: served for completeness (no controller runs them). */
import type { KubeObject } from '../../../store/object.ts';
import { child, obj, setDefault } from './access.ts';
import { nonNegative } from './causes.ts';
import { defineBuiltin } from './define.ts';
import { BUILTIN_SCALE } from './deployments.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { controllerRules, validateSelectorAndTemplate, validateSelectorImmutable } from './workload-validation.ts';

function statefulSetDefaults(o: KubeObject): void {
  const spec = child(o, 'spec');
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = child(spec, 'updateStrategy');
  if (strategy['type'] === undefined || strategy['type'] === '') {
    strategy['type'] = 'RollingUpdate';
    child(strategy, 'rollingUpdate');
  }
  const rolling = obj(strategy['rollingUpdate']);
  if (strategy['type'] === 'RollingUpdate' && rolling) setDefault(rolling, 'partition', 0);
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
  setDefault(retention, 'whenDeleted', 'Retain');
  setDefault(retention, 'whenScaled', 'Retain');
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec);
}

export const statefulsets = defineBuiltin({
  group: 'apps',
  version: 'v1',
  resource: 'statefulsets',
  kind: 'StatefulSet',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  statusSubresource: true,
  scale: BUILTIN_SCALE,
  defaults: statefulSetDefaults,
  validate: (o, old) => {
    const spec = obj(o['spec']) ?? {};
    return [
      ...validateName(o, isDns1123Subdomain),
      ...nonNegative('spec.replicas', spec['replicas']),
      ...validateSelectorAndTemplate(spec, controllerRules('statefulset')),
      ...validateSelectorImmutable(o, old),
    ];
  },
  prepareForCreate: (o) => {
    o['status'] = { replicas: 0, availableReplicas: 0 };
  },
});
