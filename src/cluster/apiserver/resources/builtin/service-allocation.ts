/**
 * The stateful half of Services: claiming cluster IPs and node ports from the allocators the
 * server owns. Each call either succeeds completely or leaves the allocators untouched.
 */
import type { StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { child, isUnset, num, obj, objs } from './access.ts';
import { invalidRendered } from './causes.ts';
import type { ClusterIpAllocator } from './cluster-ip-allocator.ts';
import { goStringSlice } from './go-values.ts';
import type { NodePortAllocator } from './node-port-allocator.ts';
import { needsClusterIp, needsNodePorts, primaryClusterIp } from './service-spec.ts';

export interface ServiceAllocators {
  clusterIps: ClusterIpAllocator;
  nodePorts: NodePortAllocator;
}

function realIp(ip: string): boolean {
  return ip !== '' && ip !== 'None';
}

function nodePortsOf(o: KubeObject | undefined): number[] {
  if (!o || !needsNodePorts(o)) return [];
  return objs(obj(o['spec'])?.['ports'])
    .map((p) => num(p['nodePort']))
    .filter((p): p is number => p !== undefined && p !== 0);
}

function ipCause(ip: string, result: 'invalid' | 'out-of-range' | 'allocated', alloc: ClusterIpAllocator): StatusCause {
  if (result === 'invalid') {
    return { reason: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', message: `Invalid value: ${JSON.stringify(ip)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)` };
  }
  const why =
    result === 'allocated'
      ? 'provided IP is already allocated'
      : `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${alloc.cidr}`;
  return invalidRendered('spec.clusterIPs', goStringSlice([ip]), `failed to allocate IP ${ip}: ${why}`);
}

/**
 * Claims what a created (old undefined) or updated Service needs and releases what the old version
 * held and the new one no longer uses. Sets spec.clusterIP/clusterIPs/ipFamilies/ipFamilyPolicy
 * and spec.ports[*].nodePort on the object. Returns field causes (422) and changes nothing on failure.
 */
export function allocateServiceAddresses(svc: KubeObject, old: KubeObject | undefined, alloc: ServiceAllocators): StatusCause[] {
  const causes: StatusCause[] = [];
  const rollback: Array<() => void> = [];
  const spec = child(svc, 'spec');

  const oldIp = old && needsClusterIp(old) ? primaryClusterIp(old) : '';
  let newIp = '';
  if (needsClusterIp(svc)) {
    newIp = primaryClusterIp(svc);
    if (newIp === '') {
      try {
        newIp = alloc.clusterIps.allocate();
        const ip = newIp;
        rollback.push(() => alloc.clusterIps.release(ip));
      } catch (e) {
        causes.push({ reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Internal error: ${(e as Error).message}` });
      }
    } else if (realIp(newIp) && newIp !== oldIp) {
      const result = alloc.clusterIps.reserve(newIp);
      if (result === 'ok') {
        const ip = newIp;
        rollback.push(() => alloc.clusterIps.release(ip));
      } else causes.push(ipCause(newIp, result, alloc.clusterIps));
    }
    if (newIp !== '') {
      spec['clusterIP'] = newIp;
      spec['clusterIPs'] = [newIp];
      const headlessWithoutSelector = newIp === 'None' && isUnset(spec['selector']);
      if (isUnset(spec['ipFamilyPolicy'])) spec['ipFamilyPolicy'] = headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack';
      if (!Array.isArray(spec['ipFamilies']) || spec['ipFamilies'].length === 0) spec['ipFamilies'] = ['IPv4'];
    }
  }

  const oldPorts = new Set(nodePortsOf(old));
  const keptPorts = new Set<number>();
  if (needsNodePorts(svc)) {
    objs(spec['ports']).forEach((port, i) => {
      const requested = num(port['nodePort']) ?? 0;
      if (requested === 0) {
        try {
          const p = alloc.nodePorts.allocate();
          port['nodePort'] = p;
          rollback.push(() => alloc.nodePorts.release(p));
        } catch (e) {
          causes.push({ reason: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: `Internal error: ${(e as Error).message}` });
        }
        return;
      }
      if (oldPorts.has(requested) && !keptPorts.has(requested)) {
        keptPorts.add(requested);
        return;
      }
      const result = alloc.nodePorts.reserve(requested);
      if (result === 'ok') {
        keptPorts.add(requested);
        rollback.push(() => alloc.nodePorts.release(requested));
        return;
      }
      const why =
        result === 'allocated'
          ? 'provided port is already allocated'
          : `provided port is not in the valid range. The range of valid ports is ${alloc.nodePorts.range}`;
      causes.push({ reason: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${requested}: ${why}` });
    });
  }

  if (causes.length > 0) {
    for (const undo of rollback.reverse()) undo();
    return causes;
  }
  if (realIp(oldIp) && oldIp !== newIp) alloc.clusterIps.release(oldIp);
  for (const p of oldPorts) if (!keptPorts.has(p)) alloc.nodePorts.release(p);
  return [];
}

/** Releases everything a deleted Service held. */
export function releaseServiceAddresses(svc: KubeObject, alloc: ServiceAllocators): void {
  if (needsClusterIp(svc)) {
    const ip = primaryClusterIp(svc);
    if (realIp(ip)) alloc.clusterIps.release(ip);
  }
  for (const p of nodePortsOf(svc)) alloc.nodePorts.release(p);
}

/** Re-claims what a stored Service holds, when the server starts from persisted state. */
export function restoreServiceAddresses(svc: KubeObject, alloc: ServiceAllocators): void {
  if (needsClusterIp(svc)) {
    const ip = primaryClusterIp(svc);
    if (realIp(ip)) alloc.clusterIps.reserve(ip);
  }
  for (const p of nodePortsOf(svc)) alloc.nodePorts.reserve(p);
}
