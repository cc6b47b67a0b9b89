/**
 * `validateRollout(ro, context)`: every rule of reference §1.7 as a list of field errors. The
 * controller turns the first one into the `InvalidSpec` condition (message = `formatFieldError`),
 * sets phase Degraded and requeues every 20s. `kubectl argo rollouts lint` runs the same rules.
 */
import type { Rollout } from '../types/rollout.ts';
import { getProgressDeadlineSecondsOrDefault, getReplicasOrDefault, getRevisionHistoryLimitOrDefault } from '../defaults.ts';
import { isEmptySelector, selectorMatches } from '../label-selector.ts';
import { child, internalError, invalid, required, type FieldError } from './field-error.ts';
import { ValidationMessage as M } from './messages.ts';
import { validateBlueGreen } from './validate-bluegreen.ts';
import { validateCanary } from './validate-canary.ts';
import { validateReferencedResources, type RolloutReferencedResources } from './validate-references.ts';

export interface RolloutValidationContext {
  /**
   * The template/selector came from `spec.workloadRef` (resolved by the controller); the
   * "template must be empty" rule is then skipped.
   */
  templateResolvedFromRef?: boolean;
  /**
   * Objects the rollout references, as fetched by the controller. When given, existence and
   * cross-object rules (service selectors, ingress rules, analysis templates) are checked too.
   */
  references?: RolloutReferencedResources;
}

const WORKLOAD_KINDS: Record<string, string> = { Deployment: 'apps', ReplicaSet: 'apps', PodTemplate: '' };

export function validateRollout(ro: Rollout, context: RolloutValidationContext = {}): FieldError[] {
  if (!ro.spec) return [required('spec', M.missingField('.spec'))];
  if (!ro.spec.strategy) {
    const withStrategy: Rollout = { ...ro, spec: { ...ro.spec, strategy: {} } };
    return validateRolloutSpec(withStrategy, context);
  }
  const errs = validateRolloutSpec(ro, context);
  if (context.references) errs.push(...validateReferencedResources(ro, context.references));
  return errs;
}

function validateRolloutSpec(ro: Rollout, context: RolloutValidationContext): FieldError[] {
  const spec = ro.spec;
  const path = 'spec';
  const errs: FieldError[] = [];

  const replicas = getReplicasOrDefault(spec.replicas);
  if (replicas < 0) errs.push(invalid(child(path, 'replicas'), replicas, M.nonNegative));

  if (!spec.workloadRef || context.templateResolvedFromRef) {
    if (!spec.selector) {
      errs.push(required(child(path, 'selector'), M.missingField('.spec.selector')));
    } else if (isEmptySelector(spec.selector)) {
      errs.push(invalid(child(path, 'selector'), spec.selector, M.selectAll));
    }
  }

  if (spec.workloadRef) {
    const kind = spec.workloadRef.kind ?? '';
    if (!(kind in WORKLOAD_KINDS)) errs.push(invalid(child(path, 'workloadRef', 'kind'), kind, M.workloadRefKind));
    const t = spec.template;
    const templateSet = Object.keys(t?.metadata?.labels ?? {}).length > 0 || Object.keys(t?.metadata?.annotations ?? {}).length > 0;
    if (!context.templateResolvedFromRef && templateSet) errs.push(internalError(child(path, 'template'), M.templateWithWorkloadRef));
  }

  if (!spec.workloadRef || context.templateResolvedFromRef) {
    const templatePath = child(path, 'template');
    if (spec.selector && !isEmptySelector(spec.selector) && !selectorMatches(spec.selector, spec.template?.metadata?.labels)) {
      errs.push(invalid(child(templatePath, 'metadata', 'labels'), spec.template?.metadata?.labels ?? {}, M.selectorTemplateMismatch));
    }
    if ((spec.template?.spec?.containers ?? []).length === 0) {
      errs.push(required(child(templatePath, 'spec', 'containers'), ''));
    }
  }

  const minReadySeconds = spec.minReadySeconds ?? 0;
  if (minReadySeconds < 0) errs.push(invalid(child(path, 'minReadySeconds'), minReadySeconds, M.nonNegative));
  const revisionHistoryLimit = getRevisionHistoryLimitOrDefault(ro);
  if (revisionHistoryLimit < 0) errs.push(invalid(child(path, 'revisionHistoryLimit'), revisionHistoryLimit, M.nonNegative));
  const progressDeadlineSeconds = getProgressDeadlineSecondsOrDefault(ro);
  if (progressDeadlineSeconds < 0) errs.push(invalid(child(path, 'progressDeadlineSeconds'), progressDeadlineSeconds, M.nonNegative));
  if (progressDeadlineSeconds <= minReadySeconds) {
    errs.push(invalid(child(path, 'progressDeadlineSeconds'), progressDeadlineSeconds, M.progressDeadlineVsMinReady));
  }

  errs.push(...validateStrategy(ro, child(path, 'strategy')));
  return errs;
}

function validateStrategy(ro: Rollout, path: string): FieldError[] {
  const { blueGreen, canary } = ro.spec.strategy ?? {};
  if (!blueGreen && !canary) {
    return [required(path, M.missingField('.spec.strategy.canary or .spec.strategy.blueGreen'))];
  }
  if (blueGreen && canary) {
    return [invalid(path, `blueGreen: true canary: true`, M.invalidStrategy)];
  }
  if (blueGreen) return validateBlueGreen(ro, child(path, 'blueGreen'));
  return validateCanary(ro, child(path, 'canary'));
}
