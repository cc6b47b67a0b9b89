/** ReplicaSets owned by a Rollout or Experiment, with health, role tags and pods (Argo's `GetReplicaSetInfo`). */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { LABEL_POD_TEMPLATE_HASH } from '../../api/constants.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import { replicaSetIcon } from '../render/icons.ts';
import { experimentTemplateName, isOwnedBy, objectInfo, ownerUid, parseRevision, scaleDownDeadline } from './meta.ts';
import { comparePods, podInfo } from './pod-info.ts';
import type { ReplicaSetInfo } from './types.ts';

/** Progressing (generation not observed or not all available), ReplicaFailure, ScaledDown or Healthy. */
export function replicaSetHealth(rs: ReplicaSet): string {
  const generation = rs.metadata?.generation ?? 0;
  const observed = rs.status?.observedGeneration ?? 0;
  const specReplicas = rs.spec?.replicas;
  if (generation > observed) return 'Progressing';
  const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (failure?.status === 'True') return 'ReplicaFailure';
  if (specReplicas !== undefined && (rs.status?.availableReplicas ?? 0) < specReplicas) return 'Progressing';
  if (specReplicas === 0) return 'ScaledDown';
  return 'Healthy';
}

function tagRoles(info: ReplicaSetInfo, rs: ReplicaSet, ro: Rollout): void {
  const hash = rs.metadata?.labels?.[LABEL_POD_TEMPLATE_HASH] ?? '';
  const status = ro.status ?? {};
  const canary = ro.spec?.strategy?.canary;
  if (canary) {
    const pingPong = canary.pingPong !== undefined && canary.pingPong !== null;
    const stableIsPing = status.canary?.stablePingPong === 'ping';
    if ((status.stableRS ?? '') === hash) {
      info.stable = true;
      if (pingPong) {
        info.ping = stableIsPing;
        info.pong = !stableIsPing;
      }
    } else if ((status.currentPodHash ?? '') === hash) {
      info.canary = true;
      if (pingPong) {
        info.ping = !stableIsPing;
        info.pong = stableIsPing;
      }
    }
  }
  if (ro.spec?.strategy?.blueGreen) {
    if ((status.stableRS ?? '') === hash) info.stable = true;
    if ((status.blueGreen?.activeSelector ?? '') === hash) info.active = true;
    else if ((status.blueGreen?.previewSelector ?? '') === hash) info.preview = true;
  }
}

function replicaSetInfo(rs: ReplicaSet, ro: Rollout | undefined): ReplicaSetInfo {
  const status = replicaSetHealth(rs);
  const info: ReplicaSetInfo = {
    ...objectInfo(rs.metadata),
    status,
    icon: replicaSetIcon(status),
    revision: parseRevision(rs.metadata),
    template: experimentTemplateName(rs.metadata),
    scaleDownDeadline: scaleDownDeadline(rs.metadata),
    stable: false,
    canary: false,
    active: false,
    preview: false,
    ping: false,
    pong: false,
    replicas: rs.status?.replicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
    images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
    pods: [],
  };
  if (ro) tagRoles(info, rs, ro);
  return info;
}

/**
 * The ReplicaSets owned by `ownerUid`, newest revision first (then by name, as Argo's sort ends up
 * doing), each with its pods oldest first. `ro` adds stable/canary/active/preview/ping/pong tags.
 */
export function replicaSetInfos(
  owner: string,
  ro: Rollout | undefined,
  replicaSets: readonly ReplicaSet[],
  pods: readonly Pod[],
): ReplicaSetInfo[] {
  const infos = replicaSets.filter((rs) => isOwnedBy(rs.metadata, owner)).map((rs) => replicaSetInfo(rs, ro));
  infos.sort((a, b) => (a.revision !== b.revision ? b.revision - a.revision : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byUid = new Map(infos.map((i) => [i.uid, i]));
  const uids = new Set(byUid.keys());
  for (const pod of pods) {
    const uid = ownerUid(pod.metadata, uids);
    if (uid !== undefined) byUid.get(uid)?.pods.push(podInfo(pod));
  }
  for (const info of infos) info.pods.sort(comparePods);
  return infos;
}
