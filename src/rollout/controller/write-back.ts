/**
 * After a successful write the controller puts the server's answer into its informer cache
 * (Argo's writeBackToInformer), so the next reconcile does not act on a stale object. An older
 * object never replaces a newer one.
 */
import type { KubeObject } from '../../cluster/store/object.ts';
import type { SharedInformer } from '../../kube/informer.ts';

function rvNumber(obj: KubeObject | undefined): number | undefined {
  const rv = obj?.metadata?.resourceVersion;
  return rv !== undefined && /^\d+$/.test(rv) ? Number(rv) : undefined;
}

export function writeBack<T extends KubeObject>(informer: SharedInformer<T> | undefined, obj: T | undefined): void {
  if (!informer || !obj?.metadata?.name) return;
  const cached = informer.cache.get(obj.metadata.namespace, obj.metadata.name);
  const fresh = rvNumber(obj);
  const old = rvNumber(cached);
  if (fresh !== undefined && old !== undefined && fresh < old) return;
  informer.cache.upsert(obj);
}
