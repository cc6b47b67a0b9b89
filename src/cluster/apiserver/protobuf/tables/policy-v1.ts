/**
 * Protobuf field numbers and JSON names of k8s.io/api policy/v1 (generated.proto, Kubernetes 1.32): Eviction, PodDisruptionBudget.
 * Notation: see ../schema.ts.
 */
import type { TableSource } from '../schema.ts';

export const POLICY_V1: TableSource = {
  'policy.v1.Eviction': { 1: 'metadata:meta.v1.ObjectMeta', 2: 'deleteOptions:meta.v1.DeleteOptions' },
  'policy.v1.PodDisruptionBudget': {
    1: 'metadata:meta.v1.ObjectMeta',
    2: 'spec:policy.v1.PodDisruptionBudgetSpec',
    3: 'status:policy.v1.PodDisruptionBudgetStatus',
  },
  'policy.v1.PodDisruptionBudgetSpec': {
    1: 'minAvailable:intstr.IntOrString',
    2: 'selector:meta.v1.LabelSelector',
    3: 'maxUnavailable:intstr.IntOrString',
    4: 'unhealthyPodEvictionPolicy:string?',
  },
  'policy.v1.PodDisruptionBudgetStatus': {
    1: 'observedGeneration:int64',
    2: 'disruptedPods:{string:meta.v1.Time}',
    3: 'disruptionsAllowed:int32!',
    4: 'currentHealthy:int32!',
    5: 'desiredHealthy:int32!',
    6: 'expectedPods:int32!',
    7: 'conditions:[]meta.v1.Condition',
  },
};
