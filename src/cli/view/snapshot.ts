/**
 * One-shot reads of everything a tree view shows (namespace-wide lists, as Argo's view controller).
 * The requests go one after the other on purpose: they then share one keep-alive TLS connection,
 * which is much cheaper for a short-lived CLI than a handshake per parallel request.
 */
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
  const rollout = (await client.get(rollouts, namespace, name)) as unknown as Rollout;
  const replicaSets = await listAll<ReplicaSet>(client, replicasets, namespace);
  const podList = await listAll<Pod>(client, pods, namespace);
  const experimentList = await listAll<Experiment>(client, experiments, namespace);
  const analysisRuns = await listAll<AnalysisRun>(client, analysisruns, namespace);
  return { rollout, replicaSets, pods: podList, experiments: experimentList, analysisRuns };
}

export async function fetchExperimentObjects(client: KubeClient, namespace: string, name: string): Promise<ExperimentObjects> {
  const experiment = (await client.get(experiments, namespace, name)) as unknown as Experiment;
  const replicaSets = await listAll<ReplicaSet>(client, replicasets, namespace);
  const podList = await listAll<Pod>(client, pods, namespace);
  const analysisRuns = await listAll<AnalysisRun>(client, analysisruns, namespace);
  return { experiment, replicaSets, pods: podList, analysisRuns };
}
