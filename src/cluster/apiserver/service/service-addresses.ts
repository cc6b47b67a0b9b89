import type { Store } from '../../store/store.ts';
import {
  allocateServiceAddresses,
  ClusterIpAllocator,
  NodePortAllocator,
  releaseServiceAddresses,
  restoreServiceAddresses,
} from '../resources/builtin/index.ts';
import type { WriteHooks } from './object-service.ts';

const isService = (rt: { group: string; resource: string }): boolean => rt.group === '' && rt.resource === 'services';

/** Cluster IPs and node ports for Services, re-reserved from stored Services at start. */
export function serviceAddressHooks(store: Store): WriteHooks {
  const alloc = { clusterIps: new ClusterIpAllocator(), nodePorts: new NodePortAllocator() };
  for (const svc of store.list('/services', '')) restoreServiceAddresses(svc, alloc);
  return {
    reserve: (rt, obj, old) => (isService(rt) ? allocateServiceAddresses(obj, old, alloc) : []),
    release: (rt, obj) => {
      if (isService(rt)) releaseServiceAddresses(obj, alloc);
    },
  };
}
