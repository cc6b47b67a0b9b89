/** batch/v1 jobs: defaults, the generated selector and pod labels, validation. */
import { fieldNotSupported, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { child, num, obj, objs, setDefault, type Obj } from './access.ts';
import { nonNegative } from './causes.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { validateSelectorAndTemplate, validateSelectorImmutable } from './workload-validation.ts';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';

const isNil = (v: unknown): boolean => v === undefined || v === null;

/** generateSelector: pod labels naming the job and its uid, and a selector on the uid. */
export function generateJobSelector(job: KubeObject): void {
  const spec = child(job, 'spec');
  if (spec['manualSelector'] === true) return;
  const uid = job.metadata.uid;
  if (!uid) return;
  const meta = child(child(spec, 'template'), 'metadata');
  const labels = child(meta, 'labels');
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (labels[key] === undefined) labels[key] = job.metadata.name ?? '';
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (labels[key] === undefined) labels[key] = uid;
  const matchLabels = child(child(spec, 'selector'), 'matchLabels');
  if (matchLabels[CONTROLLER_UID_LABEL] === undefined) matchLabels[CONTROLLER_UID_LABEL] = uid;
}

/** A job without labels takes its pod template's labels (SetDefaults_Job, seen after the selector is generated). */
function copyTemplateLabels(job: KubeObject): void {
  const templateLabels = obj(obj(obj(obj(job['spec'])?.['template'])?.['metadata'])?.['labels']);
  if (!templateLabels || Object.keys(templateLabels).length === 0) return;
  if (Object.keys(job.metadata.labels ?? {}).length > 0) return;
  job.metadata.labels = { ...(templateLabels as Record<string, string>) };
}

function defaults(job: KubeObject, old: KubeObject | undefined): void {
  const spec = child(job, 'spec');
  if (isNil(spec['completions']) && isNil(spec['parallelism'])) {
    spec['completions'] = 1;
    spec['parallelism'] = 1;
  }
  if (isNil(spec['parallelism'])) spec['parallelism'] = 1;
  if (isNil(spec['backoffLimit'])) spec['backoffLimit'] = isNil(spec['backoffLimitPerIndex']) ? 6 : 2147483647;
  setDefault(spec, 'completionMode', 'NonIndexed');
  if (isNil(spec['suspend'])) spec['suspend'] = false;
  if (isNil(spec['manualSelector'])) spec['manualSelector'] = false;
  const failurePolicy = obj(spec['podFailurePolicy']);
  for (const rule of objs(failurePolicy?.['rules'])) for (const c of objs(rule['onPodConditions'])) setDefault(c, 'status', 'True');
  setDefault(spec, 'podReplacementPolicy', failurePolicy ? 'Failed' : 'TerminatingOrFailed');
  defaultPodTemplate(spec);
  if (!old) generateJobSelector(job);
  copyTemplateLabels(job);
}

function validate(job: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const spec: Obj = obj(job['spec']) ?? {};
  const causes = [
    ...validateName(job, isDns1123Subdomain),
    ...nonNegative('spec.parallelism', spec['parallelism']),
    ...nonNegative('spec.completions', spec['completions']),
    ...nonNegative('spec.activeDeadlineSeconds', spec['activeDeadlineSeconds']),
    ...nonNegative('spec.backoffLimit', spec['backoffLimit']),
  ];
  const mode = spec['completionMode'];
  if (!['NonIndexed', 'Indexed'].includes(String(mode))) {
    causes.push(fieldNotSupported('spec.completionMode', mode ?? '', ['NonIndexed', 'Indexed']));
  } else if (mode === 'Indexed' && num(spec['completions']) === undefined) {
    causes.push(fieldRequired('spec.completions', 'when completion mode is Indexed'));
  }
  causes.push(...validateSelectorAndTemplate(spec, { restartPolicies: ['OnFailure', 'Never'], rejectActiveDeadline: false }));
  return [...causes, ...validateSelectorImmutable(job, old)];
}

export const jobs = defineBuiltin({
  group: 'batch',
  version: 'v1',
  resource: 'jobs',
  kind: 'Job',
  namespaced: true,
  categories: ['all'],
  statusSubresource: true,
  selectableFields: { 'status.successful': (o) => String(num(obj(o['status'])?.['succeeded']) ?? 0) },
  defaults,
  validate,
  prepareForCreate: (job) => {
    generateJobSelector(job);
    copyTemplateLabels(job);
    job['status'] = {};
  },
});
