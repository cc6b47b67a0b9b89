/** core/v1 namespaces, nodes, configmaps, secrets and serviceaccounts. */
import type { ConfigMap, Namespace, Node, Secret, ServiceAccount } from 'kubernetes-types/core/v1.js';
import * as d from '../descriptions.ts';
import { ageSince } from '../duration.ts';
import { AGE_COLUMN, column, list, NAME_COLUMN, text, view, type TablePrinter } from '../printer.ts';

const size = (value: unknown): number => (value && typeof value === 'object' ? Object.keys(value).length : 0);

export const namespacePrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  cells(obj, now) {
    const ns = view<Namespace>(obj);
    return [text(ns.metadata?.name), text(ns.status?.phase), ageSince(ns.metadata?.creationTimestamp, now)];
  },
};

/** findNodeRoles: node-role.kubernetes.io/<role> labels and the kubernetes.io/role label, sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = list(node.status?.conditions).filter((c) => c.type === 'Ready').at(-1);
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Node, type: string): string {
  return text(list(node.status?.addresses).find((a) => a.type === type)?.address) || '<none>';
}

export const nodePrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    column('Version', 'string', d.NODE_SYSTEM_INFO_KUBELET_VERSION),
    column('Internal-IP', 'string', d.NODE_STATUS_ADDRESSES, 1),
    column('External-IP', 'string', d.NODE_STATUS_ADDRESSES, 1),
    column('OS-Image', 'string', d.NODE_SYSTEM_INFO_OS_IMAGE, 1),
    column('Kernel-Version', 'string', d.NODE_SYSTEM_INFO_KERNEL_VERSION, 1),
    column('Container-Runtime', 'string', d.NODE_SYSTEM_INFO_CONTAINER_RUNTIME_VERSION, 1),
  ],
  cells(obj, now) {
    const node = view<Node>(obj);
    const info = node.status?.nodeInfo;
    return [
      text(node.metadata?.name),
      nodeStatus(node),
      nodeRoles(node),
      ageSince(node.metadata?.creationTimestamp, now),
      text(info?.kubeletVersion),
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      text(info?.osImage) || '<unknown>',
      text(info?.kernelVersion) || '<unknown>',
      text(info?.containerRuntimeVersion) || '<unknown>',
    ];
  },
};

export const configMapPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Data', 'string', d.CONFIG_MAP_DATA), AGE_COLUMN],
  cells(obj, now) {
    const cm = view<ConfigMap>(obj);
    return [text(cm.metadata?.name), size(cm.data) + size(cm.binaryData), ageSince(cm.metadata?.creationTimestamp, now)];
  },
};

export const secretPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Type', 'string', d.SECRET_TYPE), column('Data', 'string', d.SECRET_DATA), AGE_COLUMN],
  cells(obj, now) {
    const s = view<Secret>(obj);
    return [text(s.metadata?.name), text(s.type), size(s.data), ageSince(s.metadata?.creationTimestamp, now)];
  },
};

export const serviceAccountPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Secrets', 'string', d.SERVICE_ACCOUNT_SECRETS), AGE_COLUMN],
  cells(obj, now) {
    const sa = view<ServiceAccount>(obj);
    return [text(sa.metadata?.name), list(sa.secrets).length, ageSince(sa.metadata?.creationTimestamp, now)];
  },
};
