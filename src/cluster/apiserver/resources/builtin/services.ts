/** core/v1 services: defaults, validation and status reset. Address allocation is in service-allocation.ts. */
import { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { arr, child, isUnset, num, obj, objs, setDefault, str, type Obj } from './access.ts';
import { duplicate, inRange, invalidRendered } from './causes.ts';
import { defineBuiltin } from './define.ts';
import { goStringSlice } from './go-values.ts';
import { validateName } from './metadata.ts';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from './names.ts';
import { isValidPortName } from './pod-spec-validation.ts';
import { isHeadless, needsClusterIp, needsNodePorts, primaryClusterIp, serviceType } from './service-spec.ts';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** patchAllocatedValues: an update that omits allocated values keeps them. */
function patchAllocated(svc: KubeObject, old: KubeObject): void {
  const spec = child(svc, 'spec');
  const oldSpec = obj(old['spec']) ?? {};
  if (needsClusterIp(old) && needsClusterIp(svc)) {
    if (isUnset(spec['clusterIP']) && !isUnset(oldSpec['clusterIP'])) spec['clusterIP'] = oldSpec['clusterIP'];
    if (arr(spec['clusterIPs']).length === 0 && arr(oldSpec['clusterIPs']).length > 0) spec['clusterIPs'] = oldSpec['clusterIPs'];
    if (isUnset(spec['ipFamilyPolicy'])) spec['ipFamilyPolicy'] = oldSpec['ipFamilyPolicy'];
    if (arr(spec['ipFamilies']).length === 0 && arr(oldSpec['ipFamilies']).length > 0) spec['ipFamilies'] = oldSpec['ipFamilies'];
  }
  if (needsNodePorts(old) && needsNodePorts(svc)) {
    const byName = new Map<string, number>();
    for (const p of objs(oldSpec['ports'])) byName.set(str(p['name']) ?? '', num(p['nodePort']) ?? 0);
    const newPorts = objs(spec['ports']);
    const used = new Set(newPorts.map((p) => num(p['nodePort']) ?? 0).filter((p) => p !== 0));
    for (const p of newPorts) {
      if (num(p['nodePort'])) continue;
      const oldVal = byName.get(str(p['name']) ?? '') ?? 0;
      if (oldVal !== 0 && !used.has(oldVal)) {
        p['nodePort'] = oldVal;
        used.add(oldVal);
      }
    }
  }
  // dropTypeDependentFields: node ports carried over from a type that needed them are cleared.
  if (needsNodePorts(old) && !needsNodePorts(svc)) {
    const oldPorts = new Set(objs(oldSpec['ports']).map((p) => num(p['nodePort']) ?? 0));
    for (const p of objs(spec['ports'])) if (oldPorts.has(num(p['nodePort']) ?? 0)) delete p['nodePort'];
  }
  if (needsClusterIp(old) && !needsClusterIp(svc)) {
    if (spec['clusterIP'] === oldSpec['clusterIP']) delete spec['clusterIP'];
    delete spec['clusterIPs'];
    delete spec['ipFamilies'];
    delete spec['ipFamilyPolicy'];
  }
}

function defaults(svc: KubeObject, old: KubeObject | undefined): void {
  const spec = child(svc, 'spec');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec['sessionAffinity'] === 'None') delete spec['sessionAffinityConfig'];
  setDefault(spec, 'type', 'ClusterIP');
  for (const port of objs(spec['ports'])) {
    setDefault(port, 'protocol', 'TCP');
    if (isUnset(port['targetPort']) || port['targetPort'] === 0) port['targetPort'] = port['port'];
  }
  const type = spec['type'];
  const externallyAccessible =
    type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && arr(spec['externalIPs']).length > 0);
  if (externallyAccessible) setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if ((type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') && isUnset(spec['internalTrafficPolicy'])) {
    spec['internalTrafficPolicy'] = 'Cluster';
  }
  if (type === 'LoadBalancer' && isUnset(spec['allocateLoadBalancerNodePorts'])) spec['allocateLoadBalancerNodePorts'] = true;
  if (old) patchAllocated(svc, old);
}

function validatePorts(svc: KubeObject): StatusCause[] {
  const spec = obj(svc['spec']) ?? {};
  const ports = objs(spec['ports']);
  const causes: StatusCause[] = [];
  if (arr(spec['ports']).length === 0 && !isHeadless(svc) && serviceType(svc) !== 'ExternalName') {
    causes.push(fieldRequired('spec.ports'));
  }
  const names = new Set<string>();
  const nodePortsAllowed = needsNodePorts(svc);
  ports.forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    const name = str(port['name']) ?? '';
    if (ports.length > 1 && name === '') causes.push(fieldRequired(`${p}.name`));
    else if (name !== '') for (const m of isDns1123Label(name)) causes.push(fieldInvalid(`${p}.name`, name, m));
    if (name !== '' && names.has(name)) causes.push(duplicate(`${p}.name`, name));
    names.add(name);
    causes.push(...inRange(`${p}.port`, port['port'], 1, 65535));
    const protocol = port['protocol'];
    if (isUnset(protocol)) causes.push(fieldRequired(`${p}.protocol`));
    else if (!PROTOCOLS.includes(String(protocol))) causes.push(fieldNotSupported(`${p}.protocol`, protocol, PROTOCOLS));
    const target = port['targetPort'];
    if (typeof target === 'string') for (const m of isValidPortName(target)) causes.push(fieldInvalid(`${p}.targetPort`, target, m));
    else causes.push(...inRange(`${p}.targetPort`, target, 1, 65535));
    if (num(port['nodePort']) && !nodePortsAllowed) {
      causes.push(fieldForbidden(`${p}.nodePort`, `may not be used when \`type\` is '${serviceType(svc)}'`));
    }
  });
  return causes;
}

function validate(svc: KubeObject, old: KubeObject | undefined): StatusCause[] {
  const spec: Obj = obj(svc['spec']) ?? {};
  const causes = [...validateName(svc, isDns1035Label)];
  const type = spec['type'];
  if (isUnset(type)) causes.push(fieldRequired('spec.type'));
  else if (!TYPES.includes(String(type))) causes.push(fieldNotSupported('spec.type', type, TYPES));
  if (type === 'ExternalName') {
    const externalName = str(spec['externalName']) ?? '';
    if (externalName === '') causes.push(fieldRequired('spec.externalName'));
    else for (const m of isDns1123Subdomain(externalName.replace(/\.$/, ''))) causes.push(fieldInvalid('spec.externalName', externalName, m));
  }
  causes.push(...validatePorts(svc));
  if (old && needsClusterIp(old) && needsClusterIp(svc)) {
    const before = primaryClusterIp(old);
    const after = primaryClusterIp(svc);
    if (before !== '' && after !== before) {
      causes.push(invalidRendered('spec.clusterIPs[0]', goStringSlice(arr(spec['clusterIPs']).length ? spec['clusterIPs'] : [after]), 'may not change once set'));
    }
  }
  return causes;
}

export const services = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'services',
  kind: 'Service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  statusSubresource: true,
  defaults,
  validate,
  prepareForCreate: (svc) => {
    svc['status'] = { loadBalancer: {} };
  },
});
