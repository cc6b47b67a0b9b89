/** Pod QoS class as computed by the API server on create (pkg/apis/core/helper/qos ComputePodQOS). */
import { obj, objs } from './access.ts';
import { parseQuantity } from './quantity.ts';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'];

/** Positive cpu/memory quantities of a resource list. */
function positive(list: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const o = obj(list) ?? {};
  for (const name of QOS_RESOURCES) {
    const q = parseQuantity(o[name]);
    if (q !== undefined && q > 0) out.set(name, q);
  }
  return out;
}

function addInto(total: Map<string, number>, part: Map<string, number>): void {
  for (const [k, v] of part) total.set(k, (total.get(k) ?? 0) + v);
}

/**
 * QoS of a pod spec. Requests missing for a resource with a limit count as equal to the limit,
 * as Pod defaulting sets them, so the answer does not depend on whether defaults already ran.
 */
export function computeQosClass(podSpec: unknown): QosClass {
  const spec = obj(podSpec) ?? {};
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of [...objs(spec['containers']), ...objs(spec['initContainers'])]) {
    const resources = obj(c['resources']) ?? {};
    const lim = positive(resources['limits']);
    const req = positive({ ...(obj(resources['limits']) ?? {}), ...(obj(resources['requests']) ?? {}) });
    addInto(requests, req);
    addInto(limits, lim);
    if (!lim.has('cpu') || !lim.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || Math.abs(lim - req) > 1e-9 * Math.max(1, Math.abs(req))) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
