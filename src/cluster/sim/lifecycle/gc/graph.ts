/**
 * The garbage collector's view of the cluster: one shared informer per deletable resource, each
 * indexed by uid and by owner uid, so that owners and dependents are found across all kinds.
 */
import { OWNER_UID_INDEX, ownerUidIndexFunc, type IndexFunc } from '../../../../kube/cache.ts';
import type { HandlerRegistration, ResourceEventHandler, SharedInformer } from '../../../../kube/informer.ts';
import type { SharedInformerFactory } from '../../../../kube/informer-factory.ts';
import type { KubeObject } from '../../../store/object.ts';
import { hasVerbs, type ApiResource } from '../common/discovery.ts';

export const UID_INDEX = 'vane.dev/uid';
export const uidIndexFunc: IndexFunc<KubeObject> = (obj) => (obj.metadata.uid ? [obj.metadata.uid] : []);

/** Kinds the garbage collector never watches: high-volume and never owners. */
const IGNORED = new Set(['/events', 'events.k8s.io/events', 'coordination.k8s.io/leases']);

/** Resources the garbage collector watches: everything listable, watchable and deletable but events and leases. */
export function gcResources(all: readonly ApiResource[]): ApiResource[] {
  return all.filter((r) => hasVerbs(r, 'list', 'watch', 'delete') && !IGNORED.has(`${r.ref.group}/${r.ref.resource}`));
}

export interface GraphNode {
  resource: ApiResource;
  obj: KubeObject;
}

interface Monitor {
  resource: ApiResource;
  informer: SharedInformer<KubeObject>;
  registration: HandlerRegistration;
}

export class ObjectGraph {
  private readonly monitors = new Map<string, Monitor>();

  constructor(
    private readonly informers: SharedInformerFactory,
    /** Handlers for one resource's events. */
    private readonly handlerFor: (resource: ApiResource) => ResourceEventHandler<KubeObject>,
  ) {}

  /**
   * Watches exactly `resources` from now on: informers for new ones, handlers removed for those no
   * longer served (their shared informers stay with the factory).
   */
  sync(resources: readonly ApiResource[]): void {
    const wanted = new Map(resources.map((r) => [`${r.ref.group}/${r.ref.resource}`, r]));
    for (const [key, monitor] of this.monitors) {
      if (wanted.has(key)) continue;
      monitor.registration.remove();
      this.monitors.delete(key);
    }
    for (const [key, resource] of wanted) {
      if (this.monitors.has(key)) continue;
      const informer = this.informers.forResource<KubeObject>(resource.ref);
      informer.addIndexers({ [UID_INDEX]: uidIndexFunc, [OWNER_UID_INDEX]: ownerUidIndexFunc });
      // The monitor is in place before the handler's replay of cached objects, which may look it up.
      const monitor: Monitor = { resource, informer, registration: { remove: () => {} } };
      this.monitors.set(key, monitor);
      monitor.registration = informer.addEventHandler(this.handlerFor(resource));
    }
  }

  /** The watched resources with their informers. */
  monitorList(): ReadonlyArray<{ resource: ApiResource; informer: SharedInformer<KubeObject> }> {
    return [...this.monitors.values()];
  }

  /** The object with this uid, in whichever resource it lives. */
  byUid(uid: string): GraphNode | undefined {
    for (const m of this.monitors.values()) {
      const obj = m.informer.cache.byIndex(UID_INDEX, uid)[0];
      if (obj) return { resource: m.resource, obj };
    }
    return undefined;
  }

  /** Every object with an owner reference to `uid`. */
  dependents(uid: string): GraphNode[] {
    const out: GraphNode[] = [];
    for (const m of this.monitors.values()) {
      for (const obj of m.informer.cache.byIndex(OWNER_UID_INDEX, uid)) out.push({ resource: m.resource, obj });
    }
    return out;
  }

  hasDependents(uid: string): boolean {
    for (const m of this.monitors.values()) if (m.informer.cache.byIndex(OWNER_UID_INDEX, uid).length > 0) return true;
    return false;
  }
}
