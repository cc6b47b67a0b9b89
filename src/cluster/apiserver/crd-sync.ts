import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1.js';
import type { KubeObject } from '../store/object.ts';
import type { Store, StoreEvent } from '../store/store.ts';
import { crdStatus, crdToResourceTypes, validateCrd } from './crd/index.ts';
import { tableName, type ResourceRegistry } from './resources/registry.ts';
import type { ResourceType } from './resources/types.ts';
import type { ObjectService } from './service/object-service.ts';

const CRD_TABLE = 'apiextensions.k8s.io/customresourcedefinitions';

/**
 * Serves custom resources as CRDs come and go: a CRD's resources are served as soon as it is
 * stored, its status gets NamesAccepted/Established, and deleting it deletes its objects.
 */
export class CrdSync {
  private unsubscribe?: () => void;
  private readonly served = new Map<string, ResourceType[]>();

  constructor(
    private readonly store: Store,
    private readonly registry: ResourceRegistry,
    private readonly objects: ObjectService,
  ) {
    const crdType = registry.byTable(CRD_TABLE);
    if (crdType) {
      const builtinValidate = crdType.validate;
      crdType.validate = (obj, old) => {
        const causes = [...(builtinValidate?.(obj, old) ?? []), ...validateCrd(obj as unknown as CustomResourceDefinition, this.conflictingNames(obj))];
        // Both checkers report some rules (e.g. a missing spec.group): report each cause once.
        const seen = new Set<string>();
        return causes.filter((c) => !seen.has(`${c.field}\u0000${c.message}`) && seen.add(`${c.field}\u0000${c.message}`));
      };
    }
  }

  start(): void {
    for (const crd of this.store.list(CRD_TABLE, '')) this.serve(crd);
    this.unsubscribe = this.store.watch({ table: CRD_TABLE, namespace: '', deliver: (ev) => this.onEvent(ev) }, this.store.resourceVersion);
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private onEvent(ev: StoreEvent): void {
    if (ev.type === 'DELETED') {
      this.unserve(ev.obj);
      return;
    }
    this.serve(ev.obj);
  }

  /** Names (plural.group) already served by another CRD or a built-in kind. */
  private conflictingNames(obj: KubeObject): (group: string, plural: string) => boolean {
    return (group, plural) => {
      const existing = this.registry.byTable(`${group}/${plural}`);
      return existing !== undefined && existing.crdName !== obj.metadata.name;
    };
  }

  private serve(obj: KubeObject): void {
    const crd = obj as unknown as CustomResourceDefinition;
    const name = obj.metadata.name ?? '';
    for (const rt of this.served.get(name) ?? []) this.registry.remove(rt.group, rt.resource);
    const types = crdToResourceTypes(crd);
    for (const rt of types) this.registry.add(rt);
    this.served.set(name, types);
    // Writing status from inside a store event would reorder events for other watchers.
    setImmediate(() => this.writeStatus(name));
  }

  private writeStatus(name: string): void {
    const current = this.store.get(CRD_TABLE, '', name);
    const rt = this.registry.byTable(CRD_TABLE);
    if (!current || !rt || current.metadata.deletionTimestamp) return;
    const status = crdStatus(current as unknown as CustomResourceDefinition, current.status as CustomResourceDefinition['status']);
    this.objects.commitUpdate(rt, current, { ...current, status: status as unknown as KubeObject['status'] }, 'status', {
      fieldManager: 'vane-apiextensions',
      dryRun: false,
      fieldValidation: 'Ignore',
      warnings: [],
    });
  }

  private unserve(obj: KubeObject): void {
    const name = obj.metadata.name ?? '';
    const types = this.served.get(name) ?? [];
    this.served.delete(name);
    for (const rt of types) this.registry.remove(rt.group, rt.resource);
    setImmediate(() => {
      for (const rt of types) {
        for (const cr of this.store.list(tableName(rt), '')) this.store.delete(tableName(rt), cr);
      }
    });
  }
}
