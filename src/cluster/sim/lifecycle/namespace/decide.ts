/** Pure parts of namespace deletion: what to delete and how the namespace is finalized. */
import type { KubeObject } from '../../../store/object.ts';
import { hasVerbs, type ApiResource } from '../common/discovery.ts';

/** The finalizer the namespace controller owns in `spec.finalizers`. */
export const KUBERNETES_FINALIZER = 'kubernetes';

/** Every namespaced resource that can be listed and deleted: what a namespace's deletion removes. */
export function namespacedContent(all: readonly ApiResource[]): ApiResource[] {
  return all.filter((r) => r.ref.namespaced && hasVerbs(r, 'list', 'delete'));
}

export function specFinalizers(ns: KubeObject): string[] {
  const spec = ns['spec'] as { finalizers?: unknown } | undefined;
  return Array.isArray(spec?.finalizers) ? spec.finalizers.filter((f): f is string => typeof f === 'string') : [];
}

/** A terminating namespace this controller still has to empty and finalize. */
export function needsFinalization(ns: KubeObject | undefined): boolean {
  return Boolean(ns?.metadata.deletionTimestamp) && specFinalizers(ns as KubeObject).includes(KUBERNETES_FINALIZER);
}

/** The body of PUT /api/v1/namespaces/{name}/finalize: the namespace without our spec finalizer. */
export function finalizeBody(ns: KubeObject): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns.metadata.name, resourceVersion: ns.metadata.resourceVersion },
    spec: { finalizers: specFinalizers(ns).filter((f) => f !== KUBERNETES_FINALIZER) },
  };
}

/** Whether an active namespace should get the `default` ServiceAccount. */
export function isActive(ns: KubeObject | undefined): boolean {
  if (!ns || ns.metadata.deletionTimestamp) return false;
  const phase = (ns['status'] as { phase?: unknown } | undefined)?.phase;
  return phase === undefined || phase === 'Active';
}
