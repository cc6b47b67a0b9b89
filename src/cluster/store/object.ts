import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';

/** ObjectMeta as the server and controllers write it (kubernetes-types marks server fields readonly). */
export type MutableObjectMeta = { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] };

/** Any Kubernetes object as stored and served: apiVersion, kind, metadata and free-form fields. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: MutableObjectMeta;
  [field: string]: unknown;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
