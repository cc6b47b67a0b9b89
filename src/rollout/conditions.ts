/**
 * Rollout conditions (reference §2.3): creation, set/remove with Kubernetes' transition-time
 * rules, and the predicates Argo uses to compute Progressing / Healthy / Completed / Available.
 */
import type { RolloutCondition, RolloutStatus } from '../api/types/rollout-status.ts';
import type { Rollout } from '../api/types/rollout.ts';
import { ConditionReason, RolloutConditionType } from '../api/constants.ts';
import { getProgressDeadlineSecondsOrDefault, getReplicasOrDefault } from '../api/defaults.ts';
import { formatRFC3339 } from './replicasets.ts';

export function newCondition(
  type: string,
  status: RolloutCondition['status'],
  reason: string,
  message: string,
  now: number,
): RolloutCondition {
  const t = formatRFC3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(status: RolloutStatus | undefined, type: string): RolloutCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * `SetRolloutCondition`: no change when status and reason are unchanged; lastTransitionTime kept
 * when only the reason changes. Returns the new list and whether it changed.
 */
export function setCondition(
  conditions: readonly RolloutCondition[] | undefined,
  condition: RolloutCondition,
): { conditions: RolloutCondition[]; changed: boolean } {
  const list = [...(conditions ?? [])];
  const current = list.find((c) => c.type === condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) {
    return { conditions: list, changed: false };
  }
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  return { conditions: [...list.filter((c) => c.type !== condition.type), next], changed: true };
}

export function removeCondition(conditions: readonly RolloutCondition[] | undefined, type: string): RolloutCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/**
 * `RolloutProgressing`: something moved since the last status — updated replicas changed, old
 * replicas decreased, ready/available increased, or (canary) stableRS/step index/step hash or
 * (blue-green) selectors changed.
 */
export function rolloutProgressing(ro: Rollout, next: RolloutStatus): boolean {
  const old = ro.status ?? {};
  let strategy = false;
  if (ro.spec.strategy.blueGreen) {
    strategy =
      (old.blueGreen?.activeSelector ?? '') !== (next.blueGreen?.activeSelector ?? '') ||
      (old.blueGreen?.previewSelector ?? '') !== (next.blueGreen?.previewSelector ?? '');
  }
  if (ro.spec.strategy.canary) {
    const stepChanged =
      next.currentStepIndex !== undefined && old.currentStepIndex !== undefined && next.currentStepIndex !== old.currentStepIndex;
    strategy =
      (next.stableRS ?? '') !== (old.stableRS ?? '') || stepChanged || (next.currentStepHash ?? '') !== (old.currentStepHash ?? '');
  }
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0) ||
    strategy
  );
}

/** `RolloutHealthy`: all replicas updated and available, generation observed, strategy complete. */
export function rolloutHealthy(ro: Rollout, next: RolloutStatus): boolean {
  const replicas = getReplicasOrDefault(ro.spec.replicas);
  let completed = true;
  const current = next.currentPodHash ?? '';
  if (ro.spec.strategy.blueGreen) {
    const active = (next.blueGreen?.activeSelector ?? '') === current;
    const preview = ro.spec.strategy.blueGreen.previewService ? (next.blueGreen?.previewSelector ?? '') === current : true;
    completed = active && preview;
  }
  if (ro.spec.strategy.canary) {
    const count = ro.spec.strategy.canary.steps?.length ?? 0;
    const allSteps = count > 0 && next.currentStepIndex !== undefined ? next.currentStepIndex === count : true;
    const stable = (next.stableRS ?? '') !== '' && next.stableRS === current;
    completed = allSteps && stable && (next.replicas ?? 0) === replicas;
  }
  return (
    (next.updatedReplicas ?? 0) === replicas &&
    (next.availableReplicas ?? 0) === replicas &&
    ro.status?.observedGeneration === String(ro.metadata?.generation ?? 0) &&
    completed
  );
}

/** `RolloutCompleted`: stableRS == currentPodHash. */
export function rolloutCompleted(next: RolloutStatus): boolean {
  return (next.stableRS ?? '') !== '' && next.stableRS === next.currentPodHash;
}

/**
 * `RolloutTimedOut`: Progressing condition already ProgressDeadlineExceeded, or its
 * lastUpdateTime + progressDeadlineSeconds is before now. Aborted rollouts never time out.
 */
export function rolloutTimedOut(ro: Rollout, next: RolloutStatus, now: number): boolean {
  const cond = getCondition(next, RolloutConditionType.Progressing);
  if (!cond || cond.reason === ConditionReason.RolloutAborted) return false;
  if (cond.reason === ConditionReason.ProgressDeadlineExceeded) return true;
  return Date.parse(cond.lastUpdateTime) + getProgressDeadlineSecondsOrDefault(ro) * 1000 < now;
}

/** When the progress deadline will pass (epoch ms), for requeue-after. */
export function progressDeadlineAt(ro: Rollout, status: RolloutStatus): number | undefined {
  const cond = getCondition(status, RolloutConditionType.Progressing);
  if (!cond || cond.status !== 'True') return undefined;
  return Date.parse(cond.lastUpdateTime) + getProgressDeadlineSecondsOrDefault(ro) * 1000;
}
