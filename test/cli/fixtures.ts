/**
 * Plain objects for the renderer snapshots: a rollout in several states with the ReplicaSets,
 * pods, AnalysisRuns and Experiments it owns, at a fixed clock.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { AnalysisRun } from '../../src/api/types/analysis.ts';
import type { Experiment } from '../../src/api/types/experiment.ts';
import type { Rollout } from '../../src/api/types/rollout.ts';
import type { RolloutObjects } from '../../src/cli/info/rollout-info.ts';

export const NOW = Date.parse('2024-06-01T12:00:00Z');
const ago = (ms: number): string => new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const NS = 'demo';

function owner(kind: string, name: string, uid: string) {
  return [{ apiVersion: kind === 'ReplicaSet' ? 'apps/v1' : 'argoproj.io/v1alpha1', kind, name, uid, controller: true }];
}

export function replicaSet(o: {
  rollout: string;
  ownerUid: string;
  ownerKind?: string;
  hash: string;
  revision: number;
  image: string;
  replicas: number;
  available?: number;
  created: number;
  annotations?: Record<string, string>;
  name?: string;
}): ReplicaSet {
  const name = o.name ?? `${o.rollout}-${o.hash}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: NS,
      uid: `uid-${name}`,
      generation: 1,
      creationTimestamp: ago(o.created),
      labels: { app: o.rollout, 'rollouts-pod-template-hash': o.hash },
      annotations: { 'rollout.argoproj.io/revision': String(o.revision), ...o.annotations },
      ownerReferences: owner(o.ownerKind ?? 'Rollout', o.rollout, o.ownerUid),
    },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { app: o.rollout, 'rollouts-pod-template-hash': o.hash } },
      template: { metadata: { labels: { app: o.rollout } }, spec: { containers: [{ name: 'app', image: o.image }] } },
    },
    status: { replicas: o.replicas, readyReplicas: o.available ?? o.replicas, availableReplicas: o.available ?? o.replicas, observedGeneration: 1 },
  };
}

export function pod(rs: ReplicaSet, suffix: string, o: { created: number; ready?: boolean; waiting?: string; restarts?: number } ): Pod {
  const ready = o.ready ?? true;
  const name = `${rs.metadata!.name}-${suffix}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: NS,
      uid: `uid-${name}`,
      creationTimestamp: ago(o.created),
      ownerReferences: owner('ReplicaSet', rs.metadata!.name!, rs.metadata!.uid!),
    },
    spec: { containers: [{ name: 'app', image: rs.spec!.template!.spec!.containers[0]!.image }] },
    status: {
      phase: o.waiting ? 'Pending' : 'Running',
      containerStatuses: [
        {
          name: 'app',
          image: '',
          imageID: '',
          ready,
          restartCount: o.restarts ?? 0,
          state: o.waiting ? { waiting: { reason: o.waiting } } : { running: { startedAt: ago(o.created) } },
        },
      ],
    },
  };
}

function rollout(name: string, spec: Rollout['spec'], status: Rollout['status'], created = 7 * DAY): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: NS, uid: `uid-${name}`, generation: 3, creationTimestamp: ago(created) },
    spec,
    status: { observedGeneration: '3', ...status },
  };
}

const template = (image: string) => ({ metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'app', image }] } });
const STEPS = [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '30s' } }];

/** Basic canary mid-way: 1 of 4 pods updated, paused at step 1 (CanaryPauseStep). */
export function canaryPaused(): RolloutObjects {
  const ro = rollout(
    'guestbook',
    { replicas: 4, selector: { matchLabels: { app: 'guestbook' } }, template: template('argoproj/rollouts-demo:yellow'), strategy: { canary: { steps: STEPS } } },
    {
      phase: 'Paused',
      message: 'CanaryPauseStep',
      currentPodHash: '6f646bf7b7',
      stableRS: 'f6db98dff',
      currentStepIndex: 1,
      replicas: 5,
      updatedReplicas: 1,
      readyReplicas: 5,
      availableReplicas: 5,
      pauseConditions: [{ reason: 'CanaryPauseStep', startTime: ago(2 * MIN) }],
      controllerPause: true,
    },
  );
  const canaryRS = replicaSet({ rollout: 'guestbook', ownerUid: 'uid-guestbook', hash: '6f646bf7b7', revision: 2, image: 'argoproj/rollouts-demo:yellow', replicas: 1, created: 3 * MIN });
  const stableRS = replicaSet({ rollout: 'guestbook', ownerUid: 'uid-guestbook', hash: 'f6db98dff', revision: 1, image: 'argoproj/rollouts-demo:blue', replicas: 4, created: 7 * DAY });
  const pods = [
    pod(canaryRS, 'wn5w8', { created: 3 * MIN }),
    pod(stableRS, 'b2xkq', { created: 7 * DAY, restarts: 2 }),
    pod(stableRS, 'c9fzm', { created: 7 * DAY }),
    pod(stableRS, 'dq4tl', { created: 6 * DAY }),
    pod(stableRS, 'ppz7h', { created: 6 * DAY }),
  ];
  return { rollout: ro, replicaSets: [stableRS, canaryRS], pods, experiments: [], analysisRuns: [] };
}

/** Same rollout, 2 of 4 updated and still becoming available (Progressing, one pod pulling). */
export function canaryProgressing(): RolloutObjects {
  const o = canaryPaused();
  const ro: Rollout = {
    ...o.rollout,
    status: { ...o.rollout.status, phase: 'Progressing', message: 'more replicas need to be updated', currentStepIndex: 2, updatedReplicas: 2, availableReplicas: 5, pauseConditions: undefined, controllerPause: false },
  };
  const canaryRS = replicaSet({ rollout: 'guestbook', ownerUid: 'uid-guestbook', hash: '6f646bf7b7', revision: 2, image: 'argoproj/rollouts-demo:yellow', replicas: 2, available: 1, created: 3 * MIN });
  const stableRS = o.replicaSets[0]!;
  const pods = [
    pod(canaryRS, 'wn5w8', { created: 3 * MIN }),
    pod(canaryRS, 'zl7x2', { created: 10_000, ready: false, waiting: 'ContainerCreating' }),
    ...o.pods.filter((p) => p.metadata!.name!.startsWith(stableRS.metadata!.name!)),
  ];
  return { ...o, rollout: ro, replicaSets: [stableRS, canaryRS], pods };
}

/** Blue-green: active on revision 1, preview running revision 2, paused before promotion. */
export function blueGreen(): RolloutObjects {
  const ro = rollout(
    'checkout',
    {
      replicas: 2,
      selector: { matchLabels: { app: 'checkout' } },
      template: template('registry.local/checkout:2.0'),
      strategy: { blueGreen: { activeService: 'checkout-active', previewService: 'checkout-preview', autoPromotionEnabled: false } },
    },
    {
      phase: 'Paused',
      message: 'BlueGreenPause',
      currentPodHash: '7b9c8d6f5',
      stableRS: '5d8f7c9b4',
      replicas: 4,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 2,
      blueGreen: { activeSelector: '5d8f7c9b4', previewSelector: '7b9c8d6f5' },
      pauseConditions: [{ reason: 'BlueGreenPause', startTime: ago(MIN) }],
      controllerPause: true,
    },
    45 * MIN,
  );
  const preview = replicaSet({ rollout: 'checkout', ownerUid: 'uid-checkout', hash: '7b9c8d6f5', revision: 2, image: 'registry.local/checkout:2.0', replicas: 2, created: 90_000 });
  const active = replicaSet({ rollout: 'checkout', ownerUid: 'uid-checkout', hash: '5d8f7c9b4', revision: 1, image: 'registry.local/checkout:1.0', replicas: 2, created: 45 * MIN });
  const pods = [pod(preview, 'k2m9d', { created: 85_000 }), pod(preview, 'q8s7a', { created: 85_000 }), pod(active, 'a1b2c', { created: 44 * MIN }), pod(active, 'x9y8z', { created: 44 * MIN })];
  return { rollout: ro, replicaSets: [active, preview], pods, experiments: [], analysisRuns: [] };
}

/** Aborted canary: canary scaled back, scale-down deadline on the old canary RS, Degraded. */
export function degraded(): RolloutObjects {
  const o = canaryPaused();
  const ro: Rollout = {
    ...o.rollout,
    status: {
      ...o.rollout.status,
      phase: 'Degraded',
      message: 'RolloutAborted: Rollout aborted update to revision 2',
      abort: true,
      abortedAt: ago(MIN),
      pauseConditions: undefined,
      controllerPause: false,
      replicas: 4,
      updatedReplicas: 0,
      readyReplicas: 4,
      availableReplicas: 4,
      conditions: [
        { type: 'Progressing', status: 'False', reason: 'RolloutAborted', message: 'Rollout aborted update to revision 2', lastUpdateTime: ago(MIN), lastTransitionTime: ago(MIN) },
      ],
    },
  };
  const canaryRS = replicaSet({
    rollout: 'guestbook',
    ownerUid: 'uid-guestbook',
    hash: '6f646bf7b7',
    revision: 2,
    image: 'argoproj/rollouts-demo:yellow',
    replicas: 0,
    created: 3 * MIN,
    annotations: { 'scale-down-deadline': new Date(NOW + 25_000).toISOString().replace(/\.\d{3}Z$/, 'Z') },
  });
  return { ...o, rollout: ro, replicaSets: [o.replicaSets[0]!, canaryRS], pods: o.pods.filter((p) => !p.metadata!.name!.includes('6f646bf7b7')) };
}

/** Manually paused (spec.paused) healthy canary. */
export function manuallyPaused(): RolloutObjects {
  const o = canaryPaused();
  const ro: Rollout = {
    ...o.rollout,
    spec: { ...o.rollout.spec, paused: true },
    status: { ...o.rollout.status, phase: 'Paused', message: 'manually paused', pauseConditions: undefined, controllerPause: false },
  };
  return { ...o, rollout: ro };
}

function analysisRun(name: string, o: { owner: string; ownerKind: string; revision: number; phase: string; created: number; jobs?: Array<{ job: string; phase: string; started: number }>; counts: { successful?: number; failed?: number; inconclusive?: number; error?: number } }): AnalysisRun {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name,
      namespace: NS,
      uid: `uid-${name}`,
      creationTimestamp: ago(o.created),
      annotations: { 'rollout.argoproj.io/revision': String(o.revision) },
      ownerReferences: owner(o.ownerKind, o.owner, `uid-${o.owner}`),
    },
    spec: { metrics: [{ name: 'success-rate', provider: { job: {} } } as never] },
    status: {
      phase: o.phase,
      metricResults: [
        {
          name: 'success-rate',
          phase: o.phase,
          ...o.counts,
          measurements: (o.jobs ?? []).map((j) => ({ phase: j.phase, startedAt: ago(j.started), metadata: { 'job-name': j.job } })),
        },
      ],
    },
  };
}

/** Canary with a background AnalysisRun (running Job), an inconclusive step analysis and an experiment. */
export function withAnalysis(): RolloutObjects {
  const o = canaryPaused();
  const ro: Rollout = {
    ...o.rollout,
    metadata: { ...o.rollout.metadata, name: 'rollout-experiment-analysis', uid: 'uid-rollout-experiment-analysis' },
    spec: { ...o.rollout.spec, strategy: { canary: { steps: [{ setWeight: 25 }, { experiment: { templates: [{ name: 'baseline', specRef: 'stable' }] } } as never] } } },
    status: {
      ...o.rollout.status,
      phase: 'Paused',
      message: 'InconclusiveAnalysisRun',
      currentStepIndex: 1,
      pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: ago(MIN) }],
    },
  };
  const name = 'rollout-experiment-analysis';
  const uid = `uid-${name}`;
  const canaryRS = replicaSet({ rollout: name, ownerUid: uid, hash: '6f646bf7b7', revision: 2, image: 'argoproj/rollouts-demo:yellow', replicas: 1, created: 7 * DAY });
  const stableRS = replicaSet({ rollout: name, ownerUid: uid, hash: 'f6db98dff', revision: 1, image: 'argoproj/rollouts-demo:blue', replicas: 4, created: 7 * DAY });
  const expName = `${name}-6f646bf7b7-1-vcv27`;
  const experiment: Experiment = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    metadata: {
      name: expName,
      namespace: NS,
      uid: `uid-${expName}`,
      creationTimestamp: ago(7 * DAY),
      annotations: { 'rollout.argoproj.io/revision': '2' },
      ownerReferences: owner('Rollout', name, uid),
    },
    spec: { templates: [] },
    status: { phase: 'Running' },
  };
  const expRS = replicaSet({
    rollout: expName,
    name: `${expName}-baseline`,
    ownerUid: `uid-${expName}`,
    ownerKind: 'Experiment',
    hash: 'f6db98dff',
    revision: 1,
    image: 'argoproj/rollouts-demo:blue',
    replicas: 1,
    created: 7 * DAY,
    annotations: { 'experiment.argoproj.io/template-name': 'baseline', 'experiment.argoproj.io/name': expName },
  });
  const runs = [
    analysisRun(`${name}-6f646bf7b7-2-random-fail`, { owner: name, ownerKind: 'Rollout', revision: 2, phase: 'Inconclusive', created: 7 * DAY, counts: { successful: 4, failed: 4, inconclusive: 1, error: 1 }, jobs: [{ job: 'fail-job-rzl6lt', phase: 'Failed', started: 7 * DAY }] }),
    analysisRun(`${name}-6f646bf7b7-2-background`, { owner: name, ownerKind: 'Rollout', revision: 2, phase: 'Running', created: 5 * MIN, counts: { successful: 2 }, jobs: [{ job: 'bg-job-1', phase: 'Successful', started: 5 * MIN }, { job: 'bg-job-2', phase: 'Running', started: 30_000 }] }),
    analysisRun(`${expName}-purity`, { owner: expName, ownerKind: 'Experiment', revision: 2, phase: 'Successful', created: 7 * DAY, counts: { successful: 1 } }),
  ];
  const pods = [pod(canaryRS, 'wn5w8', { created: 7 * DAY }), pod(stableRS, 'c9fzm', { created: 7 * DAY }), pod(expRS, 'h5d7k', { created: 7 * DAY, ready: false, waiting: 'CrashLoopBackOff', restarts: 7 })];
  return { rollout: ro, replicaSets: [stableRS, canaryRS, expRS], pods, experiments: [experiment], analysisRuns: runs };
}
