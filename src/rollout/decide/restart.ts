/**
 * `spec.restartAt` (reference §3.8): pods created before restartAt are evicted (the pods/eviction
 * subresource, so PodDisruptionBudgets apply), stable RS first, then new, then older ones, never
 * more at once than max(maxUnavailable, 1) below the replica count. `status.restartedAt` is set
 * once every pod is newer than restartAt.
 */
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { Rollout } from '../../api/types/rollout.ts';
import { maxUnavailableOf } from '../fenceposts.ts';
import { rsName, sortByCreation, sumSpecReplicas, type ReplicaSet } from '../replicasets.ts';
import type { DecideContext } from './context.ts';

/** How often a restart that cannot proceed is re-checked (Argo's restartPodCheckTime). */
export const RESTART_CHECK_MS = 30_000;

function ms(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const v = Date.parse(t);
  return Number.isNaN(v) ? undefined : v;
}

/** `NeedsRestart`: restartAt is due and not yet recorded as done. */
export function needsRestart(ro: Rollout, now: number): boolean {
  const at = ms(ro.spec.restartAt);
  if (at === undefined || now < at) return false;
  const done = ms(ro.status?.restartedAt);
  return done === undefined || done < at;
}

/** `IsPodAvailable`: ready for at least minReadySeconds, and not being deleted. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = ms(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** RSs by restart priority: stable, new, then the rest oldest first. */
function restartOrder(ctx: DecideContext): ReplicaSet[] {
  const stable = ctx.stableRS ? rsName(ctx.stableRS) : '';
  const fresh = ctx.newRS ? rsName(ctx.newRS) : '';
  const rank = (rs: ReplicaSet): number => (rsName(rs) === stable ? 0 : rsName(rs) === fresh ? 1 : 2);
  return sortByCreation(ctx.allRSs).sort((a, b) => rank(a) - rank(b));
}

/** Pods owned by the rollout's RSs, in restart order (then oldest first). */
function rolloutPods(ctx: DecideContext, pods: readonly Pod[]): Pod[] {
  const out: Pod[] = [];
  for (const rs of restartOrder(ctx)) {
    const uid = rs.metadata?.uid;
    const owned = pods.filter((p) => (p.metadata?.ownerReferences ?? []).some((o) => !!uid && o.uid === uid));
    owned.sort((a, b) => (ms(a.metadata?.creationTimestamp) ?? 0) - (ms(b.metadata?.creationTimestamp) ?? 0));
    out.push(...owned);
  }
  return out;
}

/** `RolloutPodRestarter.Reconcile`. */
export function reconcileRestart(ctx: DecideContext): void {
  const ro = ctx.ro;
  const at = ms(ro.spec.restartAt);
  if (at !== undefined && ctx.now < at) ctx.requeueAt(at);
  if (!needsRestart(ro, ctx.now) || at === undefined) return;
  const observed = ctx.observation.pods;
  if (!observed) {
    ctx.note('restart pending but pods were not observed');
    ctx.requeueAfter(RESTART_CHECK_MS);
    return;
  }
  const pods = rolloutPods(ctx, observed);
  const minReady = ro.spec.minReadySeconds ?? 0;
  const available = pods.filter((p) => isPodAvailable(p, minReady, ctx.now)).length;
  const concurrent = Math.max(maxUnavailableOf(ro), 1);
  const effectiveMinAvailable = Math.max(ctx.replicas, sumSpecReplicas(ctx.allRSs)) - concurrent;
  let canRestart = available - effectiveMinAvailable;
  let needs = 0;
  let restarted = 0;
  for (const pod of pods) {
    const created = ms(pod.metadata?.creationTimestamp) ?? 0;
    if (created >= at) continue;
    needs++;
    if (canRestart <= 0 || pod.metadata?.deletionTimestamp) continue;
    ctx.evictPods.push(pod.metadata?.name ?? '');
    canRestart--;
    restarted++;
  }
  if (needs - restarted !== 0) {
    ctx.note(`${needs}/${pods.length} pods need a restart, evicting ${restarted}`);
    ctx.requeueAfter(RESTART_CHECK_MS);
  } else {
    ctx.carried.restartedAt = ro.spec.restartAt;
  }
}
