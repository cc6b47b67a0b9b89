/** One-shot reads of everything a tree view shows (namespace-wide lists, as Argo's view controller). */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { AnalysisRun } from '../../api/types/analysis.ts';
import type { Experiment } from '../../api/types/experiment.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import type { KubeClient } from '../../kube/client.ts';
import { analysisruns, experiments, pods, replicasets, rollouts, type ResourceRef } from '../../kube/resources.ts';
import type { ExperimentObjects } from '../info/experiment-info.ts';
import type { RolloutObjects } from '../info/rollout-info.ts';

async function listAll<T>(client: KubeClient, ref: ResourceRef, namespace: string): Promise<T[]> {
  return (await client.listAll(ref, namespace)).items as unknown as T[];
}

export async function fetchRolloutObjects(client: KubeClient, namespace: string, name: string): Promise<RolloutObjects> {
  const [rollout, rss, ps, exps, ars] = await Promise.allSettled([
    client.get(rollouts, namespace, name),
    listAll<ReplicaSet>(client, replicasets, namespace),
    listAll<Pod>(client, pods, namespace),
    listAll<Experiment>(client, experiments, namespace),
    listAll<AnalysisRun>(client, analysisruns, namespace),
  ]);
  const value = <T>(r: PromiseSettledResult<T>): T => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  };
  return {
    rollout: value(rollout) as unknown as Rollout,
    replicaSets: value(rss),
    pods: value(ps),
    experiments: value(exps),
    analysisRuns: value(ars),
  };
}

export async function fetchExperimentObjects(client: KubeClient, namespace: string, name: string): Promise<ExperimentObjects> {
  const [experiment, rss, ps, ars] = await Promise.allSettled([
    client.get(experiments, namespace, name),
    listAll<ReplicaSet>(client, replicasets, namespace),
    listAll<Pod>(client, pods, namespace),
    listAll<AnalysisRun>(client, analysisruns, namespace),
  ]);
  const value = <T>(r: PromiseSettledResult<T>): T => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  };
  return { experiment: value(experiment) as unknown as Experiment, replicaSets: value(rss), pods: value(ps), analysisRuns: value(ars) };
}
