/**
 * Protobuf field numbers and JSON names of k8s.io/api discovery/v1 (generated.proto, Kubernetes 1.32): EndpointSlice.
 * Notation: see ../schema.ts.
 */
import type { TableSource } from '../schema.ts';

export const DISCOVERY_V1: TableSource = {
  'discovery.v1.Endpoint': {
    1: 'addresses:[]string',
    2: 'conditions:discovery.v1.EndpointConditions',
    3: 'hostname:string?',
    4: 'targetRef:core.v1.ObjectReference',
    5: 'deprecatedTopology:{string:string}',
    6: 'nodeName:string?',
    7: 'zone:string?',
    8: 'hints:discovery.v1.EndpointHints',
  },
  'discovery.v1.EndpointConditions': { 1: 'ready:bool?', 2: 'serving:bool?', 3: 'terminating:bool?' },
  'discovery.v1.EndpointHints': { 1: 'forZones:[]discovery.v1.ForZone' },
  'discovery.v1.EndpointPort': { 1: 'name:string?', 2: 'protocol:string?', 3: 'port:int32?', 4: 'appProtocol:string?' },
  'discovery.v1.EndpointSlice': {
    1: 'metadata:meta.v1.ObjectMeta',
    2: 'endpoints:[]discovery.v1.Endpoint',
    3: 'ports:[]discovery.v1.EndpointPort',
    4: 'addressType:string!',
  },
  'discovery.v1.ForZone': { 1: 'name:string!' },
};
