/** core/v1 services (TYPE CLUSTER-IP EXTERNAL-IP PORT(S)) and endpoints. */
import type { Endpoints, LoadBalancerIngress, Service } from 'kubernetes-types/core/v1.js';
import { formatLabels } from '../../resources/builtin/label-selector.ts';
import { primaryClusterIp } from '../../resources/builtin/service-spec.ts';
import * as d from '../descriptions.ts';
import { ageSince } from '../duration.ts';
import { AGE_COLUMN, column, int, list, NAME_COLUMN, text, view, type TablePrinter } from '../printer.ts';

/** loadBalancerStatusStringer (wide: never clipped): sorted unique IPs or hostnames. */
export function loadBalancerAddresses(ingress: readonly LoadBalancerIngress[] | undefined): string {
  const set = new Set<string>();
  for (const i of list(ingress)) {
    if (text(i.ip) !== '') set.add(text(i.ip));
    else if (text(i.hostname) !== '') set.add(text(i.hostname));
  }
  return [...set].sort().join(',');
}

function externalIp(svc: Service): string {
  const externalIPs = list(svc.spec?.externalIPs);
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb !== '' ? lb : '<pending>';
    }
    case 'ExternalName':
      return text(svc.spec?.externalName);
    default:
      return '<unknown>';
  }
}

function portString(svc: Service): string {
  return list(svc.spec?.ports)
    .map((p) => (int(p.nodePort) > 0 ? `${int(p.port)}:${int(p.nodePort)}/${text(p.protocol)}` : `${int(p.port)}/${text(p.protocol)}`))
    .join(',');
}

export const servicePrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', d.SERVICE_SPEC_TYPE),
    column('Cluster-IP', 'string', d.SERVICE_SPEC_CLUSTER_IP),
    column('External-IP', 'string', d.SERVICE_SPEC_EXTERNAL_IPS),
    column('Port(s)', 'string', d.SERVICE_SPEC_PORTS),
    AGE_COLUMN,
    column('Selector', 'string', d.SERVICE_SPEC_SELECTOR, 1),
  ],
  cells(obj, now) {
    const svc = view<Service>(obj);
    return [
      text(svc.metadata?.name),
      text(svc.spec?.type),
      primaryClusterIp(obj) || '<none>',
      externalIp(svc),
      portString(svc) || '<none>',
      ageSince(svc.metadata?.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** net.JoinHostPort. */
function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** formatEndpoints: up to three addresses, then `+ N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = list(ep.subsets);
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const out: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = list(ss.addresses);
    const ports = list(ss.ports);
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(text(a.ip));
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(hostPort(text(a.ip), int(port.port)));
      }
    }
  }
  const joined = out.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

export const endpointsPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Endpoints', 'string', d.ENDPOINTS_SUBSETS), AGE_COLUMN],
  cells(obj, now) {
    const ep = view<Endpoints>(obj);
    return [text(ep.metadata?.name), formatEndpoints(ep), ageSince(ep.metadata?.creationTimestamp, now)];
  },
};
