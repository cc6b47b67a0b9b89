/** Status conditions as the apps controllers maintain them (Set/Get/Remove by type). */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

export function getCondition<C extends Condition>(conditions: readonly C[] | undefined, type: string): C | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}

/**
 * Kubernetes' SetDeploymentCondition / SetCondition: no-op when status and reason are unchanged; keeps
 * lastTransitionTime when only the reason changes; the condition moves to the end of the list.
 */
export function setCondition<C extends Condition>(conditions: readonly C[] | undefined, next: C): C[] {
  const list = [...(conditions ?? [])];
  const current = getCondition(list, next.type);
  if (current && current.status === next.status && current.reason === next.reason) return list;
  const cond = { ...next };
  if (current && current.status === next.status) cond.lastTransitionTime = current.lastTransitionTime;
  return [...list.filter((c) => c.type !== next.type), cond];
}

export function removeCondition<C extends Condition>(conditions: readonly C[] | undefined, type: string): C[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}
