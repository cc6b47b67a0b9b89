/** Object builders for the simulation's unit tests. */
import type { Container, PodCondition } from 'kubernetes-types/core/v1.js';
import { formatTime } from '../../../src/kube/time-format.ts';
import type { DeploymentObject, NodeObject, PodObject, ReplicaSetObject, ServiceObject } from '../../../src/cluster/sim/util/types.ts';

export const T0 = Date.parse('2024-01-01T00:00:00Z');
export const at = (ms: number): string => formatTime(T0 + ms);

export interface PodOpts {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  node?: string;
  phase?: string;
  ready?: boolean;
  /** ms after T0 the pod became ready */
  readySince?: number;
  created?: number;
  restarts?: number;
  ip?: string;
  deleting?: boolean;
  containers?: Container[];
  conditions?: PodCondition[];
  owner?: { kind: string; name: string; uid: string };
  readinessGates?: string[];
  restartPolicy?: string;
}

export function pod(o: PodOpts = {}): PodObject {
  const name = o.name ?? 'p';
  const conditions: PodCondition[] = [...(o.conditions ?? [])];
  if (o.ready !== undefined) conditions.push({ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: at(o.readySince ?? 0) });
  const p: PodObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? `uid-${name}`,
      labels: o.labels ?? {},
      creationTimestamp: at(o.created ?? 0),
      resourceVersion: '1',
    },
    spec: { containers: o.containers ?? [{ name: 'app', image: 'nginx' }] },
    status: { phase: o.phase ?? (o.node ? 'Running' : 'Pending'), conditions },
  };
  if (o.annotations) p.metadata.annotations = o.annotations;
  if (o.node) p.spec!.nodeName = o.node;
  if (o.ip) p.status!.podIP = o.ip;
  if (o.restarts !== undefined) p.status!.containerStatuses = [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: o.restarts }];
  if (o.deleting) {
    p.metadata = { ...p.metadata, deletionTimestamp: at(30_000), deletionGracePeriodSeconds: 30 };
  }
  if (o.owner) p.metadata.ownerReferences = [{ apiVersion: o.owner.kind === 'ReplicaSet' ? 'apps/v1' : 'v1', kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid, controller: true }];
  if (o.readinessGates) p.spec!.readinessGates = o.readinessGates.map((conditionType) => ({ conditionType }));
  if (o.restartPolicy) p.spec!.restartPolicy = o.restartPolicy;
  return p;
}

export interface RsOpts {
  name?: string;
  uid?: string;
  replicas?: number;
  statusReplicas?: number;
  available?: number;
  ready?: number;
  revision?: number;
  created?: number;
  annotations?: Record<string, string>;
  image?: string;
  minReadySeconds?: number;
  generation?: number;
  observedGeneration?: number;
  owner?: string;
}

export function rs(o: RsOpts = {}): ReplicaSetObject {
  const name = o.name ?? 'rs';
  const annotations: Record<string, string> = { ...(o.annotations ?? {}) };
  if (o.revision !== undefined) annotations['deployment.kubernetes.io/revision'] = String(o.revision);
  const r: ReplicaSetObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? `uid-${name}`,
      creationTimestamp: at(o.created ?? 0),
      annotations,
      generation: o.generation ?? 1,
      resourceVersion: '1',
      labels: { app: 'web' },
    },
    spec: {
      replicas: o.replicas ?? 1,
      minReadySeconds: o.minReadySeconds ?? 0,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: o.image ?? 'nginx:1' }] } },
    },
    status: {
      replicas: o.statusReplicas ?? o.replicas ?? 1,
      availableReplicas: o.available ?? o.replicas ?? 1,
      readyReplicas: o.ready ?? o.available ?? o.replicas ?? 1,
      observedGeneration: o.observedGeneration ?? o.generation ?? 1,
    },
  };
  if (o.owner) r.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: o.owner, controller: true }];
  return r;
}

export interface DeployOpts {
  replicas?: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  generation?: number;
  observedGeneration?: number;
  progressDeadlineSeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  annotations?: Record<string, string>;
  status?: DeploymentObject['status'];
}

export function deployment(o: DeployOpts = {}): DeploymentObject {
  const strategy =
    o.strategy === 'Recreate'
      ? { type: 'Recreate' }
      : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', generation: o.generation ?? 1, annotations: o.annotations ?? {}, creationTimestamp: at(0) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      strategy,
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      paused: o.paused,
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: o.image ?? 'nginx:1' }] } },
    },
    status: o.status ?? { observedGeneration: o.observedGeneration ?? 0 },
  };
}

export function service(spec: ServiceObject['spec'], name = 'web'): ServiceObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', uid: `uid-svc-${name}`, labels: { team: 'a' } }, spec };
}

export function node(name: string, o: { labels?: Record<string, string>; unschedulable?: boolean; taints?: NonNullable<NodeObject['spec']>['taints'] } = {}): NodeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } }, spec: { unschedulable: o.unschedulable, taints: o.taints } };
}
