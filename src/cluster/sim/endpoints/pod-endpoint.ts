/** Which pods back a Service and on which ports (endpointsliceutil / podutil.FindPort). Pure. */
import type { ServicePort } from 'kubernetes-types/core/v1.js';
import { isPodReady } from '../util/pod-readiness.ts';
import type { PodObject, ServiceObject } from '../util/types.ts';

/** ShouldPodBeInEndpoints: not terminal, has an IP, and not terminating unless those are included. */
export function shouldPodBeInEndpoints(pod: PodObject, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** FindPort: the container port a service port targets on this pod, or undefined when it has none. */
export function findPort(pod: PodObject, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

export function shouldSetHostname(pod: PodObject, svc: ServiceObject): boolean {
  return Boolean(pod.spec?.hostname) && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/** The pod IP (first IPv4 of podIPs when podIP is missing). */
export function podIp(pod: PodObject): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined;
}

/** The fields of a pod that its endpoints depend on, as a comparable string. */
export function endpointSignature(pod: PodObject): string {
  return JSON.stringify([
    pod.metadata.labels ?? {},
    podIp(pod) ?? '',
    isPodReady(pod),
    Boolean(pod.metadata.deletionTimestamp),
    pod.status?.phase ?? '',
    pod.spec?.nodeName ?? '',
    pod.spec?.hostname ?? '',
    pod.spec?.subdomain ?? '',
  ]);
}

/** A Service whose endpoints the controllers manage: has a selector and is not ExternalName. */
export function managesEndpoints(svc: ServiceObject): boolean {
  return svc.spec?.selector !== undefined && svc.spec?.selector !== null && svc.spec?.type !== 'ExternalName';
}

export function serviceSelects(svc: ServiceObject, pod: PodObject): boolean {
  if (!managesEndpoints(svc)) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(svc.spec?.selector ?? {}).every(([k, v]) => labels[k] === v);
}
