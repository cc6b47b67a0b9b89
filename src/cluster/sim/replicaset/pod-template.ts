/** GetPodFromTemplate: the pod a ReplicaSet creates from its template. Pure. */
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import { cloneJson } from '../../../util/json.ts';
import type { PodObject, ReplicaSetObject } from '../util/types.ts';

const POD_NAME_MAX = 253;

/** `<owner>-`, the generateName prefix (the owner's name alone if the prefix would be invalid). */
export function podNamePrefix(owner: string): string {
  const prefix = `${owner}-`;
  return prefix.length > POD_NAME_MAX ? owner : prefix;
}

export function podFromTemplate(rs: ReplicaSetObject, controllerRef: OwnerReference): PodObject {
  const template = rs.spec?.template ?? {};
  const meta = template.metadata ?? {};
  const pod: PodObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: podNamePrefix(rs.metadata.name ?? ''),
      namespace: rs.metadata.namespace,
      ownerReferences: [controllerRef],
    },
    spec: cloneJson(template.spec ?? { containers: [] }),
  };
  if (meta.labels) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}
