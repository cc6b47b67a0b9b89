/** The core/v1 Endpoints of a Service (Kubernetes' endpoints controller, with RepackSubsets). Pure. */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1.js';
import { isPodReady } from '../util/pod-readiness.ts';
import { semanticEqual } from '../util/semantic.ts';
import type { EndpointsObject, PodObject, ServiceObject } from '../util/types.ts';
import { findPort, podIp, shouldPodBeInEndpoints, shouldSetHostname } from './pod-endpoint.ts';

export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

function address(pod: PodObject, svc: ServiceObject): EndpointAddress {
  const a: EndpointAddress = {
    ip: podIp(pod) as string,
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  if (pod.spec?.nodeName) a.nodeName = pod.spec.nodeName;
  if (shouldSetHostname(pod, svc)) a.hostname = pod.spec?.hostname;
  return a;
}

function portKey(p: EndpointPort | undefined): string {
  return p ? JSON.stringify([p.name ?? '', p.port, p.protocol ?? 'TCP', p.appProtocol ?? '']) : '';
}

function addrKey(a: EndpointAddress): string {
  return `${a.ip}|${a.targetRef?.uid ?? ''}`;
}

function compareAddr(a: EndpointAddress, b: EndpointAddress): number {
  const ka = addrKey(a);
  const kb = addrKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The subsets: addresses grouped by the set of ports they serve, ready and not-ready apart, sorted. */
export function buildSubsets(svc: ServiceObject, pods: readonly PodObject[]): EndpointSubset[] {
  const tolerate = svc.spec?.publishNotReadyAddresses === true;
  const headless = svc.spec?.clusterIP === 'None';
  const ports = svc.spec?.ports ?? [];
  /** port key → address key → ready (not ready wins) */
  const byPort = new Map<string, Map<string, boolean>>();
  const portOf = new Map<string, EndpointPort | undefined>();
  const addrs = new Map<string, EndpointAddress>();
  const add = (p: EndpointPort | undefined, a: EndpointAddress, ready: boolean): void => {
    const pk = portKey(p);
    portOf.set(pk, p);
    const ak = addrKey(a);
    if (!addrs.has(ak)) addrs.set(ak, a);
    let set = byPort.get(pk);
    if (!set) byPort.set(pk, (set = new Map()));
    const was = set.get(ak);
    if (was === undefined || was) set.set(ak, ready);
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const a = address(pod, svc);
    const ready = tolerate || isPodReady(pod);
    if (ports.length === 0) {
      if (headless) add(undefined, a, ready);
      continue;
    }
    for (const sp of ports) {
      const n = findPort(pod, sp);
      if (n === undefined) continue;
      const ep: EndpointPort = { port: n, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      add(ep, a, ready);
    }
  }
  /** address-set key → ports */
  const groups = new Map<string, { set: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const [pk, set] of byPort) {
    const key = JSON.stringify([...set.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { set, ports: [] }));
    const p = portOf.get(pk);
    if (p) g.ports.push(p);
  }
  const subsets: EndpointSubset[] = [];
  for (const { set, ports: ps } of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [ak, r] of set) (r ? ready : notReady).push(addrs.get(ak) as EndpointAddress);
    const subset: EndpointSubset = {};
    if (ready.length > 0) subset.addresses = ready.sort(compareAddr);
    if (notReady.length > 0) subset.notReadyAddresses = notReady.sort(compareAddr);
    if (ps.length > 0) subset.ports = ps.sort((a, b) => (portKey(a) < portKey(b) ? -1 : portKey(a) > portKey(b) ? 1 : 0));
    subsets.push(subset);
  }
  const first = (s: EndpointSubset): string => addrKey((s.addresses ?? s.notReadyAddresses ?? [])[0] ?? { ip: '' });
  return subsets.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

/** The labels the Endpoints carry: the service's, plus the headless marker for headless services. */
export function endpointsLabels(svc: ServiceObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return labels;
}

/** The Endpoints to write, or undefined when `current` already matches. */
export function desiredEndpoints(svc: ServiceObject, pods: readonly PodObject[], current: EndpointsObject | undefined): EndpointsObject | undefined {
  const subsets = buildSubsets(svc, pods);
  const labels = endpointsLabels(svc);
  if (current && semanticEqual(current.subsets, subsets) && semanticEqual(current.metadata.labels, labels)) return undefined;
  const out: EndpointsObject = current
    ? { ...current, metadata: { ...current.metadata, labels }, subsets }
    : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace, labels }, subsets };
  return out;
}
