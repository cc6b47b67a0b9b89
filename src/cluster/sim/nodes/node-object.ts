/** The simulated Node objects: `vane-node-1` … `vane-node-N`, Ready, with capacity and addresses. */
import type { NodeStatus } from 'kubernetes-types/core/v1.js';
import { formatTime } from '../../../kube/time-format.ts';
import type { NodeObject } from '../util/types.ts';

export const NODE_NAME_PREFIX = 'vane-node-';
export const KUBELET_VERSION = 'v1.32.0';
/** Capacity of each simulated node. The scheduler does not enforce resources; pods is a soft limit. */
export const NODE_CAPACITY = { cpu: '8', memory: '32Gi', pods: '5000', 'ephemeral-storage': '100Gi' } as const;

export function nodeName(index: number): string {
  return `${NODE_NAME_PREFIX}${index}`;
}

/** The node's InternalIP: 172.18.0.(index + 1), like a kind cluster's. */
export function nodeInternalIp(index: number): string {
  return `172.18.${Math.floor((index + 1) / 256)}.${(index + 1) % 256}`;
}

/** Spec and metadata of node `index` (1-based), as created. */
export function buildNode(index: number): NodeObject {
  const name = nodeName(index);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': `vane-zone-${((index - 1) % 3) + 1}`,
        'node.vane.dev/simulated': 'true',
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { providerID: `vane://${name}` },
  };
}

/** The status the simulated kubelet reports for node `index`. */
export function buildNodeStatus(index: number, now: number): NodeStatus {
  const t = formatTime(now);
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: t,
    lastTransitionTime: t,
  });
  const name = nodeName(index);
  return {
    capacity: { ...NODE_CAPACITY },
    allocatable: { ...NODE_CAPACITY },
    conditions: [
      cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    addresses: [
      { type: 'InternalIP', address: nodeInternalIp(index) },
      { type: 'Hostname', address: name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: `vane-machine-${index}`,
      systemUUID: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
      bootID: `vane-boot-${index}`,
      kernelVersion: '6.1.0-vane',
      osImage: 'Vane simulated node',
      containerRuntimeVersion: 'containerd://1.7.24',
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    phase: 'Running',
  };
}

/** True when a stored node already reports what the simulated kubelet would (conditions aside from times). */
export function nodeStatusCurrent(node: NodeObject, index: number): boolean {
  const want = buildNodeStatus(index, 0);
  const st = node.status;
  if (!st) return false;
  const ready = (st.conditions ?? []).find((c) => c.type === 'Ready');
  return (
    ready?.status === 'True' &&
    st.nodeInfo?.kubeletVersion === want.nodeInfo?.kubeletVersion &&
    JSON.stringify(st.addresses) === JSON.stringify(want.addresses) &&
    st.capacity?.['pods'] === want.capacity?.['pods']
  );
}
