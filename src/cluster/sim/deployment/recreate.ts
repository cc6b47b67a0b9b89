/** Recreate (Kubernetes' recreate.go): scale every old ReplicaSet to 0, wait until their pods are gone, then scale up the new one. Pure. */
import type { PodObject, ReplicaSetObject } from '../util/types.ts';
import { actualReplicaCount, filterActive } from './rs-util.ts';
import { current } from './rolling.ts';
import type { SyncState } from './sync-state.ts';

/** oldPodsRunning: any old ReplicaSet still reports pods, or has a pod that is not finished. */
export function oldPodsRunning(newRS: ReplicaSetObject | undefined, oldRSs: readonly ReplicaSetObject[], podsByRs: ReadonlyMap<string, readonly PodObject[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podsByRs) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}

export function rolloutRecreate(
  st: SyncState,
  podsByRs: ReadonlyMap<string, readonly PodObject[]>,
): { newRS: ReplicaSetObject | undefined; all: ReplicaSetObject[]; oldRSs: ReplicaSetObject[]; done: boolean } {
  let { newRS, oldRSs } = st.getAllReplicaSetsAndSyncRevision(false);
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) if (st.scaleReplicaSetAndRecordEvent(rs, 0).scaled) scaledDown = true;
  const all = (): ReplicaSetObject[] => current(st, newRS ? [...oldRSs, newRS] : oldRSs);
  if (scaledDown) return { newRS, all: all(), oldRSs, done: false };
  if (oldPodsRunning(newRS, current(st, oldRSs), podsByRs)) return { newRS, all: all(), oldRSs, done: false };
  if (!newRS) ({ newRS, oldRSs } = st.getAllReplicaSetsAndSyncRevision(true));
  if (newRS) newRS = st.scaleReplicaSetAndRecordEvent(newRS, st.spec.replicas).rs;
  return { newRS, all: all(), oldRSs: current(st, oldRSs), done: true };
}
