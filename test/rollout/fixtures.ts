import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { IntOrString } from '../../src/api/intstr.ts';
import type { Rollout } from '../../src/api/types/rollout.ts';
import type { CanaryStep, SetCanaryScale } from '../../src/api/types/canary-steps.ts';
import type { RolloutTrafficRouting } from '../../src/api/types/traffic-routing.ts';

export interface CanaryOpts {
  replicas?: number;
  setWeight?: number;
  steps?: CanaryStep[];
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
  currentPodHash?: string;
  stableRS?: string;
  setCanaryScale?: SetCanaryScale;
  trafficRouting?: RolloutTrafficRouting;
  promoteFull?: boolean;
  abort?: boolean;
  currentStepIndex?: number;
  abortScaleDownDelaySeconds?: number;
  minPodsPerReplicaSet?: number;
  dynamicStableScale?: boolean;
}

/** A canary rollout shaped like Argo's unit-test fixture (one step: setWeight [+ setCanaryScale]). */
export function canaryRollout(o: CanaryOpts = {}): Rollout {
  const step: CanaryStep = {};
  if (o.setWeight !== undefined) step.setWeight = o.setWeight;
  if (o.setCanaryScale) step.setCanaryScale = o.setCanaryScale;
  const steps = o.steps ?? [step];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'ro', namespace: 'default', generation: 1 },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'c', image: 'img:1' }] } },
      strategy: {
        canary: {
          ...(o.maxSurge !== undefined ? { maxSurge: o.maxSurge } : {}),
          ...(o.maxUnavailable !== undefined ? { maxUnavailable: o.maxUnavailable } : {}),
          ...(o.trafficRouting ? { trafficRouting: o.trafficRouting } : {}),
          ...(o.abortScaleDownDelaySeconds !== undefined ? { abortScaleDownDelaySeconds: o.abortScaleDownDelaySeconds } : {}),
          ...(o.minPodsPerReplicaSet !== undefined ? { minPodsPerReplicaSet: o.minPodsPerReplicaSet } : {}),
          ...(o.dynamicStableScale ? { dynamicStableScale: true } : {}),
          steps,
        },
      },
    },
    status: {
      currentPodHash: o.currentPodHash ?? 'canary',
      stableRS: o.stableRS ?? 'stable',
      ...(o.promoteFull ? { promoteFull: true } : {}),
      ...(o.abort ? { abort: true } : {}),
      ...(o.currentStepIndex !== undefined ? { currentStepIndex: o.currentStepIndex } : {}),
    },
  };
}

export function rs(hash: string, spec: number, available: number, extra: { revision?: number; actual?: number; annotations?: Record<string, string> } = {}): ReplicaSet {
  const annotations: Record<string, string> = { ...(extra.annotations ?? {}) };
  if (extra.revision !== undefined) annotations['rollout.argoproj.io/revision'] = String(extra.revision);
  return {
    metadata: { name: hash, labels: { 'rollouts-pod-template-hash': hash }, annotations },
    spec: { replicas: spec, selector: { matchLabels: { 'rollouts-pod-template-hash': hash } } },
    status: { replicas: extra.actual ?? spec, availableReplicas: available, readyReplicas: available },
  };
}
