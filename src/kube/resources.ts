/**
 * How the dynamic client names a REST resource: group, version, plural resource name and scope.
 * `kind` is optional: it fills in apiVersion/kind on list items (the API server omits them for built-in
 * kinds) and labels client metrics.
 */
export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
  kind?: string;
}

export function apiVersionOfRef(ref: Pick<ResourceRef, 'group' | 'version'>): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version;
}

/** `pods`, `deployments.apps`, `rollouts.argoproj.io` — how Kubernetes names a resource in messages. */
export function refName(ref: Pick<ResourceRef, 'group' | 'resource'>): string {
  return ref.group ? `${ref.resource}.${ref.group}` : ref.resource;
}

function ref(group: string, version: string, resource: string, kind: string, namespaced = true): ResourceRef {
  return Object.freeze({ group, version, resource, namespaced, kind });
}

export const pods = ref('', 'v1', 'pods', 'Pod');
export const services = ref('', 'v1', 'services', 'Service');
export const endpoints = ref('', 'v1', 'endpoints', 'Endpoints');
export const configmaps = ref('', 'v1', 'configmaps', 'ConfigMap');
export const secrets = ref('', 'v1', 'secrets', 'Secret');
export const events = ref('', 'v1', 'events', 'Event');
export const serviceaccounts = ref('', 'v1', 'serviceaccounts', 'ServiceAccount');
export const namespaces = ref('', 'v1', 'namespaces', 'Namespace', false);
export const nodes = ref('', 'v1', 'nodes', 'Node', false);

export const replicasets = ref('apps', 'v1', 'replicasets', 'ReplicaSet');
export const deployments = ref('apps', 'v1', 'deployments', 'Deployment');
export const statefulsets = ref('apps', 'v1', 'statefulsets', 'StatefulSet');
export const daemonsets = ref('apps', 'v1', 'daemonsets', 'DaemonSet');
export const jobs = ref('batch', 'v1', 'jobs', 'Job');
export const leases = ref('coordination.k8s.io', 'v1', 'leases', 'Lease');
export const ingresses = ref('networking.k8s.io', 'v1', 'ingresses', 'Ingress');
export const pdbs = ref('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget');
export const hpas = ref('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler');
export const endpointslices = ref('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice');
export const crds = ref('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false);

export const ARGO_GROUP = 'argoproj.io';
export const rollouts = ref(ARGO_GROUP, 'v1alpha1', 'rollouts', 'Rollout');
export const analysisruns = ref(ARGO_GROUP, 'v1alpha1', 'analysisruns', 'AnalysisRun');
export const analysistemplates = ref(ARGO_GROUP, 'v1alpha1', 'analysistemplates', 'AnalysisTemplate');
export const clusteranalysistemplates = ref(
  ARGO_GROUP,
  'v1alpha1',
  'clusteranalysistemplates',
  'ClusterAnalysisTemplate',
  false,
);
export const experiments = ref(ARGO_GROUP, 'v1alpha1', 'experiments', 'Experiment');
