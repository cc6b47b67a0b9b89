/**
 * Field names of the Kubernetes types lint decodes strictly besides the Rollout CRD schema: object
 * metadata, the pod spec and containers inside `spec.template` (the CRD leaves them open), Services
 * and Ingresses. Nested structures not listed here are accepted as they are.
 */
import type { Schema } from '../../api/schema/builders.ts';

const open: Schema = { 'x-kubernetes-preserve-unknown-fields': true };
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer', format: 'int32' };
const bool: Schema = { type: 'boolean' };
const strMap: Schema = { type: 'object', additionalProperties: { type: 'string' } };

/** An object with exactly these fields, each open unless given. */
export function fields(names: readonly string[], typed: Record<string, Schema> = {}): Schema {
  const properties: Record<string, Schema> = {};
  for (const n of names) properties[n] = typed[n] ?? open;
  return { type: 'object', properties };
}

export const objectMeta = fields(
  ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'],
  { name: str, generateName: str, namespace: str, labels: strMap, annotations: strMap },
);

const CONTAINER_FIELDS = [
  'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices',
  'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext',
  'stdin', 'stdinOnce', 'tty',
];
const containerTypes = { name: str, image: str, workingDir: str, imagePullPolicy: str, stdin: bool, stdinOnce: bool, tty: bool };
export const container = fields(CONTAINER_FIELDS, containerTypes);
const ephemeralContainer = fields([...CONTAINER_FIELDS, 'targetContainerName'], containerTypes);

export const podSpec = fields(
  [
    'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy',
    'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace',
    'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority',
    'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN', 'os',
    'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
  ],
  {
    containers: { type: 'array', items: container },
    initContainers: { type: 'array', items: container },
    ephemeralContainers: { type: 'array', items: ephemeralContainer },
    nodeSelector: strMap,
    serviceAccountName: str,
  },
);

export const podTemplateSpec = fields(['metadata', 'spec'], { metadata: objectMeta, spec: podSpec });

const servicePort = fields(['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'], { name: str, port: int });
export const service = fields(['apiVersion', 'kind', 'metadata', 'spec', 'status'], {
  metadata: objectMeta,
  spec: fields(
    [
      'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName',
      'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy',
      'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution',
    ],
    { ports: { type: 'array', items: servicePort }, selector: strMap, type: str },
  ),
});

const backendV1 = fields(['service', 'resource'], { service: fields(['name', 'port'], { name: str, port: fields(['name', 'number']) }) });
const backendV1beta1 = fields(['serviceName', 'servicePort', 'resource'], { serviceName: str });

function ingress(backend: Schema): Schema {
  const path = fields(['path', 'pathType', 'backend'], { path: str, backend });
  const rule = fields(['host', 'http'], { host: str, http: fields(['paths'], { paths: { type: 'array', items: path } }) });
  return fields(['apiVersion', 'kind', 'metadata', 'spec', 'status'], {
    metadata: objectMeta,
    spec: fields(['ingressClassName', 'defaultBackend', 'backend', 'tls', 'rules'], { defaultBackend: backend, backend, rules: { type: 'array', items: rule } }),
  });
}

export const ingressV1 = ingress(backendV1);
export const ingressV1beta1 = ingress(backendV1beta1);
