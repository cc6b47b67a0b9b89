/**
 * Gathers what `decideRollout` needs about one Rollout: its ReplicaSets and Services from the
 * informer caches, its pods only while a restart is due (listed through the API), and the object
 * behind `spec.workloadRef` (cache once synced, else a GET).
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod, Service } from 'kubernetes-types/core/v1.js';
import type { KubeObject } from '../../cluster/store/object.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import { formatLabelSelector } from '../../api/label-selector.ts';
import type { KubeClient } from '../../kube/client.ts';
import { isNotFound } from '../../kube/rest-errors.ts';
import * as resources from '../../kube/resources.ts';
import { needsPods } from '../decide/decide.ts';
import { isControlledBy } from '../decide/new-replicaset.ts';
import type { RolloutObservation, WorkloadObject, WorkloadObservation } from '../decide/types.ts';
import { isWorkloadKind } from '../decide/workload-ref.ts';
import { referencedServiceNames, WORKLOAD_REFS, type RolloutInformers } from './informers.ts';

export interface ObserveDeps {
  client: KubeClient;
  informers: RolloutInformers;
  now: number;
  signal?: AbortSignal;
}

function asReplicaSet(obj: KubeObject): ReplicaSet {
  return obj as unknown as ReplicaSet;
}

/** ReplicaSets controlled by the rollout (owner UID index, then the controller flag). */
export function ownedReplicaSets(informers: RolloutInformers, ro: Rollout): ReplicaSet[] {
  const uid = ro.metadata?.uid;
  if (!uid) return [];
  return informers.replicaSets.cache
    .byOwnerUid(uid)
    .map(asReplicaSet)
    .filter((rs) => isControlledBy(rs, ro));
}

async function listPods(deps: ObserveDeps, ro: Rollout, replicaSets: readonly ReplicaSet[]): Promise<Pod[]> {
  const pods: Pod[] = [];
  for (const rs of replicaSets) {
    if ((rs.status?.replicas ?? 0) === 0 && (rs.spec?.replicas ?? 0) === 0) continue;
    const list = await deps.client.list(resources.pods, ro.metadata?.namespace, {
      labelSelector: formatLabelSelector(rs.spec?.selector),
      signal: deps.signal,
    });
    pods.push(...list.items.map((p) => p as unknown as Pod));
  }
  return pods;
}

async function observeWorkload(deps: ObserveDeps, ro: Rollout): Promise<WorkloadObservation | undefined> {
  const ref = ro.spec?.workloadRef;
  if (!ref?.name || !isWorkloadKind(ref.kind)) return undefined;
  const ns = ro.metadata?.namespace;
  const informer = deps.informers.workload(ref.kind);
  let obj: KubeObject | undefined;
  if (informer.hasSynced()) {
    obj = informer.cache.get(ns, ref.name);
  } else {
    try {
      obj = await deps.client.get(WORKLOAD_REFS[ref.kind], ns, ref.name, { signal: deps.signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return { kind: ref.kind, name: ref.name, object: obj as unknown as WorkloadObject | undefined };
}

export async function observeRollout(deps: ObserveDeps, ro: Rollout): Promise<RolloutObservation> {
  const ns = ro.metadata?.namespace;
  const replicaSets = ownedReplicaSets(deps.informers, ro);
  const services = new Map<string, Service>();
  for (const name of referencedServiceNames(ro)) {
    const svc = deps.informers.services.cache.get(ns, name);
    if (svc) services.set(name, svc as unknown as Service);
  }
  const observation: RolloutObservation = {
    rollout: ro,
    replicaSets,
    replicaSetNamed: (name) => {
      const rs = deps.informers.replicaSets.cache.get(ns, name);
      return rs ? asReplicaSet(rs) : undefined;
    },
    services,
    now: deps.now,
  };
  if (ro.spec && needsPods(ro, deps.now)) observation.pods = await listPods(deps, ro, replicaSets);
  const workload = await observeWorkload(deps, ro);
  if (workload) observation.workload = workload;
  return observation;
}
