/** RollingUpdate (Kubernetes' rolling.go): surge the new ReplicaSet, then scale old ones down within maxUnavailable. Pure. */
import type { ReplicaSetObject } from '../util/types.ts';
import { maxUnavailable } from './fenceposts.ts';
import { availableReplicaCount, byCreation, filterActive, replicaCount, specReplicas } from './rs-util.ts';
import { newRSNewReplicas, type SyncState } from './sync-state.ts';

/** reconcileNewReplicaSet: true when the new ReplicaSet was scaled. */
export function reconcileNewReplicaSet(st: SyncState, all: ReplicaSetObject[], newRS: ReplicaSetObject): boolean {
  const desired = st.spec.replicas;
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return st.scaleReplicaSetAndRecordEvent(newRS, desired).scaled;
  return st.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(st.spec, all, newRS)).scaled;
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable pods, oldest first. */
function cleanupUnhealthyReplicas(st: SyncState, oldRSs: ReplicaSetObject[], maxCleanup: number): { oldRSs: ReplicaSetObject[]; scaledDown: number } {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break;
    const rs = sorted[i] as ReplicaSetObject;
    const replicas = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const down = Math.min(maxCleanup - total, replicas - available);
    sorted[i] = st.scaleReplicaSetAndRecordEvent(rs, replicas - down).rs;
    total += down;
  }
  return { oldRSs: sorted, scaledDown: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: scale old ReplicaSets down as far as availability allows. */
function scaleDownOldForRollingUpdate(st: SyncState, all: ReplicaSetObject[], oldRSs: ReplicaSetObject[]): number {
  const minAvailable = st.spec.replicas - maxUnavailable(st.spec);
  const available = availableReplicaCount(all);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    const replicas = specReplicas(rs);
    if (replicas === 0) continue;
    const down = Math.min(replicas, target - total);
    st.scaleReplicaSetAndRecordEvent(rs, replicas - down);
    total += down;
  }
  return total;
}

/** reconcileOldReplicaSets: true when an old ReplicaSet was scaled down. */
export function reconcileOldReplicaSets(st: SyncState, all: ReplicaSetObject[], activeOld: ReplicaSetObject[], newRS: ReplicaSetObject): boolean {
  if (replicaCount(activeOld) === 0) return false;
  const allPods = replicaCount(all);
  const minAvailable = st.spec.replicas - maxUnavailable(st.spec);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(st, activeOld, maxScaledDown);
  const scaled = scaleDownOldForRollingUpdate(st, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.scaledDown + scaled > 0;
}

/** rolloutRolling up to (not including) the status sync; returns the ReplicaSets for it. */
export function rolloutRolling(st: SyncState): { newRS: ReplicaSetObject | undefined; all: ReplicaSetObject[]; oldRSs: ReplicaSetObject[]; scaled: boolean } {
  const { newRS, oldRSs } = st.getAllReplicaSetsAndSyncRevision(true);
  if (!newRS) return { newRS, all: oldRSs, oldRSs, scaled: false };
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(st, all, newRS)) return { newRS, all: current(st, all), oldRSs, scaled: true };
  const fresh = current(st, all);
  const freshNew = fresh[fresh.length - 1] as ReplicaSetObject;
  if (reconcileOldReplicaSets(st, fresh, filterActive(fresh.slice(0, -1)), freshNew)) return { newRS: freshNew, all: current(st, all), oldRSs, scaled: true };
  return { newRS: freshNew, all: current(st, all), oldRSs: current(st, oldRSs), scaled: false };
}

/** The working copies of these ReplicaSets (after this sync's writes). */
export function current(st: SyncState, rses: readonly ReplicaSetObject[]): ReplicaSetObject[] {
  return rses.map((rs) => st.rsList.find((x) => x.metadata.name === rs.metadata.name) ?? rs);
}
