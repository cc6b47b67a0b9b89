/**
 * Validation shared by workloads that own pods through a selector and a pod template
 * (Deployment, ReplicaSet, DaemonSet, StatefulSet, Job), with apps/batch validation messages.
 */
import { fieldInvalid, fieldNotSupported, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { jsonEqual } from '../../../../util/json.ts';
import { arr, obj, strMap, type Obj } from './access.ts';
import { IMMUTABLE, invalidRendered, nonNegative } from './causes.ts';
import { goLabelSelector, goStringMap } from './go-values.ts';
import { selectorIsEmpty, selectorMatches } from './label-selector.ts';
import { validatePodSpec } from './pod-spec-validation.ts';

export interface WorkloadRules {
  /** Used in "empty selector is invalid for <kind>"; omit to allow an empty selector. */
  emptySelectorKind?: string;
  /** Restart policies the template may use (Always for controllers, Never/OnFailure for jobs). */
  restartPolicies: string[];
  /** Reject spec.template.spec.activeDeadlineSeconds (ReplicaSet-like controllers). */
  rejectActiveDeadline: boolean;
}

function selectorCount(selector: Obj): number {
  return Object.keys(obj(selector['matchLabels']) ?? {}).length + arr(selector['matchExpressions']).length;
}

/** spec.selector and spec.template checks: presence, validity, template labels matching. */
export function validateSelectorAndTemplate(spec: Obj, rules: WorkloadRules): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = spec['selector'];
  const sel = obj(selector);
  if (!sel) causes.push(fieldRequired('spec.selector'));
  else if (rules.emptySelectorKind && selectorCount(sel) === 0) {
    causes.push(invalidRendered('spec.selector', goLabelSelector(sel), `empty selector is invalid for ${rules.emptySelectorKind}`));
  }
  const template = obj(spec['template']) ?? {};
  const labels = obj(template['metadata'])?.['labels'];
  const matches = selectorMatches(sel, strMap(labels));
  if (matches === undefined) {
    causes.push(invalidRendered('spec.selector', goLabelSelector(sel), 'invalid label selector'));
  } else if (!selectorIsEmpty(sel) && !matches) {
    causes.push(invalidRendered('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  const podSpec = obj(template['spec']) ?? {};
  causes.push(...validatePodSpec(podSpec, 'spec.template.spec'));
  const restartPolicy = podSpec['restartPolicy'];
  if (!rules.restartPolicies.includes(String(restartPolicy))) {
    causes.push(fieldNotSupported('spec.template.spec.restartPolicy', restartPolicy ?? '', rules.restartPolicies));
  }
  if (rules.rejectActiveDeadline && podSpec['activeDeadlineSeconds'] !== undefined && podSpec['activeDeadlineSeconds'] !== null) {
    causes.push(fieldInvalid('spec.template.spec.activeDeadlineSeconds', podSpec['activeDeadlineSeconds'], 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return causes;
}

/** Rules for controllers whose pods always restart (DaemonSet, StatefulSet). */
export function controllerRules(kind: string): WorkloadRules {
  return { emptySelectorKind: kind, restartPolicies: ['Always'], rejectActiveDeadline: false };
}

/** Replica-set-like controllers: replicas, minReadySeconds, selector and template. */
export function validateReplicatedSpec(spec: Obj, emptySelectorKind: string): StatusCause[] {
  return [
    ...nonNegative('spec.replicas', spec['replicas']),
    ...validateSelectorAndTemplate(spec, { emptySelectorKind, restartPolicies: ['Always'], rejectActiveDeadline: true }),
    ...nonNegative('spec.minReadySeconds', spec['minReadySeconds']),
  ];
}

/** Selectors compare like Kubernetes' semantic equality: empty and absent parts are equal. */
function normalizedSelector(selector: unknown): unknown {
  const sel = obj(selector);
  if (!sel) return null;
  const out: Obj = {};
  const labels = obj(sel['matchLabels']);
  if (labels && Object.keys(labels).length > 0) out['matchLabels'] = labels;
  if (arr(sel['matchExpressions']).length > 0) out['matchExpressions'] = sel['matchExpressions'];
  return out;
}

/** spec.selector may not change after creation (apps/v1, batch/v1). */
export function validateSelectorImmutable(o: KubeObject, old: KubeObject | undefined): StatusCause[] {
  if (!old) return [];
  const now = obj(o['spec'])?.['selector'];
  const before = obj(old['spec'])?.['selector'];
  if (jsonEqual(normalizedSelector(now), normalizedSelector(before))) return [];
  return [invalidRendered('spec.selector', goLabelSelector(now), IMMUTABLE)];
}
