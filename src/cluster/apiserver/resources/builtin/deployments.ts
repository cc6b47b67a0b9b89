/** apps/v1 deployments. */
import { fieldInvalid, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { child, num, obj, setDefault } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateDeploymentStrategy } from './deployment-strategy.ts';
import { nonNegative } from './causes.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { validateReplicatedSpec, validateSelectorImmutable } from './workload-validation.ts';

/** Scale subresource of built-in workloads; labelSelectorPath points at a LabelSelector (see scaleSelectorString). */
export const BUILTIN_SCALE = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.spec.selector',
};

function defaults(o: KubeObject): void {
  const spec = child(o, 'spec');
  setDefault(spec, 'replicas', 1);
  const strategy = child(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy['type'] === 'RollingUpdate') {
    const rolling = child(strategy, 'rollingUpdate');
    setDefault(rolling, 'maxUnavailable', '25%');
    setDefault(rolling, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec);
}

function validate(o: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const spec = obj(o['spec']) ?? {};
  const causes = [
    ...validateName(o, isDns1123Subdomain),
    ...validateReplicatedSpec(spec, 'deployment'),
    ...validateDeploymentStrategy(spec),
    ...nonNegative('spec.revisionHistoryLimit', spec['revisionHistoryLimit']),
    ...nonNegative('spec.progressDeadlineSeconds', spec['progressDeadlineSeconds']),
  ];
  const deadline = num(spec['progressDeadlineSeconds']);
  if (deadline !== undefined && deadline <= (num(spec['minReadySeconds']) ?? 0)) {
    causes.push(fieldInvalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
  return [...causes, ...validateSelectorImmutable(o, old)];
}

export const deployments = defineBuiltin({
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  statusSubresource: true,
  scale: BUILTIN_SCALE,
  defaults,
  validate,
  prepareForCreate: (o) => {
    o['status'] = {};
  },
});

