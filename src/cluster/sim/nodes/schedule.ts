/**
 * Where a pod goes: the scheduler's filters that matter for a simulation (cordoned nodes, nodeSelector,
 * required node affinity, NoSchedule/NoExecute taints) and a spreading score (fewest pods; ties go to
 * the lower-numbered node). Resources are not accounted for. Pure.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, Taint, Toleration } from 'kubernetes-types/core/v1.js';
import type { NodeObject, PodObject } from '../util/types.ts';

export type ScheduleDecision = { node: string } | { unschedulable: string };

function matchesRequirement(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value as string);
    case 'NotIn':
      return !has || !values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const bound = Number(values[0]);
      if (!has || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

function matchesTerm(term: NodeSelectorTerm, node: NodeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  return exprs.every((r) => matchesRequirement(r, labels)) && fields.every((r) => matchesRequirement(r, { 'metadata.name': node.metadata.name ?? '' }));
}

export function matchesNodeSelector(pod: PodObject, node: NodeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && terms.length > 0 && !terms.some((t) => matchesTerm(t, node))) return false;
  return true;
}

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

export function untoleratedTaint(pod: PodObject, node: NodeObject): Taint | undefined {
  const tolerations = pod.spec?.tolerations ?? [];
  return (node.spec?.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t));
}

function unschedulableTolerated(pod: PodObject): boolean {
  return tolerates(pod.spec?.tolerations ?? [], { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
}

/** Picks a node for `pod` among `nodes` (in preference order for ties); `load` counts pods per node. */
export function chooseNode(pod: PodObject, nodes: readonly NodeObject[], load: (node: string) => number): ScheduleDecision {
  const reasons = new Map<string, number>();
  const reject = (reason: string): void => void reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  let best: string | undefined;
  let bestLoad = Infinity;
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    if (node.spec?.unschedulable && !unschedulableTolerated(pod)) {
      reject('node(s) were unschedulable');
      continue;
    }
    if (!matchesNodeSelector(pod, node)) {
      reject("node(s) didn't match Pod's node affinity/selector");
      continue;
    }
    const taint = untoleratedTaint(pod, node);
    if (taint) {
      reject(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
      continue;
    }
    const l = load(name);
    if (l < bestLoad) {
      best = name;
      bestLoad = l;
    }
  }
  if (best !== undefined) return { node: best };
  const n = nodes.length;
  const detail = [...reasons.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  const head = detail ? `0/${n} nodes are available: ${detail}.` : `0/${n} nodes are available.`;
  return { unschedulable: `${head} preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.` };
}

/** Pods the default scheduler should place. */
export function needsScheduling(pod: PodObject): boolean {
  const spec = pod.spec;
  if (!spec || spec.nodeName) return false;
  if (pod.metadata.deletionTimestamp) return false;
  if ((spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return false;
  if ((spec.schedulingGates ?? []).length > 0) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}
