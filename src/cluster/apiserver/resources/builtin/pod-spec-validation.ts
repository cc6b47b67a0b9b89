/**
 * ValidatePodSpec, trimmed to the rules kubectl users meet: containers present, container
 * names/images, pull policy, ports, restartPolicy and dnsPolicy, with kube-apiserver's messages.
 */
import { fieldInvalid, fieldNotSupported, fieldRequired, type StatusCause } from '../../errors.ts';
import { arr, isUnset, objs, str, type Obj } from './access.ts';
import { duplicate, inRange } from './causes.ts';
import { isDns1123Label } from './names.ts';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

/** validation.IsValidPortName. */
export function isValidPortName(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

function validatePorts(ports: unknown, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  objs(ports).forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = str(port['name']);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const m of msgs) causes.push(fieldInvalid(`${p}.name`, name, m));
      else if (names.has(name)) causes.push(duplicate(`${p}.name`, name));
      else names.add(name);
    }
    if (!port['containerPort']) causes.push(fieldRequired(`${p}.containerPort`));
    else causes.push(...inRange(`${p}.containerPort`, port['containerPort'], 1, 65535));
    if (port['hostPort']) causes.push(...inRange(`${p}.hostPort`, port['hostPort'], 1, 65535));
    const protocol = port['protocol'];
    if (isUnset(protocol)) causes.push(fieldRequired(`${p}.protocol`));
    else if (!PROTOCOLS.includes(String(protocol))) causes.push(fieldNotSupported(`${p}.protocol`, protocol, PROTOCOLS));
  });
  return causes;
}

function validateContainer(c: Obj, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = str(c['name']) ?? '';
  if (name === '') causes.push(fieldRequired(`${path}.name`));
  else for (const m of isDns1123Label(name)) causes.push(fieldInvalid(`${path}.name`, name, m));
  if (isUnset(c['image'])) causes.push(fieldRequired(`${path}.image`));
  const pull = c['imagePullPolicy'];
  if (isUnset(pull)) causes.push(fieldRequired(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(String(pull))) causes.push(fieldNotSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  causes.push(...validatePorts(c['ports'], `${path}.ports`));
  return causes;
}

function validateContainerList(list: Obj[], path: string, seen: Set<string>): StatusCause[] {
  const causes: StatusCause[] = [];
  list.forEach((c, i) => {
    const p = `${path}[${i}]`;
    causes.push(...validateContainer(c, p));
    const name = str(c['name']) ?? '';
    if (seen.has(name)) causes.push(duplicate(`${p}.name`, name));
    else seen.add(name);
  });
  return causes;
}

function validateEnum(value: unknown, path: string, supported: string[]): StatusCause[] {
  if (isUnset(value)) return [fieldRequired(path)];
  return supported.includes(String(value)) ? [] : [fieldNotSupported(path, value, supported)];
}

/** Validates a (defaulted) PodSpec found at `path` (e.g. `spec` or `spec.template.spec`). */
export function validatePodSpec(spec: Obj, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = objs(spec['containers']);
  if (arr(spec['containers']).length === 0) causes.push(fieldRequired(`${path}.containers`));
  const seen = new Set<string>();
  causes.push(...validateContainerList(containers, `${path}.containers`, seen));
  causes.push(...validateContainerList(objs(spec['initContainers']), `${path}.initContainers`, seen));
  causes.push(...validateEnum(spec['restartPolicy'], `${path}.restartPolicy`, RESTART_POLICIES));
  causes.push(...validateEnum(spec['dnsPolicy'], `${path}.dnsPolicy`, DNS_POLICIES));
  return causes;
}
