/**
 * Watch mode's data source: shared informers on the rollout (or experiment) and the kinds its tree
 * shows, in one namespace. Calls `onChange` after any add/update/delete once the caches are synced.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { AnalysisRun } from '../../api/types/analysis.ts';
import type { Experiment } from '../../api/types/experiment.ts';
import type { Rollout } from '../../api/types/rollout.ts';
import type { KubeObject } from '../../cluster/store/object.ts';
import type { KubeClient } from '../../kube/client.ts';
import { SharedInformerFactory } from '../../kube/informer-factory.ts';
import type { SharedInformer } from '../../kube/informer.ts';
import { analysisruns, experiments, pods, replicasets, rollouts, type ResourceRef } from '../../kube/resources.ts';
import type { ExperimentObjects } from '../info/experiment-info.ts';
import type { RolloutObjects } from '../info/rollout-info.ts';

export type Root = 'rollout' | 'experiment';

export interface LiveObjects {
  /** The current picture, or undefined while the root object does not exist. */
  rollout(): RolloutObjects | undefined;
  experiment(): ExperimentObjects | undefined;
  stop(): Promise<void>;
}

const ROOT_REF: Record<Root, ResourceRef> = { rollout: rollouts, experiment: experiments };

/** `children: false` watches the root object only (enough for `status`). */
export async function watchObjects(
  client: KubeClient,
  namespace: string,
  root: Root,
  name: string,
  onChange: () => void,
  opts: { children?: boolean } = {},
): Promise<LiveObjects> {
  const factory = new SharedInformerFactory(client, { namespace });
  const rootInformer = factory.forResource(ROOT_REF[root], { fieldSelector: `metadata.name=${name}` });
  const children = opts.children ?? true;
  const informer = (ref: ResourceRef): SharedInformer<KubeObject> | undefined => (children ? factory.forResource(ref) : undefined);
  const rsInformer = informer(replicasets);
  const podInformer = informer(pods);
  const arInformer = informer(analysisruns);
  const expInformer = root === 'rollout' ? informer(experiments) : undefined;
  let synced = false;
  const changed = (): void => {
    if (synced) onChange();
  };
  for (const inf of factory.list()) inf.addEventHandler({ onAdd: changed, onUpdate: changed, onDelete: changed });
  factory.start();
  await factory.waitForCacheSync();
  synced = true;
  const items = <T>(inf: SharedInformer<KubeObject> | undefined): T[] => (inf?.cache.list() ?? []) as unknown as T[];
  const rootObject = (): KubeObject | undefined => rootInformer.cache.get(namespace, name);
  return {
    rollout() {
      const ro = rootObject();
      if (!ro || root !== 'rollout') return undefined;
      return {
        rollout: ro as unknown as Rollout,
        replicaSets: items<ReplicaSet>(rsInformer),
        pods: items<Pod>(podInformer),
        experiments: items<Experiment>(expInformer),
        analysisRuns: items<AnalysisRun>(arInformer),
      };
    },
    experiment() {
      const ex = rootObject();
      if (!ex || root !== 'experiment') return undefined;
      return { experiment: ex as unknown as Experiment, replicaSets: items<ReplicaSet>(rsInformer), pods: items<Pod>(podInformer), analysisRuns: items<AnalysisRun>(arInformer) };
    },
    stop: () => factory.shutdown(),
  };
}
