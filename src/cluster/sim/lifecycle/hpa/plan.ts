/**
 * One HPA sync as a pure function (the HPA controller's reconcileAutoscaler): from the target's
 * scale, the pod samples and the remembered history to the replica count to apply, the status
 * (currentMetrics, conditions) and the events. Only `cpu` Resource metrics are simulated.
 */
import type { HorizontalPodAutoscalerCondition, HorizontalPodAutoscalerStatus, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2.js';
import { formatTime } from '../../../../kube/time-format.ts';
import { setCondition } from '../common/conditions.ts';
import type { HpaObject } from '../common/types.ts';
import { formatCpuMillis, parseCpuMillis } from './cpu.ts';
import { normalizeReplicas, type HpaHistory } from './normalize.ts';
import { DEFAULT_TOLERANCE, resourceReplicas, type ResourceTarget } from './replicas.ts';
import type { PodSample } from './samples.ts';

export interface HpaEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface HpaPlanInput {
  hpa: HpaObject;
  /** The target's scale subresource: spec.replicas and status.selector. */
  scale: { replicas: number; selector: string };
  /** Samples of the pods the scale's selector picks. */
  samples: readonly PodSample[];
  now: number;
  history: HpaHistory | undefined;
  legacyDownscaleWindowMs: number;
  tolerance?: number;
}

export interface HpaPlan {
  /** The replica count to write to the scale subresource, when it differs from the current one. */
  rescaleTo?: number;
  rescaleReason: string;
  status: HorizontalPodAutoscalerStatus;
  history: HpaHistory | undefined;
  events: HpaEvent[];
}

type Conditions = HorizontalPodAutoscalerCondition[] | undefined;

const FAILED_REASON: Record<string, string> = {
  Resource: 'FailedGetResourceMetric',
  ContainerResource: 'FailedGetContainerResourceMetric',
  Pods: 'FailedGetPodsMetric',
  Object: 'FailedGetObjectMetric',
  External: 'FailedGetExternalMetric',
};

export function setHpaCondition(conditions: Conditions, type: string, status: boolean, reason: string, message: string, now: number): HorizontalPodAutoscalerCondition[] {
  return setCondition<HorizontalPodAutoscalerCondition>(conditions, { type, status: status ? 'True' : 'False', reason, message }, formatTime(now));
}

type MetricOutcome = { ok: true; replicas: number; name: string; status: MetricStatus } | { ok: false; reason: string; message: string };

function cpuTarget(spec: MetricSpec): ResourceTarget | string {
  const target = spec.resource?.target;
  if (target?.type === 'Utilization' && typeof target.averageUtilization === 'number' && target.averageUtilization > 0) {
    return { type: 'Utilization', averageUtilization: target.averageUtilization };
  }
  if (target?.type === 'AverageValue') {
    const millis = parseCpuMillis(target.averageValue);
    if (millis !== undefined && millis > 0) return { type: 'AverageValue', averageMillis: millis };
  }
  return `unsupported cpu target type ${JSON.stringify(target?.type ?? '')}`;
}

function computeMetric(spec: MetricSpec, current: number, samples: readonly PodSample[], tolerance: number): MetricOutcome {
  const reason = FAILED_REASON[spec.type] ?? 'FailedGetResourceMetric';
  if (spec.type !== 'Resource' || spec.resource?.name !== 'cpu') {
    const what = spec.type === 'Resource' ? `${spec.resource?.name ?? ''} resource` : `${spec.type} metric`;
    return { ok: false, reason, message: `the HPA was unable to compute the replica count: ${what} is not simulated by the local cluster (only cpu resource metrics are)` };
  }
  const target = cpuTarget(spec);
  if (typeof target === 'string') return { ok: false, reason, message: `the HPA was unable to compute the replica count: ${target}` };
  const result = resourceReplicas(current, samples, target, tolerance);
  if (!result.ok) {
    const what = target.type === 'Utilization' ? 'failed to get cpu utilization' : 'failed to get cpu usage';
    return { ok: false, reason, message: `the HPA was unable to compute the replica count: ${what}: ${result.error}` };
  }
  const currentValue: NonNullable<MetricStatus['resource']>['current'] = { averageValue: formatCpuMillis(result.value.averageMillis) };
  if (result.value.utilization !== undefined) currentValue.averageUtilization = result.value.utilization;
  return {
    ok: true,
    replicas: result.value.replicas,
    name: target.type === 'Utilization' ? 'cpu resource utilization (percentage of request)' : 'cpu resource',
    status: { type: 'Resource', resource: { name: 'cpu', current: currentValue } },
  };
}

export function planHpa(input: HpaPlanInput): HpaPlan {
  const { hpa, scale, now } = input;
  const spec = hpa.spec;
  const old = hpa.status ?? { desiredReplicas: 0 };
  const minReplicas = spec?.minReplicas ?? 1;
  const maxReplicas = spec?.maxReplicas ?? minReplicas;
  const current = scale.replicas;
  let conditions: Conditions = setHpaCondition(old.conditions, 'AbleToScale', true, 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
  const events: HpaEvent[] = [];
  const status = (desired: number, metrics: MetricStatus[] | undefined): HorizontalPodAutoscalerStatus => {
    const s: HorizontalPodAutoscalerStatus = { currentReplicas: current, desiredReplicas: desired };
    if (metrics && metrics.length > 0) s.currentMetrics = metrics;
    if (old.lastScaleTime) s.lastScaleTime = old.lastScaleTime;
    if (hpa.metadata.generation !== undefined) s.observedGeneration = hpa.metadata.generation;
    if (conditions && conditions.length > 0) s.conditions = conditions;
    return s;
  };

  if (current === 0 && minReplicas !== 0) {
    conditions = setHpaCondition(conditions, 'ScalingActive', false, 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    return { rescaleReason: '', status: status(0, old.currentMetrics), history: input.history, events };
  }
  if (current > maxReplicas) {
    return { rescaleTo: maxReplicas, rescaleReason: 'Current number of replicas above Spec.MaxReplicas', status: status(maxReplicas, old.currentMetrics), history: input.history, events };
  }
  if (current < minReplicas) {
    return { rescaleTo: minReplicas, rescaleReason: 'Current number of replicas below Spec.MinReplicas', status: status(minReplicas, old.currentMetrics), history: input.history, events };
  }
  if (!scale.selector) {
    conditions = setHpaCondition(conditions, 'ScalingActive', false, 'InvalidSelector', "the HPA target's scale is missing a selector", now);
    events.push({ type: 'Warning', reason: 'SelectorRequired', message: 'selector is required' });
    return { rescaleReason: '', status: status(old.desiredReplicas, old.currentMetrics), history: input.history, events };
  }

  const metricSpecs = spec?.metrics ?? [];
  const metrics: MetricStatus[] = [];
  let proposal = 0;
  let proposalName = '';
  let firstFailure: { reason: string; message: string } | undefined;
  let invalid = 0;
  for (const m of metricSpecs) {
    const outcome = computeMetric(m, current, input.samples, input.tolerance ?? DEFAULT_TOLERANCE);
    if (!outcome.ok) {
      invalid++;
      firstFailure ??= outcome;
      metrics.push({ type: '' });
      events.push({ type: 'Warning', reason: outcome.reason, message: outcome.message });
      continue;
    }
    metrics.push(outcome.status);
    if (proposal === 0 || outcome.replicas > proposal) [proposal, proposalName] = [outcome.replicas, outcome.name];
  }
  if (firstFailure && (invalid >= metricSpecs.length || proposal < current)) {
    conditions = setHpaCondition(conditions, 'ScalingActive', false, firstFailure.reason, firstFailure.message, now);
    events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: `invalid metrics (${invalid} invalid out of ${metricSpecs.length}), first error is: ${firstFailure.message}` });
    return { rescaleReason: '', status: status(old.desiredReplicas, metrics), history: input.history, events };
  }
  conditions = setHpaCondition(conditions, 'ScalingActive', true, 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${proposalName}`, now);

  const normalized = normalizeReplicas({
    behavior: spec?.behavior,
    currentReplicas: current,
    desired: proposal,
    minReplicas,
    maxReplicas,
    now,
    history: input.history,
    legacyDownscaleWindowMs: input.legacyDownscaleWindowMs,
  });
  conditions = setHpaCondition(conditions, 'AbleToScale', true, normalized.ableToScale.reason, normalized.ableToScale.message, now);
  conditions = setHpaCondition(conditions, 'ScalingLimited', normalized.limited.status, normalized.limited.reason, normalized.limited.message, now);
  const desired = normalized.replicas;
  const rescaleReason = proposal > current ? `${proposalName} above target` : proposal < current ? 'All metrics below target' : '';
  const plan: HpaPlan = { rescaleReason, status: status(desired, metrics), history: normalized.history, events };
  if (desired !== current) plan.rescaleTo = desired;
  return plan;
}

/** The status after writing the new scale (or failing to). */
export function afterRescale(status: HorizontalPodAutoscalerStatus, to: number, error: string | undefined, now: number): HorizontalPodAutoscalerStatus {
  if (error !== undefined) {
    return { ...status, conditions: setHpaCondition(status.conditions, 'AbleToScale', false, 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${error}`, now) };
  }
  return {
    ...status,
    lastScaleTime: formatTime(now),
    conditions: setHpaCondition(status.conditions, 'AbleToScale', true, 'SucceededRescale', `the HPA controller was able to update the target scale to ${to}`, now),
  };
}

/** The status when the target's scale cannot be read. */
export function failedGetScale(hpa: HpaObject, error: string, now: number): HorizontalPodAutoscalerStatus {
  const old = hpa.status ?? { desiredReplicas: 0 };
  const s: HorizontalPodAutoscalerStatus = { ...old };
  s.conditions = setHpaCondition(old.conditions, 'AbleToScale', false, 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${error}`, now);
  if (hpa.metadata.generation !== undefined) s.observedGeneration = hpa.metadata.generation;
  return s;
}
