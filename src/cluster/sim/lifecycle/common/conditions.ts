/** Status conditions: set one the way Kubernetes controllers do (lastTransitionTime moves only on a status change). */

export interface StatusCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string;
  observedGeneration?: number;
}

export function findCondition<C extends StatusCondition>(conditions: readonly C[] | undefined, type: string): C | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}

export function isConditionTrue(conditions: readonly StatusCondition[] | undefined, type: string): boolean {
  return findCondition(conditions, type)?.status === 'True';
}

/**
 * Returns `conditions` with `next` set: appended when new, replaced when anything differs. The
 * previous lastTransitionTime is kept while the status stays the same; `now` stamps a transition.
 * `probe` also stamps lastProbeTime on any change (Job conditions carry it).
 */
export function setCondition<C extends StatusCondition>(
  conditions: readonly C[] | undefined,
  next: Omit<C, 'lastTransitionTime' | 'lastProbeTime'>,
  now: string,
  probe = false,
): C[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const old = i === -1 ? undefined : list[i];
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message && old.observedGeneration === next.observedGeneration) {
    return list;
  }
  const merged = {
    ...next,
    ...(probe ? { lastProbeTime: now } : {}),
    lastTransitionTime: old && old.status === next.status && old.lastTransitionTime ? old.lastTransitionTime : now,
  } as C;
  if (i === -1) list.push(merged);
  else list[i] = merged;
  return list;
}
