/**
 * `spec.workloadRef` (reference §1.1): the pod template (and, for Deployments/ReplicaSets, the
 * selector) come from the referenced object; its generation is recorded in the rollout annotation
 * `rollout.argoproj.io/workload-generation` and `status.workloadObservedGeneration`. The
 * `scaleDown` mode decides what happens to a referenced Deployment as the rollout comes up.
 */
import type { Rollout } from '../../api/types/rollout.ts';
import type { RolloutStatus } from '../../api/types/rollout-status.ts';
import { ANNOTATION_WORKLOAD_GENERATION, RolloutPhase } from '../../api/constants.ts';
import { getReplicasOrDefault } from '../../api/defaults.ts';
import { invalid, type FieldError } from '../../api/validation/field-error.ts';
import { normalizeJson } from './merge-patch.ts';
import type { PlannedWorkloadScale, WorkloadKind, WorkloadObservation } from './types.ts';

export const WORKLOAD_KINDS: Record<WorkloadKind, { group: string; resource: string }> = {
  Deployment: { group: 'apps', resource: 'deployments' },
  ReplicaSet: { group: 'apps', resource: 'replicasets' },
  PodTemplate: { group: '', resource: 'podtemplates' },
};

export function isWorkloadKind(kind: string | undefined): kind is WorkloadKind {
  return kind !== undefined && Object.prototype.hasOwnProperty.call(WORKLOAD_KINDS, kind);
}

export interface ResolvedRollout {
  /** The rollout with template/selector taken from the workload (a copy when resolved). */
  rollout: Rollout;
  resolvedFromRef: boolean;
  /** The workload could not be resolved (reported as InvalidSpec). */
  error?: FieldError;
  /** metadata.generation of the workload. */
  workloadGeneration?: number;
}

export function resolveWorkloadRef(ro: Rollout, workload: WorkloadObservation | undefined): ResolvedRollout {
  const ref = ro.spec.workloadRef;
  if (!ref) return { rollout: ro, resolvedFromRef: false };
  if (!isWorkloadKind(ref.kind)) return { rollout: ro, resolvedFromRef: false };
  const obj = workload?.object;
  if (!obj || workload?.name !== ref.name || workload.kind !== ref.kind) {
    return {
      rollout: ro,
      resolvedFromRef: false,
      error: invalid('spec.workloadRef.name', ref.name ?? '', `${ref.kind} ${JSON.stringify(ref.name ?? '')} not found`),
    };
  }
  const template = ref.kind === 'PodTemplate' ? obj.template : obj.spec?.template;
  const selector = ref.kind === 'PodTemplate' ? ro.spec.selector : (obj.spec?.selector ?? ro.spec.selector);
  const resolved: Rollout = normalizeJson({ ...ro, spec: { ...ro.spec, template, selector } });
  const generation = obj.metadata?.generation ?? 0;
  return { rollout: resolved, resolvedFromRef: true, workloadGeneration: generation };
}

/**
 * What to do with a referenced Deployment: `onsuccess` scales it to 0 once the rollout is Healthy;
 * `progressively` (first revision only) hands replicas over as rollout pods become ready, scales
 * to 0 when Healthy and back up when the rollout is Degraded; `never` leaves it alone.
 */
export function planWorkloadScaleDown(ro: Rollout, workload: WorkloadObservation | undefined, status: RolloutStatus, revision: string | undefined): PlannedWorkloadScale | undefined {
  const ref = ro.spec.workloadRef;
  const mode = ref?.scaleDown ?? 'never';
  if (!ref || ref.kind !== 'Deployment' || mode === 'never' || !workload?.object) return undefined;
  const current = workload.object.spec?.replicas ?? 1;
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  const healthy = status.phase === RolloutPhase.Healthy;
  let desired: number | undefined;
  if (mode === 'onsuccess') {
    if (healthy) desired = 0;
  } else if (revision === '1' || revision === undefined) {
    if (healthy) desired = 0;
    else if (status.phase === RolloutPhase.Degraded) desired = replicas;
    else desired = Math.max(0, replicas - (status.readyReplicas ?? 0));
  } else if (healthy) {
    desired = 0;
  }
  if (desired === undefined || desired === current) return undefined;
  return { kind: 'Deployment', name: ref.name ?? '', replicas: desired };
}

/** The `rollout.argoproj.io/workload-generation` annotation value to record, if it changed. */
export function workloadGenerationAnnotation(ro: Rollout, generation: number | undefined): string | undefined {
  if (generation === undefined) return undefined;
  const value = String(generation);
  return ro.metadata?.annotations?.[ANNOTATION_WORKLOAD_GENERATION] === value ? undefined : value;
}
