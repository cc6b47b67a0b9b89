/**
 * Kubernetes' ActivePodsWithRanks ordering (controller_utils.go, LogarithmicScaleDown on): the pods a
 * ReplicaSet deletes first when scaling down come first. Pure.
 *   1. unassigned < assigned   2. Pending < Unknown < Running   3. not ready < ready
 *   4. lower controller.kubernetes.io/pod-deletion-cost first   5. more pods of the same owner on the node first
 *   6. ready for less time first (log2 buckets)   7. more container restarts first
 *   8. newer first (log2 buckets of age); ties by UID
 */
import { parseTime } from '../../../kube/time-format.ts';
import { isPodActive, isPodReady, podReadySince } from '../util/pod-readiness.ts';
import type { PodObject } from '../util/types.ts';

export const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: PodObject): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

function deletionCost(pod: PodObject): number {
  const v = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxRestarts(pod: PodObject): [number, number] {
  let regular = 0;
  let sidecar = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const restartable = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const c of pod.status?.initContainerStatuses ?? []) if (restartable.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return [regular, sidecar];
}

/** ⌊log2(now − t in ns)⌋, or −1 when t is not in the past. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Go's afterOrZero: a zero time sorts first, otherwise the later time first. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

export interface RankedPod {
  pod: PodObject;
  /** Active pods of related ReplicaSets on the same node. */
  rank: number;
}

/** Negative when a should be deleted before b (sort comparator). */
export function compareForDeletion(a: RankedPod, b: RankedPod, now: number): number {
  const less = (x: RankedPod, y: RankedPod): boolean => lessForDeletion(x, y, now);
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

export function lessForDeletion(x: RankedPod, y: RankedPod, now: number): boolean {
  const pi = x.pod;
  const pj = y.pod;
  const ni = pi.spec?.nodeName ?? '';
  const nj = pj.spec?.nodeName ?? '';
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  if (phaseOrdinal(pi) !== phaseOrdinal(pj)) return phaseOrdinal(pi) < phaseOrdinal(pj);
  const ri = isPodReady(pi);
  const rj = isPodReady(pj);
  if (ri !== rj) return !ri;
  const ci = deletionCost(pi);
  const cj = deletionCost(pj);
  if (ci !== cj) return ci < cj;
  if (x.rank !== y.rank) return x.rank > y.rank;
  if (ri && rj) {
    const ti = podReadySince(pi);
    const tj = podReadySince(pj);
    if (ti !== tj) {
      if (ti === undefined || tj === undefined) return afterOrZero(ti, tj);
      const diff = logRank(ti, now) - logRank(tj, now);
      if (diff === 0) return (pi.metadata.uid ?? '') < (pj.metadata.uid ?? '');
      return diff < 0;
    }
  }
  const [regI, sideI] = maxRestarts(pi);
  const [regJ, sideJ] = maxRestarts(pj);
  if (regI !== regJ) return regI > regJ;
  if (sideI !== sideJ) return sideI > sideJ;
  const ai = parseTime(pi.metadata.creationTimestamp ?? undefined);
  const aj = parseTime(pj.metadata.creationTimestamp ?? undefined);
  if (ai !== aj) {
    if (ai === undefined || aj === undefined) return afterOrZero(ai, aj);
    const diff = logRank(ai, now) - logRank(aj, now);
    if (diff === 0) return (pi.metadata.uid ?? '') < (pj.metadata.uid ?? '');
    return diff < 0;
  }
  return false;
}

/** getPodsToDelete: the `count` pods to delete first, ranked against related pods on the same node. */
export function podsToDelete(pods: readonly PodObject[], related: readonly PodObject[], count: number, now: number): PodObject[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec?.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, count).map((r) => r.pod);
}
