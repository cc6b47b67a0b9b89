import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';

/** Any Kubernetes object as stored and served: apiVersion, kind, metadata and free-form fields. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
