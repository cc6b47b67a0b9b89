/**
 * The caches the Rollout controller reads: Rollouts (filtered by the controller instance id,
 * indexed by the Services and workloads they reference), ReplicaSets (indexed by owner UID) and
 * Services; Deployments/PodTemplates only once a rollout references one (`workloadRef`).
 * Changes are turned into queue keys of the Rollouts they concern.
 */
import type { KubeObject } from '../../cluster/store/object.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import { LABEL_CONTROLLER_INSTANCE_ID } from '../../api/constants.ts';
import { keyOf, OWNER_UID_INDEX, ownerUidIndexFunc, type IndexFunc } from '../../kube/cache.ts';
import type { SharedInformerFactory } from '../../kube/informer-factory.ts';
import type { HandlerRegistration, SharedInformer } from '../../kube/informer.ts';
import * as resources from '../../kube/resources.ts';
import type { ResourceRef } from '../../kube/resources.ts';
import type { WorkloadKind } from '../decide/types.ts';

export const SERVICE_INDEX = 'rolloutServices';
export const WORKLOAD_INDEX = 'rolloutWorkloads';

export const podtemplates: ResourceRef = Object.freeze({ group: '', version: 'v1', resource: 'podtemplates', namespaced: true, kind: 'PodTemplate' });

export const WORKLOAD_REFS: Record<WorkloadKind, ResourceRef> = {
  Deployment: resources.deployments,
  ReplicaSet: resources.replicasets,
  PodTemplate: podtemplates,
};

/** `--instance-id`: only rollouts carrying the label with this value; without one, only unlabelled rollouts. */
export function instanceLabelSelector(instanceId: string | undefined): string {
  return instanceId ? `${LABEL_CONTROLLER_INSTANCE_ID}=${instanceId}` : `!${LABEL_CONTROLLER_INSTANCE_ID}`;
}

export function asRollout(obj: KubeObject): Rollout {
  return obj as unknown as Rollout;
}

/** Names of the Services a rollout refers to. */
export function referencedServiceNames(ro: Rollout): string[] {
  const { canary, blueGreen } = ro.spec?.strategy ?? {};
  const names = [
    blueGreen?.activeService,
    blueGreen?.previewService,
    canary?.stableService,
    canary?.canaryService,
    canary?.pingPong?.pingService,
    canary?.pingPong?.pongService,
  ];
  return [...new Set(names.filter((n): n is string => !!n))];
}

const serviceIndex: IndexFunc<KubeObject> = (obj) => {
  const ro = asRollout(obj);
  const ns = ro.metadata?.namespace ?? '';
  return referencedServiceNames(ro).map((n) => `${ns}/${n}`);
};

const workloadIndex: IndexFunc<KubeObject> = (obj) => {
  const ref = asRollout(obj).spec?.workloadRef;
  if (!ref?.kind || !ref.name) return [];
  return [`${obj.metadata.namespace ?? ''}/${ref.kind}/${ref.name}`];
};

export interface RolloutInformers {
  rollouts: SharedInformer<KubeObject>;
  replicaSets: SharedInformer<KubeObject>;
  services: SharedInformer<KubeObject>;
  /** The informer for a workload kind, created on first use (ReplicaSets reuse `replicaSets`). */
  workload(kind: WorkloadKind): SharedInformer<KubeObject>;
  /** Removes every handler this controller registered. */
  release(): void;
}

export interface InformerCallbacks {
  enqueue(key: string): void;
  onRolloutDeleted(ro: Rollout): void;
}

function controllerOwnerKey(obj: KubeObject): string | undefined {
  const ref = (obj.metadata.ownerReferences ?? []).find((o) => o.controller === true);
  if (!ref || ref.kind !== 'Rollout') return undefined;
  return `${obj.metadata.namespace ?? ''}/${ref.name}`;
}

export function setUpInformers(
  factory: SharedInformerFactory,
  opts: { namespace?: string; instanceId?: string },
  cb: InformerCallbacks,
): RolloutInformers {
  const selection = opts.namespace ? { namespace: opts.namespace } : {};
  const registrations: HandlerRegistration[] = [];
  const rollouts = factory.forResource(resources.rollouts, { ...selection, labelSelector: instanceLabelSelector(opts.instanceId) });
  rollouts.addIndexers({ [SERVICE_INDEX]: serviceIndex, [WORKLOAD_INDEX]: workloadIndex });
  const replicaSets = factory.forResource(resources.replicasets, selection);
  replicaSets.addIndexers({ [OWNER_UID_INDEX]: ownerUidIndexFunc });
  const services = factory.forResource(resources.services, selection);

  registrations.push(
    rollouts.addEventHandler({
      onAdd: (obj) => cb.enqueue(keyOf(obj)),
      onUpdate: (_old, obj) => cb.enqueue(keyOf(obj)),
      onDelete: (obj) => cb.onRolloutDeleted(asRollout(obj)),
    }),
  );
  const enqueueOwner = (obj: KubeObject): void => {
    const key = controllerOwnerKey(obj);
    if (key) cb.enqueue(key);
  };
  registrations.push(
    replicaSets.addEventHandler({
      onAdd: enqueueOwner,
      onUpdate: (old, obj) => {
        if (old !== obj) enqueueOwner(obj);
      },
      onDelete: enqueueOwner,
    }),
  );
  const enqueueReferencing = (index: string, value: string): void => {
    for (const ro of rollouts.cache.byIndex(index, value)) cb.enqueue(keyOf(ro));
  };
  const onService = (obj: KubeObject): void => enqueueReferencing(SERVICE_INDEX, keyOf(obj));
  registrations.push(services.addEventHandler({ onAdd: onService, onUpdate: (old, obj) => old !== obj && onService(obj), onDelete: onService }));

  const workloadInformers = new Map<WorkloadKind, SharedInformer<KubeObject>>();
  const workload = (kind: WorkloadKind): SharedInformer<KubeObject> => {
    if (kind === 'ReplicaSet') return replicaSets;
    let informer = workloadInformers.get(kind);
    if (!informer) {
      informer = factory.forResource(WORKLOAD_REFS[kind], selection);
      const onChange = (obj: KubeObject): void => enqueueReferencing(WORKLOAD_INDEX, `${obj.metadata.namespace ?? ''}/${kind}/${obj.metadata.name}`);
      registrations.push(informer.addEventHandler({ onAdd: onChange, onUpdate: (old, obj) => old !== obj && onChange(obj), onDelete: onChange }));
      workloadInformers.set(kind, informer);
    }
    return informer;
  };
  // A ReplicaSet referenced as a workload also requeues its rollouts.
  registrations.push(
    replicaSets.addEventHandler({
      onUpdate: (old, obj) => old !== obj && enqueueReferencing(WORKLOAD_INDEX, `${obj.metadata.namespace ?? ''}/ReplicaSet/${obj.metadata.name}`),
    }),
  );

  return {
    rollouts,
    replicaSets,
    services,
    workload,
    release: () => {
      for (const r of registrations) r.remove();
    },
  };
}
