/** networking.k8s.io/v1 ingresses and discovery.k8s.io/v1 endpointslices. */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js';
import type { Ingress } from 'kubernetes-types/networking/v1.js';
import * as d from '../descriptions.ts';
import { ageSince } from '../duration.ts';
import { AGE_COLUMN, column, list, NAME_COLUMN, text, view, type TablePrinter } from '../printer.ts';
import { loadBalancerAddresses } from './services.ts';

/** formatHosts: up to three hosts, `*` when none. */
function hosts(ing: Ingress): string {
  const rules = list(ing.spec?.rules);
  const out: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules) {
    if (out.length === max) more = true;
    if (!more && text(rule.host) !== '') out.push(text(rule.host));
  }
  if (out.length === 0) return '*';
  return more ? `${out.join(',')} + ${rules.length - max} more...` : out.join(',');
}

export const ingressPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  cells(obj, now) {
    const ing = view<Ingress>(obj);
    return [
      text(ing.metadata?.name),
      typeof ing.spec?.ingressClassName === 'string' ? ing.spec.ingressClassName : '<none>',
      hosts(ing),
      loadBalancerAddresses(ing.status?.loadBalancer?.ingress),
      list(ing.spec?.tls).length > 0 ? '80, 443' : '80',
      ageSince(ing.metadata?.creationTimestamp, now),
    ];
  },
};

/** listWithMoreString: up to three items, `<unset>` when none. */
function listWithMore(items: string[]): string {
  const max = 3;
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length === 0 ? '<unset>' : items.join(',');
}

export const endpointSlicePrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('AddressType', 'string', d.ENDPOINT_SLICE_ADDRESS_TYPE),
    column('Ports', 'string', d.ENDPOINT_SLICE_PORTS),
    column('Endpoints', 'string', d.ENDPOINT_SLICE_ENDPOINTS),
    AGE_COLUMN,
  ],
  cells(obj, now) {
    const es = view<EndpointSlice>(obj);
    const ports = list(es.ports).map((p) => (typeof p.port === 'number' ? String(p.port) : typeof p.name === 'string' ? p.name : '*'));
    const addresses = list(es.endpoints).flatMap((e) => list(e.addresses).map(String));
    return [text(es.metadata?.name), text(es.addressType), listWithMore(ports), listWithMore(addresses), ageSince(es.metadata?.creationTimestamp, now)];
  },
};
