/**
 * Integration harness: a local cluster with the simulation, the argoproj.io CRDs installed with
 * kubectl, and a RolloutController running in-process against the cluster's HTTP API (it can be
 * stopped and replaced, as a crashed controller would be). Tests drive everything through kubectl
 * or the API.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod, Service } from 'kubernetes-types/core/v1.js';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rollout } from '../../../src/api/types/rollout.ts';
import { EventRecorder } from '../../../src/kube/events.ts';
import { KubeClient } from '../../../src/kube/client.ts';
import { explicitConnection } from '../../../src/kube/connection.ts';
import { SharedInformerFactory } from '../../../src/kube/informer-factory.ts';
import * as resources from '../../../src/kube/resources.ts';
import { RolloutController } from '../../../src/rollout/controller/index.ts';
import { getRolloutPhase } from '../../../src/rollout/phase.ts';
import { startSimCluster, type SimCluster } from '../../helpers/sim-cluster.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunningController {
  controller: RolloutController;
  client: KubeClient;
  stop(): Promise<void>;
}

export interface ControllerOptions {
  instanceId?: string;
  threads?: number;
  namespace?: string;
}

export interface RolloutLab extends SimCluster {
  startController(opts?: ControllerOptions): Promise<RunningController>;
  apply(yaml: string): Promise<void>;
  rollout(name: string, namespace?: string): Promise<Rollout>;
  /** Polls the Rollout until `predicate` holds. */
  waitRollout(name: string, predicate: (ro: Rollout) => boolean, what: string, timeoutMs?: number): Promise<Rollout>;
  /** `kubectl patch rollout <name> --type merge [--subresource status] -p <patch>`. */
  patchRollout(name: string, patch: object, subresource?: 'status'): Promise<void>;
  replicaSets(rolloutName: string): Promise<ReplicaSet[]>;
  pods(labelSelector: string): Promise<Pod[]>;
  service(name: string): Promise<Service>;
  /** Running, non-terminating pods per pod-template hash. */
  podsByHash(app: string): Promise<Record<string, number>>;
  events(name: string): Promise<Array<{ reason: string; message: string; type: string }>>;
}

export async function startRolloutLab(): Promise<RolloutLab> {
  const sim = await startSimCluster();
  const controllers = new Set<RunningController>();
  try {
    await sim.kubectlOk(['apply', '-f', path.join(ROOT, 'manifests/crds/')]);
    await sim.kubectlOk(['wait', '--for=condition=Established', 'crd/rollouts.argoproj.io', '--timeout=30s']);
  } catch (err) {
    await sim.stop();
    throw err;
  }
  const connect = () => explicitConnection({ server: sim.url, token: sim.token, tls: { ca: Buffer.from(sim.caCert) } });
  const lab: RolloutLab = {
    ...sim,
    async startController(opts = {}) {
      const client = new KubeClient(connect(), { qps: 0 });
      const informers = new SharedInformerFactory(client, {});
      const recorder = new EventRecorder(client, { spamBurst: 10_000 });
      const controller = new RolloutController({ client, informers, recorder, instanceId: opts.instanceId, namespace: opts.namespace });
      await controller.start(opts.threads ?? 2);
      const running: RunningController = {
        controller,
        client,
        async stop() {
          controllers.delete(running);
          await controller.stop();
          await informers.shutdown();
          await recorder.flush();
          client.close();
        },
      };
      controllers.add(running);
      return running;
    },
    async apply(yaml) {
      await sim.kubectlOk(['apply', '-f', '-'], yaml);
    },
    async rollout(name, namespace = 'default') {
      return (await sim.client.get(resources.rollouts, namespace, name)) as unknown as Rollout;
    },
    async waitRollout(name, predicate, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let last: Rollout | undefined;
      for (;;) {
        try {
          last = await lab.rollout(name);
          if (predicate(last)) return last;
        } catch {
          // not there yet
        }
        if (Date.now() > deadline) throw new Error(`rollout ${name}: timed out waiting for ${what}; status=${JSON.stringify(last?.status)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async patchRollout(name, patch, subresource) {
      const args = ['patch', 'rollout', name, '--type', 'merge', '-p', JSON.stringify(patch)];
      if (subresource) args.push('--subresource', subresource);
      await sim.kubectlOk(args);
    },
    async replicaSets(rolloutName) {
      const list = await sim.client.list(resources.replicasets, 'default');
      return list.items
        .map((rs) => rs as unknown as ReplicaSet)
        .filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Rollout' && o.name === rolloutName));
    },
    async pods(labelSelector) {
      const list = await sim.client.list(resources.pods, 'default', { labelSelector });
      return list.items.map((p) => p as unknown as Pod);
    },
    async service(name) {
      return (await sim.client.get(resources.services, 'default', name)) as unknown as Service;
    },
    async podsByHash(app) {
      const out: Record<string, number> = {};
      for (const pod of await lab.pods(`app=${app}`)) {
        if (pod.metadata?.deletionTimestamp || pod.status?.phase !== 'Running') continue;
        const hash = pod.metadata?.labels?.['rollouts-pod-template-hash'] ?? '';
        out[hash] = (out[hash] ?? 0) + 1;
      }
      return out;
    },
    async events(name) {
      const list = await sim.client.list(resources.events, 'default', { fieldSelector: `involvedObject.name=${name}` });
      return list.items
        .map((e) => e as unknown as { reason: string; message: string; type: string; firstTimestamp: string; metadata: { name: string } })
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
        .map((e) => ({ reason: e.reason, message: e.message, type: e.type }));
    },
    async stop() {
      for (const c of [...controllers]) await c.stop();
      await sim.stop();
    },
  };
  return lab;
}

export interface CanaryManifest {
  name?: string;
  replicas?: number;
  image: string;
  steps?: string;
  extraSpec?: string;
  extraCanary?: string;
  services?: boolean;
}

/** A canary Rollout (plus stable/canary Services) as YAML. */
export function canaryYaml(m: CanaryManifest): string {
  const name = m.name ?? 'demo';
  const services = m.services !== false;
  return `
apiVersion: v1
kind: Service
metadata: {name: ${name}-stable}
spec: {selector: {app: ${name}}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}-canary}
spec: {selector: {app: ${name}}, ports: [{port: 80}]}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: ${name}}
spec:
  replicas: ${m.replicas ?? 5}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: "${m.image}"}]}
${m.extraSpec ?? ''}
  strategy:
    canary:
${services ? `      canaryService: ${name}-canary\n      stableService: ${name}-stable\n` : ''}      steps: ${m.steps ?? '[]'}
${m.extraCanary ?? ''}
`;
}

export interface BlueGreenManifest {
  name?: string;
  replicas?: number;
  image: string;
  strategy?: string;
}

export function blueGreenYaml(m: BlueGreenManifest): string {
  const name = m.name ?? 'bg';
  return `
apiVersion: v1
kind: Service
metadata: {name: ${name}-active}
spec: {selector: {app: ${name}}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}-preview}
spec: {selector: {app: ${name}}, ports: [{port: 80}]}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: ${name}}
spec:
  replicas: ${m.replicas ?? 3}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: "${m.image}"}]}
  strategy:
    blueGreen:
      activeService: ${name}-active
      previewService: ${name}-preview
${m.strategy ?? ''}
`;
}

/** Healthy as clients see it (`getRolloutPhase`: generation and workload generation observed) and settled. */
export const isHealthy = (ro: Rollout): boolean => getRolloutPhase(ro).phase === 'Healthy' && ro.status?.stableRS === ro.status?.currentPodHash;
