/**
 * Protobuf field numbers and JSON names of k8s.io/api networking/v1 (generated.proto, Kubernetes 1.32): Ingress.
 * Notation: see ../schema.ts.
 */
import type { TableSource } from '../schema.ts';

export const NETWORKING_V1: TableSource = {
  'networking.v1.HTTPIngressPath': { 1: 'path:string', 2: 'backend:networking.v1.IngressBackend', 3: 'pathType:string?' },
  'networking.v1.HTTPIngressRuleValue': { 1: 'paths:[]networking.v1.HTTPIngressPath' },
  'networking.v1.Ingress': {
    1: 'metadata:meta.v1.ObjectMeta',
    2: 'spec:networking.v1.IngressSpec',
    3: 'status:networking.v1.IngressStatus',
  },
  'networking.v1.IngressBackend': { 3: 'resource:core.v1.TypedLocalObjectReference', 4: 'service:networking.v1.IngressServiceBackend' },
  'networking.v1.IngressLoadBalancerIngress': { 1: 'ip:string', 2: 'hostname:string', 4: 'ports:[]networking.v1.IngressPortStatus' },
  'networking.v1.IngressLoadBalancerStatus': { 1: 'ingress:[]networking.v1.IngressLoadBalancerIngress' },
  'networking.v1.IngressPortStatus': { 1: 'port:int32!', 2: 'protocol:string!', 3: 'error:string?' },
  'networking.v1.IngressRule': { 1: 'host:string', 2: '*:networking.v1.IngressRuleValue' },
  'networking.v1.IngressRuleValue': { 1: 'http:networking.v1.HTTPIngressRuleValue' },
  'networking.v1.IngressServiceBackend': { 1: 'name:string!', 2: 'port:networking.v1.ServiceBackendPort' },
  'networking.v1.IngressSpec': {
    1: 'defaultBackend:networking.v1.IngressBackend',
    2: 'tls:[]networking.v1.IngressTLS',
    3: 'rules:[]networking.v1.IngressRule',
    4: 'ingressClassName:string?',
  },
  'networking.v1.IngressStatus': { 1: 'loadBalancer:networking.v1.IngressLoadBalancerStatus' },
  'networking.v1.IngressTLS': { 1: 'hosts:[]string', 2: 'secretName:string' },
  'networking.v1.ServiceBackendPort': { 1: 'name:string', 2: 'number:int32' },
};
