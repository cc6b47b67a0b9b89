/** autoscaling/v2 horizontalpodautoscalers. */
import { fieldInvalid, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { arr, child, isUnset, num, obj, type Obj } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

function defaults(o: KubeObject): void {
  const spec = child(o, 'spec');
  if (spec['minReplicas'] === undefined || spec['minReplicas'] === null) spec['minReplicas'] = 1;
  if (arr(spec['metrics']).length === 0) {
    spec['metrics'] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
}

function validate(o: KubeObject): StatusCause[] {
  const spec: Obj = obj(o['spec']) ?? {};
  const causes = validateName(o, isDns1123Subdomain);
  const ref = obj(spec['scaleTargetRef']) ?? {};
  if (isUnset(ref['kind'])) causes.push(fieldRequired('spec.scaleTargetRef.kind'));
  if (isUnset(ref['name'])) causes.push(fieldRequired('spec.scaleTargetRef.name'));
  const min = num(spec['minReplicas']);
  const max = num(spec['maxReplicas']) ?? 0;
  if (min !== undefined && min < 1) causes.push(fieldInvalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) causes.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) causes.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  return causes;
}

export const horizontalpodautoscalers = defineBuiltin({
  group: 'autoscaling',
  version: 'v2',
  resource: 'horizontalpodautoscalers',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  statusSubresource: true,
  defaults,
  validate,
  prepareForCreate: (o) => {
    o['status'] = { desiredReplicas: 0 };
  },
});
