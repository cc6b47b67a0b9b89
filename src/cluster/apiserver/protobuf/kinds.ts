/** Which protobuf message a top-level object of a given apiVersion and kind is encoded as. */

const TOP_LEVEL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  v1: {
    Pod: 'core.v1.Pod',
    PodTemplate: 'core.v1.PodTemplate',
    ConfigMap: 'core.v1.ConfigMap',
    Secret: 'core.v1.Secret',
    Service: 'core.v1.Service',
    ServiceAccount: 'core.v1.ServiceAccount',
    Namespace: 'core.v1.Namespace',
    Endpoints: 'core.v1.Endpoints',
    Event: 'core.v1.Event',
    Node: 'core.v1.Node',
    PersistentVolumeClaim: 'core.v1.PersistentVolumeClaim',
  },
  'apps/v1': {
    Deployment: 'apps.v1.Deployment',
    ReplicaSet: 'apps.v1.ReplicaSet',
    StatefulSet: 'apps.v1.StatefulSet',
    DaemonSet: 'apps.v1.DaemonSet',
  },
  'batch/v1': { Job: 'batch.v1.Job', CronJob: 'batch.v1.CronJob' },
  'policy/v1': { Eviction: 'policy.v1.Eviction', PodDisruptionBudget: 'policy.v1.PodDisruptionBudget' },
  'networking.k8s.io/v1': { Ingress: 'networking.v1.Ingress' },
  'coordination.k8s.io/v1': { Lease: 'coordination.v1.Lease' },
  'autoscaling/v1': { Scale: 'autoscaling.v1.Scale', HorizontalPodAutoscaler: 'autoscaling.v1.HorizontalPodAutoscaler' },
  'autoscaling/v2': { HorizontalPodAutoscaler: 'autoscaling.v2.HorizontalPodAutoscaler' },
  'discovery.k8s.io/v1': { EndpointSlice: 'discovery.v1.EndpointSlice' },
};

/** Kinds every group version serves (metav1.AddToGroupVersion registers them everywhere). */
const ANY_VERSION: Readonly<Record<string, string>> = {
  DeleteOptions: 'meta.v1.DeleteOptions',
};

export function messageTypeFor(apiVersion: string, kind: string): string | undefined {
  if (Object.hasOwn(ANY_VERSION, kind)) return ANY_VERSION[kind];
  const kinds = Object.hasOwn(TOP_LEVEL, apiVersion) ? TOP_LEVEL[apiVersion] : undefined;
  return kinds && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
}
