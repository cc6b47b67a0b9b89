/** Small kubectl helpers for the simulation's live tests. */
import type { SimCluster } from '../../helpers/sim-cluster.ts';

/** `kubectl get -o json` parsed. */
export async function getJson<T = Record<string, unknown>>(c: SimCluster, args: string[]): Promise<T> {
  return JSON.parse(await c.kubectlOk(['get', ...args, '-o', 'json'])) as T;
}

/** `kubectl get -o jsonpath=…` output. */
export async function jsonpath(c: SimCluster, args: string[], path: string): Promise<string> {
  return (await c.kubectlOk(['get', ...args, '-o', `jsonpath=${path}`])).trim();
}

export interface PodView {
  name: string;
  phase: string;
  ready: boolean;
  node: string;
  ip: string;
  waiting: string;
  restarts: number;
}

interface PodJson {
  metadata: { name: string; deletionTimestamp?: string };
  spec: { nodeName?: string };
  status: {
    phase?: string;
    podIP?: string;
    conditions?: Array<{ type: string; status: string }>;
    containerStatuses?: Array<{ restartCount: number; state?: { waiting?: { reason?: string } } }>;
  };
}

/** The pods matching a selector, summarised (terminating pods left out). */
export async function pods(c: SimCluster, selector: string): Promise<PodView[]> {
  const list = await getJson<{ items: PodJson[] }>(c, ['pods', '-l', selector]);
  return list.items
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => ({
      name: p.metadata.name,
      phase: p.status.phase ?? '',
      ready: (p.status.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True'),
      node: p.spec.nodeName ?? '',
      ip: p.status.podIP ?? '',
      waiting: p.status.containerStatuses?.[0]?.state?.waiting?.reason ?? '',
      restarts: p.status.containerStatuses?.[0]?.restartCount ?? 0,
    }));
}

export function deploymentYaml(name: string, o: { replicas?: number; image?: string; strategy?: string; annotations?: Record<string, string>; extra?: string } = {}): string {
  const annotations = Object.entries(o.annotations ?? {})
    .map(([k, v]) => `        ${k}: "${v}"`)
    .join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${o.replicas ?? 3}
  selector: {matchLabels: {app: ${name}}}
  ${o.strategy ? `strategy: {type: ${o.strategy}}` : ''}
  ${o.extra ?? ''}
  template:
    metadata:
      labels: {app: ${name}}
${annotations ? `      annotations:\n${annotations}` : ''}
    spec:
      containers:
      - name: app
        image: ${o.image ?? 'nginx:1.27'}
        ports: [{name: http, containerPort: 8080}]
`;
}
