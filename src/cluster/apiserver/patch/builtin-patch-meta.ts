/**
 * Hand-written strategic-merge metadata for the built-in kinds the local cluster serves,
 * transcribed from the `patchStrategy`/`patchMergeKey` struct tags in k8s.io/api.
 * Everything not listed is atomic. Unknown kinds (CRDs included) get ATOMIC_META.
 */
import { ATOMIC_META, atomicList, mapList, patchMetaFromSpec, setList, struct, type PatchMeta, type PatchMetaSpec } from './patch-meta.ts';

const objectMeta = struct({
  ownerReferences: mapList('uid'),
  finalizers: setList(),
});

const container = struct({
  env: mapList('name'),
  ports: mapList('containerPort'),
  volumeMounts: mapList('mountPath'),
  volumeDevices: mapList('devicePath'),
});

const podSpec = struct({
  containers: mapList('name', container),
  initContainers: mapList('name', container),
  ephemeralContainers: mapList('name', container),
  volumes: mapList('name', {}, { retainKeys: true }),
  imagePullSecrets: mapList('name'),
  hostAliases: mapList('ip'),
  topologySpreadConstraints: mapList('topologyKey'),
  schedulingGates: mapList('name'),
  resourceClaims: mapList('name', {}, { retainKeys: true }),
});

const podTemplateSpec = struct({ metadata: objectMeta, spec: podSpec });

const conditions = mapList('type');
const statusWithConditions = struct({ conditions });

function kind(fields: Record<string, PatchMetaSpec>): PatchMetaSpec {
  return struct({ metadata: objectMeta, ...fields });
}

const workload = (extra: Record<string, PatchMetaSpec> = {}): PatchMetaSpec =>
  kind({ spec: struct({ template: podTemplateSpec, ...extra }), status: statusWithConditions });

const BUILTIN: Record<string, PatchMetaSpec> = {
  '/Pod': kind({
    spec: podSpec,
    status: struct({ conditions, podIPs: mapList('ip'), hostIPs: mapList('ip') }),
  }),
  '/PodTemplate': kind({ template: podTemplateSpec }),
  '/ReplicationController': workload(),
  '/Service': kind({ spec: struct({ ports: mapList('port') }) }),
  '/Endpoints': kind({ subsets: atomicList() }),
  '/Node': kind({
    spec: struct({ podCIDRs: setList() }),
    status: struct({ conditions, addresses: mapList('type') }),
  }),
  '/Namespace': kind({ status: statusWithConditions }),
  'apps/Deployment': workload({ strategy: struct({}, { retainKeys: true }) }),
  'apps/ReplicaSet': workload(),
  'apps/DaemonSet': workload(),
  'apps/StatefulSet': workload(),
  'batch/Job': workload(),
  'batch/CronJob': kind({
    spec: struct({ jobTemplate: struct({ metadata: objectMeta, spec: struct({ template: podTemplateSpec }) }) }),
  }),
};

/** Strategic-merge metadata for a kind; `group` is '' for the core group. */
export function patchMetaFor(group: string, kind: string): PatchMeta {
  const key = `${group}/${kind}`;
  if (!Object.prototype.hasOwnProperty.call(BUILTIN, key)) return ATOMIC_META;
  return patchMetaFromSpec(BUILTIN[key]!);
}

/** Metadata for an object from its own apiVersion and kind. */
export function patchMetaForObject(obj: { apiVersion?: unknown; kind?: unknown }): PatchMeta {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return patchMetaFor(group, typeof obj.kind === 'string' ? obj.kind : '');
}
