/** Every built-in resource the local cluster serves. */
import type { ResourceType } from '../types.ts';
import { configmaps, secrets, serviceaccounts } from './config.ts';
import { customresourcedefinitions } from './customresourcedefinitions.ts';
import { daemonsets } from './daemonsets.ts';
import { deployments } from './deployments.ts';
import { endpoints, endpointslices } from './endpoints.ts';
import { events, eventsV1 } from './events.ts';
import { horizontalpodautoscalers } from './horizontalpodautoscalers.ts';
import { ingresses } from './ingresses.ts';
import { jobs } from './jobs.ts';
import { leases } from './leases.ts';
import { namespaces } from './namespaces.ts';
import { nodes } from './nodes.ts';
import { poddisruptionbudgets } from './poddisruptionbudgets.ts';
import { pods } from './pods.ts';
import { replicasets } from './replicasets.ts';
import { services } from './services.ts';
import { statefulsets } from './statefulsets.ts';

export function builtinResourceTypes(): ResourceType[] {
  return [
    namespaces,
    nodes,
    pods,
    services,
    endpoints,
    configmaps,
    secrets,
    serviceaccounts,
    events,
    deployments,
    replicasets,
    daemonsets,
    statefulsets,
    jobs,
    ingresses,
    leases,
    poddisruptionbudgets,
    horizontalpodautoscalers,
    eventsV1,
    endpointslices,
    customresourcedefinitions,
  ];
}

export { ClusterIpAllocator } from './cluster-ip-allocator.ts';
export { NodePortAllocator } from './node-port-allocator.ts';
export {
  allocateServiceAddresses,
  releaseServiceAddresses,
  restoreServiceAddresses,
  type ServiceAllocators,
} from './service-allocation.ts';
export { scaleSelectorString, labelSelectorToString } from './label-selector.ts';
