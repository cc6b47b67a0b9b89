/** A Rollout and what it owns, summarised for the tree view (Argo's `NewRolloutInfo`). */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { getReplicasOrDefault } from '../../api/defaults.ts';
import type { AnalysisRun } from '../../api/types/analysis.ts';
import type { Experiment } from '../../api/types/experiment.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import { getRolloutPhase } from '../../rollout/phase.ts';
import { getCurrentCanaryStep, getCurrentSetWeight } from '../../rollout/steps.ts';
import { rolloutIcon } from '../render/icons.ts';
import { analysisRunInfos } from './analysisrun-info.ts';
import { experimentInfos } from './experiment-info.ts';
import { objectInfo } from './meta.ts';
import { replicaSetInfos } from './replicaset-info.ts';
import type { ReplicaSetInfo, RolloutInfo } from './types.ts';

/** Everything the tree view of one rollout needs, as read from the API (namespace-wide lists are fine). */
export interface RolloutObjects {
  rollout: Rollout;
  replicaSets: readonly ReplicaSet[];
  pods: readonly Pod[];
  experiments: readonly Experiment[];
  analysisRuns: readonly AnalysisRun[];
}

/** Step `i/n`, desired weight and actual weight of a canary; empty strings for blue-green. */
export function canaryProgress(ro: Rollout, replicaSets: readonly ReplicaSetInfo[]): { step: string; setWeight: string; actualWeight: string } {
  const steps = ro.spec?.strategy?.canary?.steps ?? [];
  const index = ro.status?.currentStepIndex;
  const step = index !== undefined && index !== null && steps.length > 0 ? `${index}/${steps.length}` : '';
  const setWeight = String(getCurrentSetWeight(ro));
  const available = ro.status?.availableReplicas ?? 0;
  let actualWeight = '0';
  if (!getCurrentCanaryStep(ro).step) {
    actualWeight = '100';
  } else if (available > 0) {
    if (!ro.spec.strategy.canary?.trafficRouting) {
      for (const rs of replicaSets) if (rs.canary) actualWeight = String(Math.trunc((rs.available * 100) / available));
    } else {
      const weights = ro.status?.canary?.weights;
      actualWeight = weights ? String(weights.canary?.weight ?? 0) : setWeight;
    }
  }
  return { step, setWeight, actualWeight };
}

export function rolloutInfo(o: RolloutObjects): RolloutInfo {
  const ro = o.rollout;
  const meta = objectInfo(ro.metadata);
  const replicaSets = replicaSetInfos(meta.uid, ro, o.replicaSets, o.pods);
  const { phase, message } = getRolloutPhase(ro);
  let strategy = '';
  let progress = { step: '', setWeight: '', actualWeight: '' };
  if (ro.spec?.strategy?.canary) {
    strategy = 'Canary';
    progress = canaryProgress(ro, replicaSets);
  } else if (ro.spec?.strategy?.blueGreen) {
    strategy = 'BlueGreen';
  }
  return {
    ...meta,
    status: phase,
    message,
    icon: rolloutIcon(phase),
    strategy,
    ...progress,
    desired: getReplicasOrDefault(ro.spec?.replicas),
    current: ro.status?.replicas ?? 0,
    updated: ro.status?.updatedReplicas ?? 0,
    ready: ro.status?.readyReplicas ?? 0,
    available: ro.status?.availableReplicas ?? 0,
    replicaSets,
    experiments: experimentInfos(meta.uid, o.experiments, { replicaSets: o.replicaSets, pods: o.pods, analysisRuns: o.analysisRuns }),
    analysisRuns: analysisRunInfos(meta.uid, o.analysisRuns),
  };
}

/** Revisions present among the rollout's ReplicaSets, Experiments and AnalysisRuns, newest first. */
export function revisions(info: RolloutInfo): number[] {
  const all = new Set<number>();
  for (const x of [...info.replicaSets, ...info.experiments, ...info.analysisRuns]) all.add(x.revision);
  return [...all].sort((a, b) => b - a);
}
