/** Helpers for the lifecycle controllers' tests against a simulated local cluster, driven by real kubectl. */
import type { KubeObject } from '../../../../src/cluster/store/object.ts';
import type { SimCluster } from '../../../helpers/sim-cluster.ts';

export interface ObjectList {
  items: KubeObject[];
}

/** `kubectl get … -o json` parsed; a list for list queries. */
export async function getJson<T = ObjectList>(c: SimCluster, args: string[]): Promise<T> {
  return JSON.parse(await c.kubectlOk(['get', ...args, '-o', 'json'])) as T;
}

/** Names of the objects a `kubectl get` query finds (`-o name` without the kind prefix). */
export async function names(c: SimCluster, args: string[]): Promise<string[]> {
  const out = await c.kubectlOk(['get', ...args, '-o', 'name']);
  return out.split('\n').filter(Boolean).map((l) => l.slice(l.indexOf('/') + 1)).sort();
}

export function replicaSet(name: string, replicas: number, namespace = 'default'): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
      - name: main
        image: nginx:1.27
`;
}
