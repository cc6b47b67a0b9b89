/**
 * The Services and Ingresses in the linted file that a rollout references (Argo's lint checks only
 * those present in the same file: selectors against the pod template, ingress rules).
 */
import type { Service } from 'kubernetes-types/core/v1.js';
import type { Ingress } from 'kubernetes-types/networking/v1.js';
import type { Rollout } from '../../api/types/rollout.ts';
import type { ReferencedIngress, ReferencedService, RolloutReferencedResources, ServiceRole } from '../../api/validation/validate-references.ts';

export interface FileObjects {
  services: Service[];
  ingresses: Ingress[];
}

function serviceRefs(ro: Rollout): Array<{ role: ServiceRole; name: string }> {
  const refs: Array<{ role: ServiceRole; name: string }> = [];
  const add = (role: ServiceRole, name: string | undefined): void => {
    if (name) refs.push({ role, name });
  };
  const canary = ro.spec?.strategy?.canary;
  const blueGreen = ro.spec?.strategy?.blueGreen;
  add('CanaryService', canary?.canaryService);
  add('StableService', canary?.stableService);
  add('PingService', canary?.pingPong?.pingService);
  add('PongService', canary?.pingPong?.pongService);
  add('ActiveService', blueGreen?.activeService);
  add('PreviewService', blueGreen?.previewService);
  return refs;
}

function ingressRefs(ro: Rollout): Array<{ field: string; name: string }> {
  const tr = ro.spec?.strategy?.canary?.trafficRouting;
  const refs: Array<{ field: string; name: string }> = [];
  const base = 'spec.strategy.canary.trafficRouting';
  if (tr?.nginx?.stableIngress) refs.push({ field: `${base}.nginx.stableIngress`, name: tr.nginx.stableIngress });
  (tr?.nginx?.stableIngresses ?? []).forEach((name, i) => refs.push({ field: `${base}.nginx.stableIngresses[${i}]`, name }));
  if (tr?.alb?.ingress) refs.push({ field: `${base}.alb.ingress`, name: tr.alb.ingress });
  (tr?.alb?.ingresses ?? []).forEach((name, i) => refs.push({ field: `${base}.alb.ingresses[${i}]`, name }));
  return refs;
}

export function referencesInFile(ro: Rollout, file: FileObjects): RolloutReferencedResources {
  const services: ReferencedService[] = [];
  for (const ref of serviceRefs(ro)) {
    const service = file.services.find((s) => s.metadata?.name === ref.name);
    if (service) services.push({ ...ref, service });
  }
  const ingresses: ReferencedIngress[] = [];
  for (const ref of ingressRefs(ro)) {
    const ingress = file.ingresses.find((i) => i.metadata?.name === ref.name);
    if (ingress) ingresses.push({ ...ref, ingress });
  }
  return { services, ingresses };
}

type Json = Record<string, unknown>;

/** extensions/networking v1beta1 Ingress in the v1 shape (`backend.serviceName` → `backend.service.name`). */
export function ingressFromV1beta1(obj: Json): Ingress {
  const convert = (b: unknown): unknown => {
    if (typeof b !== 'object' || b === null) return b;
    const { serviceName, servicePort, ...rest } = b as Json;
    if (serviceName === undefined) return rest;
    const port = typeof servicePort === 'number' ? { number: servicePort } : servicePort !== undefined ? { name: servicePort } : undefined;
    return { ...rest, service: { name: serviceName, ...(port ? { port } : {}) } };
  };
  const copy = structuredClone(obj);
  const spec = copy['spec'] as Json | undefined;
  if (spec) {
    if (spec['backend'] !== undefined) {
      spec['defaultBackend'] = convert(spec['backend']);
      delete spec['backend'];
    }
    for (const rule of (spec['rules'] as Json[] | undefined) ?? []) {
      for (const p of (((rule['http'] as Json | undefined)?.['paths'] as Json[] | undefined) ?? [])) p['backend'] = convert(p['backend']);
    }
  }
  return copy as unknown as Ingress;
}
