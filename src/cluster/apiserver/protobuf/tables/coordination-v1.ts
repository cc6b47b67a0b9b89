/**
 * Protobuf field numbers and JSON names of k8s.io/api coordination/v1 (generated.proto, Kubernetes 1.32): Lease.
 * Notation: see ../schema.ts.
 */
import type { TableSource } from '../schema.ts';

export const COORDINATION_V1: TableSource = {
  'coordination.v1.Lease': { 1: 'metadata:meta.v1.ObjectMeta', 2: 'spec:coordination.v1.LeaseSpec' },
  'coordination.v1.LeaseSpec': {
    1: 'holderIdentity:string?',
    2: 'leaseDurationSeconds:int32?',
    3: 'acquireTime:meta.v1.MicroTime',
    4: 'renewTime:meta.v1.MicroTime',
    5: 'leaseTransitions:int32?',
    6: 'strategy:string?',
    7: 'preferredHolder:string?',
  },
};
