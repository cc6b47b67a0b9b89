/** Small predicates on a Service's spec shared by defaulting, validation and address allocation. */
import { arr, obj, str, type Obj } from './access.ts';

export function serviceSpec(o: Obj): Obj {
  return obj(o['spec']) ?? {};
}

export function serviceType(o: Obj): string {
  return str(serviceSpec(o)['type']) || 'ClusterIP';
}

export function needsClusterIp(o: Obj): boolean {
  return serviceType(o) !== 'ExternalName';
}

export function needsNodePorts(o: Obj): boolean {
  const type = serviceType(o);
  if (type === 'NodePort') return true;
  return type === 'LoadBalancer' && serviceSpec(o)['allocateLoadBalancerNodePorts'] !== false;
}

/** The primary cluster IP as the internal type sees it: clusterIP, else clusterIPs[0]. */
export function primaryClusterIp(o: Obj): string {
  const spec = serviceSpec(o);
  return str(spec['clusterIP']) || str(arr(spec['clusterIPs'])[0]) || '';
}

export function isHeadless(o: Obj): boolean {
  return primaryClusterIp(o) === 'None';
}
