/**
 * The disruption controller's "finders": the sum of the replicas of the controllers that own the
 * selected pods. A ReplicaSet owned by a Deployment counts as the Deployment; any other controller
 * is read through its scale subresource.
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { SharedInformer } from '../../../../kube/informer.ts';
import type { KubeClient } from '../../../../kube/client.ts';
import { isNotFound } from '../../../../kube/rest-errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import type { ApiDiscovery } from '../common/api-discovery.ts';
import { groupOf, num } from '../common/meta.ts';
import { controllerOf } from '../../util/controller-ref.ts';
import type { PodObject } from '../common/types.ts';

export interface ScaleSources {
  client: KubeClient;
  discovery: ApiDiscovery;
  replicasets: SharedInformer<KubeObject>;
  deployments: SharedInformer<KubeObject>;
}

function replicasOf(obj: KubeObject): number {
  return num((obj['spec'] as { replicas?: unknown } | undefined)?.replicas) ?? 1;
}

/** Controller uid → replicas for one controller reference; undefined when it does not exist. */
async function findController(src: ScaleSources, namespace: string, ref: OwnerReference): Promise<[string, number] | undefined> {
  const group = groupOf(ref.apiVersion);
  if (ref.kind === 'ReplicaSet' && group === 'apps') {
    const rs = src.replicasets.cache.get(namespace, ref.name);
    if (rs && rs.metadata.uid === ref.uid) {
      const owner = controllerOf(rs);
      if (!owner || owner.kind !== 'Deployment' || groupOf(owner.apiVersion) !== 'apps') return [ref.uid, replicasOf(rs)];
      const dep = src.deployments.cache.get(namespace, owner.name);
      return dep && dep.metadata.uid === owner.uid ? [owner.uid, replicasOf(dep)] : undefined;
    }
  }
  const resource = src.discovery.byGroupKind(group, ref.kind);
  if (!resource || !resource.subresources.includes('scale')) return undefined;
  try {
    const scale = await src.client.get(resource.ref, namespace, ref.name, { subresource: 'scale' });
    if (scale.metadata.uid !== ref.uid) return undefined;
    return [ref.uid, replicasOf(scale)];
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** The expected pod count behind percentage / maxUnavailable budgets; pods without a controller are left out. */
export async function controllersScale(src: ScaleSources, pods: readonly PodObject[]): Promise<number | { error: string }> {
  const byController = new Map<string, number>();
  const seen = new Set<string>();
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref || seen.has(ref.uid)) continue;
    seen.add(ref.uid);
    const found = await findController(src, pod.metadata.namespace ?? '', ref);
    if (!found) return { error: `found no controllers for pod "${pod.metadata.name ?? ''}"` };
    byController.set(found[0], found[1]);
  }
  let total = 0;
  for (const n of byController.values()) total += n;
  return total;
}
