/**
 * The discovery.k8s.io/v1 EndpointSlices of a Service (pure): one group per distinct port set, at most
 * 100 endpoints per slice, terminating pods included with ready=false, serving and terminating
 * conditions as the EndpointSlice controller sets them; and the creates/updates/deletes that turn
 * the existing slices into the desired ones.
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1.js';
import { isPodReady } from '../util/pod-readiness.ts';
import { semanticEqual } from '../util/semantic.ts';
import { newControllerRef } from '../util/controller-ref.ts';
import type { EndpointSliceObject, PodObject, ServiceObject } from '../util/types.ts';
import { HEADLESS_LABEL } from './build-endpoints.ts';
import { findPort, podIp, shouldPodBeInEndpoints, shouldSetHostname } from './pod-endpoint.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SliceContent {
  ports: EndpointPort[];
  endpoints: Endpoint[];
}

function endpointFor(pod: PodObject, svc: ServiceObject, zoneOf: (node: string) => string | undefined): Endpoint {
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const serving = publish || isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = publish || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [podIp(pod) as string],
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  const node = pod.spec?.nodeName;
  if (node) {
    ep.nodeName = node;
    const zone = zoneOf(node);
    if (zone) ep.zone = zone;
  }
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec?.hostname;
  return ep;
}

function portsFor(pod: PodObject, svc: ServiceObject): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const n = findPort(pod, sp);
    if (n === undefined) continue;
    const p: EndpointPort = { name: sp.name ?? '', port: n, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

export function portsKey(ports: readonly EndpointPort[] | undefined): string {
  return JSON.stringify((ports ?? []).map((p) => [p.name ?? '', p.port ?? 0, p.protocol ?? 'TCP', p.appProtocol ?? '']).sort());
}

/** The desired slice contents, deterministic (port sets and endpoints sorted). */
export function desiredSliceContents(svc: ServiceObject, pods: readonly PodObject[], zoneOf: (node: string) => string | undefined): SliceContent[] {
  const groups = new Map<string, SliceContent>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = portsFor(pod, svc);
    const key = portsKey(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    g.endpoints.push(endpointFor(pod, svc, zoneOf));
  }
  const out: SliceContent[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key) as SliceContent;
    g.endpoints.sort((a, b) => ((a.addresses[0] ?? '') < (b.addresses[0] ?? '') ? -1 : (a.addresses[0] ?? '') > (b.addresses[0] ?? '') ? 1 : 0));
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  // A service with no endpoints still gets one (empty) slice, as in Kubernetes.
  if (out.length === 0) out.push({ ports: [], endpoints: [] });
  return out;
}

export function sliceLabels(svc: ServiceObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  labels[SERVICE_NAME_LABEL] = svc.metadata.name ?? '';
  labels[MANAGED_BY_LABEL] = MANAGED_BY;
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return labels;
}

export interface SlicePlan {
  create: EndpointSliceObject[];
  update: EndpointSliceObject[];
  delete: EndpointSliceObject[];
}

function sliceName(s: EndpointSliceObject): string {
  return s.metadata.name ?? '';
}

/** The writes that turn `existing` (this service's managed slices) into the desired contents. */
export function planSlices(svc: ServiceObject, desired: readonly SliceContent[], existing: readonly EndpointSliceObject[]): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const labels = sliceLabels(svc);
  const pool = new Map<string, EndpointSliceObject[]>();
  for (const s of [...existing].sort((a, b) => (sliceName(a) < sliceName(b) ? -1 : 1))) {
    const k = portsKey(s.ports ?? undefined);
    pool.set(k, [...(pool.get(k) ?? []), s]);
  }
  const leftovers: SliceContent[] = [];
  for (const content of desired) {
    const match = pool.get(portsKey(content.ports))?.shift();
    if (!match) {
      leftovers.push(content);
      continue;
    }
    const same =
      semanticEqual(match.endpoints, content.endpoints) && semanticEqual(match.ports, content.ports) && semanticEqual(match.metadata.labels, labels) && match.addressType === 'IPv4';
    if (!same) plan.update.push({ ...match, metadata: { ...match.metadata, labels }, addressType: 'IPv4', endpoints: content.endpoints, ports: content.ports });
  }
  const unused = [...pool.values()].flat();
  for (const content of leftovers) {
    // Reuse a slice whose port set went away before creating a new one.
    const reuse = unused.shift();
    if (reuse) plan.update.push({ ...reuse, metadata: { ...reuse.metadata, labels }, addressType: 'IPv4', endpoints: content.endpoints, ports: content.ports });
    else {
      plan.create.push({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${(svc.metadata.name ?? '').slice(0, 57)}-`,
          namespace: svc.metadata.namespace,
          labels,
          ownerReferences: [newControllerRef(svc, 'v1', 'Service')],
        },
        addressType: 'IPv4',
        endpoints: content.endpoints,
        ports: content.ports,
      });
    }
  }
  plan.delete.push(...unused);
  return plan;
}
