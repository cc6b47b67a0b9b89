/** An Experiment with its ReplicaSets and AnalysisRuns (Argo's `NewExperimentInfo`). */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { AnalysisRun } from '../../api/types/analysis.ts';
import type { Experiment } from '../../api/types/experiment.ts';
import { analysisIcon } from '../render/icons.ts';
import { analysisRunInfos } from './analysisrun-info.ts';
import { isOwnedBy, objectInfo, parseRevision, timeValue } from './meta.ts';
import { replicaSetInfos } from './replicaset-info.ts';
import type { ExperimentInfo } from './types.ts';

export interface ExperimentObjects {
  experiment: Experiment;
  replicaSets: readonly ReplicaSet[];
  pods: readonly Pod[];
  analysisRuns: readonly AnalysisRun[];
}

export function experimentInfo(o: ExperimentObjects): ExperimentInfo {
  const meta = objectInfo(o.experiment.metadata);
  const status = o.experiment.status?.phase ?? '';
  return {
    ...meta,
    status,
    message: o.experiment.status?.message ?? '',
    icon: analysisIcon(status),
    revision: parseRevision(o.experiment.metadata),
    replicaSets: replicaSetInfos(meta.uid, undefined, o.replicaSets, o.pods),
    analysisRuns: analysisRunInfos(meta.uid, o.analysisRuns),
  };
}

/** The Experiments a Rollout owns: newest revision first, then oldest first. */
export function experimentInfos(
  ownerUid: string,
  experiments: readonly Experiment[],
  rest: Omit<ExperimentObjects, 'experiment'>,
): ExperimentInfo[] {
  const infos = experiments.filter((e) => isOwnedBy(e.metadata, ownerUid)).map((experiment) => experimentInfo({ experiment, ...rest }));
  return infos.sort((a, b) => {
    if (a.revision !== b.revision) return b.revision - a.revision;
    return timeValue(a.creationTimestamp) - timeValue(b.creationTimestamp) || 0;
  });
}
