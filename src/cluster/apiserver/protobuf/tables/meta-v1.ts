/**
 * Protobuf field numbers and JSON names of k8s.io/apimachinery pkg/apis/meta/v1 (generated.proto, Kubernetes 1.32): ObjectMeta, LabelSelector, OwnerReference, ManagedFieldsEntry, Condition, DeleteOptions.
 * Notation: see ../schema.ts.
 */
import type { TableSource } from '../schema.ts';

export const META_V1: TableSource = {
  'meta.v1.Condition': {
    1: 'type:string!',
    2: 'status:string!',
    3: 'observedGeneration:int64',
    4: 'lastTransitionTime:meta.v1.Time',
    5: 'reason:string!',
    6: 'message:string!',
  },
  'meta.v1.DeleteOptions': {
    1: 'gracePeriodSeconds:int64?',
    2: 'preconditions:meta.v1.Preconditions',
    3: 'orphanDependents:bool?',
    4: 'propagationPolicy:string?',
    5: 'dryRun:[]string',
    6: 'ignoreStoreReadErrorWithClusterBreakingPotential:bool?',
  },
  'meta.v1.LabelSelector': { 1: 'matchLabels:{string:string}', 2: 'matchExpressions:[]meta.v1.LabelSelectorRequirement' },
  'meta.v1.LabelSelectorRequirement': { 1: 'key:string!', 2: 'operator:string!', 3: 'values:[]string' },
  'meta.v1.ManagedFieldsEntry': {
    1: 'manager:string',
    2: 'operation:string',
    3: 'apiVersion:string',
    4: 'time:meta.v1.Time',
    6: 'fieldsType:string',
    7: 'fieldsV1:meta.v1.FieldsV1',
    8: 'subresource:string',
  },
  'meta.v1.ObjectMeta': {
    1: 'name:string',
    2: 'generateName:string',
    3: 'namespace:string',
    4: 'selfLink:string',
    5: 'uid:string',
    6: 'resourceVersion:string',
    7: 'generation:int64',
    8: 'creationTimestamp:meta.v1.Time',
    9: 'deletionTimestamp:meta.v1.Time',
    10: 'deletionGracePeriodSeconds:int64?',
    11: 'labels:{string:string}',
    12: 'annotations:{string:string}',
    13: 'ownerReferences:[]meta.v1.OwnerReference',
    14: 'finalizers:[]string',
    17: 'managedFields:[]meta.v1.ManagedFieldsEntry',
  },
  'meta.v1.OwnerReference': {
    1: 'kind:string!',
    3: 'name:string!',
    4: 'uid:string!',
    5: 'apiVersion:string!',
    6: 'controller:bool?',
    7: 'blockOwnerDeletion:bool?',
  },
  'meta.v1.Preconditions': { 1: 'uid:string?', 2: 'resourceVersion:string?' },
};
