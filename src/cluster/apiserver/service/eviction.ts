import type { KubeObject } from '../../store/object.ts';
import type { Store } from '../../store/store.ts';
import { isJsonObject } from '../../../util/json.ts';
import { ApiError, badRequest } from '../errors.ts';
import { matchesLabelSelector } from '../../../kube/selectors/index.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';

/**
 * Decides whether evicting a pod respects every PodDisruptionBudget that selects it.
 * Budgets are evaluated from live pod readiness at the moment of the request (Kubernetes reads the
 * disruption controller's status instead; evaluating live gives the same answer without the lag).
 * Unhealthy pods may always be evicted, as with unhealthyPodEvictionPolicy AlwaysAllow.
 */
export function checkEviction(store: Store, pod: KubeObject): void {
  const namespace = pod.metadata.namespace ?? '';
  if (!isReady(pod) || pod.metadata.deletionTimestamp) return;
  const pods = store.list('/pods', namespace);
  for (const pdb of store.list('policy/poddisruptionbudgets', namespace)) {
    const spec = isJsonObject(pdb.spec) ? pdb.spec : {};
    const selector = spec.selector as LabelSelector | undefined;
    if (!selector || !matchesLabelSelector(selector, pod.metadata.labels ?? {})) continue;
    const covered = pods.filter((p) => !p.metadata.deletionTimestamp && matchesLabelSelector(selector, p.metadata.labels ?? {}));
    const expected = covered.length;
    const healthy = covered.filter(isReady).length;
    let desiredHealthy: number;
    if (spec.minAvailable !== undefined) desiredHealthy = resolve(spec.minAvailable, expected, true);
    else if (spec.maxUnavailable !== undefined) desiredHealthy = expected - resolve(spec.maxUnavailable, expected, true);
    else desiredHealthy = 0;
    if (healthy - desiredHealthy <= 0) {
      throw new ApiError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
        causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${desiredHealthy} healthy pods and has ${healthy} currently` }],
      });
    }
  }
}

function resolve(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+%$/.test(value)) {
    const exact = (Number(value.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  throw badRequest(`invalid intstr value in PodDisruptionBudget: ${JSON.stringify(value)}`);
}

function isReady(pod: KubeObject): boolean {
  const status = isJsonObject(pod.status) ? pod.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  return conditions.some((c) => isJsonObject(c) && c.type === 'Ready' && c.status === 'True');
}
