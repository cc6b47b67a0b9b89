/** kubernetes-types objects as the dynamic client and informers carry them (metadata always present). */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Endpoints, Node, Pod, Service } from 'kubernetes-types/core/v1.js';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { KubeObject } from '../../store/object.ts';

type Obj<T> = Omit<T, 'metadata'> & { metadata: ObjectMeta } & KubeObject;

export type PodObject = Obj<Pod>;
export type NodeObject = Obj<Node>;
export type ServiceObject = Obj<Service>;
export type EndpointsObject = Obj<Endpoints>;
export type EndpointSliceObject = Obj<EndpointSlice>;
export type ReplicaSetObject = Obj<ReplicaSet>;
export type DeploymentObject = Obj<Deployment>;
