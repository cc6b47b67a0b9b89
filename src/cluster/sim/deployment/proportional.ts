/**
 * Kubernetes' Deployment scale(): on a scaling event (or while paused) resize the ReplicaSets — the only
 * active one fully; otherwise, mid-rollout, proportionally to their size, leftovers to the largest. Pure.
 */
import type { ReplicaSetObject } from '../util/types.ts';
import { maxSurge } from './fenceposts.ts';
import { isSaturated, maxReplicasAnnotation } from './rs-annotations.ts';
import { byCreation, bySizeNewer, bySizeOlder, filterActive, replicaCount, specReplicas } from './rs-util.ts';
import type { SyncState } from './sync-state.ts';

/** FindActiveOrLatest: the single active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(newRS: ReplicaSetObject | undefined, oldRSs: readonly ReplicaSetObject[]): ReplicaSetObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = filterActive(newRS ? [...newestFirst, newRS] : newestFirst);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** Go's math.Round (half away from zero). */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

function fraction(rs: ReplicaSetObject, desired: number, surge: number, statusReplicas: number): number {
  if (desired === 0) return -specReplicas(rs);
  const deploymentReplicas = desired + surge;
  const annotated = maxReplicasAnnotation(rs) ?? statusReplicas;
  return roundHalfAway((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs);
}

function proportion(rs: ReplicaSetObject, toAdd: number, added: number, desired: number, surge: number, statusReplicas: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(rs, desired, surge, statusReplicas);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

export function scale(st: SyncState, newRS: ReplicaSetObject | undefined, oldRSs: readonly ReplicaSetObject[]): void {
  const desired = st.spec.replicas;
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) {
    if (specReplicas(single) !== desired) st.scaleReplicaSetAndRecordEvent(single, desired);
    return;
  }
  if (isSaturated(desired, newRS)) {
    for (const old of filterActive(oldRSs)) st.scaleReplicaSetAndRecordEvent(old, 0);
    return;
  }
  if (st.spec.strategy !== 'RollingUpdate') return;
  const surge = maxSurge(st.spec);
  const all = filterActive(newRS ? [...oldRSs, newRS] : [...oldRSs]);
  const allowed = desired > 0 ? desired + surge : 0;
  const toAdd = allowed - replicaCount(all);
  let op = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    op = 'down';
  }
  const statusReplicas = st.d.status?.replicas ?? 0;
  let added = 0;
  const size = new Map<string, number>();
  for (const rs of all) {
    const name = rs.metadata.name ?? '';
    if (toAdd !== 0) {
      const p = proportion(rs, toAdd, added, desired, surge, statusReplicas);
      size.set(name, specReplicas(rs) + p);
      added += p;
    } else size.set(name, specReplicas(rs));
  }
  all.forEach((rs, i) => {
    const name = rs.metadata.name ?? '';
    if (i === 0 && toAdd !== 0) size.set(name, Math.max(0, (size.get(name) ?? 0) + toAdd - added));
    st.scaleReplicaSet(rs, size.get(name) ?? 0, op);
  });
}
