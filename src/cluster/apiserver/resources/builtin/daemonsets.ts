/** apps/v1 daemonsets: served for completeness (no controller runs them). */
import type { KubeObject } from '../../../store/object.ts';
import { child, obj, setDefault } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { controllerRules, validateSelectorAndTemplate, validateSelectorImmutable } from './workload-validation.ts';

function daemonSetDefaults(o: KubeObject): void {
  const spec = child(o, 'spec');
  const strategy = child(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy['type'] === 'RollingUpdate') {
    const rolling = child(strategy, 'rollingUpdate');
    setDefault(rolling, 'maxUnavailable', 1);
    setDefault(rolling, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec);
}

export const daemonsets = defineBuiltin({
  group: 'apps',
  version: 'v1',
  resource: 'daemonsets',
  kind: 'DaemonSet',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  statusSubresource: true,
  defaults: daemonSetDefaults,
  validate: (o, old) => [
    ...validateName(o, isDns1123Subdomain),
    ...validateSelectorAndTemplate(obj(o['spec']) ?? {}, controllerRules('daemonset')),
    ...validateSelectorImmutable(o, old),
  ],
  prepareForCreate: (o) => {
    o['status'] = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  },
});
