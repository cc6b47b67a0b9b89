import type { KubeObject } from '../cluster/store/object.ts';
import type { KubeClient } from './client.ts';
import { SharedInformer, type InformerOptions } from './informer.ts';
import type { ResourceRef } from './resources.ts';

/** Options that decide which informer is shared; the rest come from the factory defaults. */
export interface InformerSelection {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export type FactoryDefaults = Omit<InformerOptions<KubeObject>, keyof InformerSelection | 'indexers' | 'transform'> &
  InformerSelection;

/**
 * Hands out one SharedInformer per resource + namespace + selectors, so that several controllers
 * watching ReplicaSets share a single list/watch and cache. Informers created after `start()` start
 * at once.
 */
export class SharedInformerFactory {
  private readonly informers = new Map<string, SharedInformer<KubeObject>>();
  private started = false;
  private shutDown = false;

  constructor(
    private readonly client: KubeClient,
    private readonly defaults: FactoryDefaults = {},
  ) {}

  /** The shared informer for `ref` (namespace and selectors default to the factory's). */
  forResource<T extends KubeObject = KubeObject>(ref: ResourceRef, selection: InformerSelection = {}): SharedInformer<T> {
    if (this.shutDown) throw new Error('informer factory is shut down');
    const sel: InformerSelection = {
      namespace: selection.namespace ?? this.defaults.namespace,
      labelSelector: selection.labelSelector ?? this.defaults.labelSelector,
      fieldSelector: selection.fieldSelector ?? this.defaults.fieldSelector,
    };
    const key = [ref.group, ref.version, ref.resource, ref.namespaced ? (sel.namespace ?? '') : '', sel.labelSelector ?? '', sel.fieldSelector ?? ''].join('|');
    let informer = this.informers.get(key);
    if (!informer) {
      const opts: InformerOptions<KubeObject> = { ...this.defaults, ...sel };
      if (!ref.namespaced) delete opts.namespace;
      informer = new SharedInformer<KubeObject>(this.client, ref, opts);
      this.informers.set(key, informer);
      if (this.started) informer.start();
    }
    // One informer serves every caller's T; T only narrows what callers read from it.
    return informer as unknown as SharedInformer<T>;
  }

  /** Starts every informer created so far, and every one created later. */
  start(): void {
    if (this.shutDown) return;
    this.started = true;
    for (const informer of this.informers.values()) informer.start();
  }

  /** Resolves true when every informer has synced; false if `signal` aborts or one is stopped first. */
  async waitForCacheSync(signal?: AbortSignal): Promise<boolean> {
    const results = await Promise.all([...this.informers.values()].map((i) => i.waitForSync(signal)));
    return results.every(Boolean);
  }

  list(): SharedInformer<KubeObject>[] {
    return [...this.informers.values()];
  }

  /** Stops every informer and waits for their loops to end. */
  async shutdown(): Promise<void> {
    this.shutDown = true;
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
  }
}
