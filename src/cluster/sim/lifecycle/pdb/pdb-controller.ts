/**
 * The disruption controller: keeps PodDisruptionBudget status current (for `kubectl get pdb`) from
 * pod events. The API server's eviction handler evaluates budgets live; this is the status view.
 */
import { keyOf } from '../../../../kube/cache.ts';
import { EventRecorder } from '../../../../kube/events.ts';
import { errText } from '../../../../kube/log.ts';
import { deployments, pdbs, pods as podsRef, replicasets } from '../../../../kube/resources.ts';
import { isNotFound } from '../../../../kube/rest-errors.ts';
import { matchesLabelSelector } from '../../../../kube/selectors/index.ts';
import type { KubeObject } from '../../../store/object.ts';
import type { SimContext, SimController } from '../../context.ts';
import type { ApiDiscovery } from '../common/api-discovery.ts';
import { splitKey } from '../common/meta.ts';
import { StatusGuard } from '../common/status-guard.ts';
import type { PdbObject, PodObject } from '../common/types.ts';
import { controllersScale, type ScaleSources } from './controller-scale.ts';
import { expectation, needsControllerScale, pdbStatus } from './pdb-status.ts';
import { startWorkerPool } from '../../util/worker-pool.ts';

function selects(pdb: PdbObject, pod: PodObject): boolean {
  try {
    return matchesLabelSelector(pdb.spec?.selector, pod.metadata.labels ?? {});
  } catch {
    return false;
  }
}

export async function startDisruptionController(ctx: SimContext, discovery: ApiDiscovery): Promise<SimController> {
  const pdbInformer = ctx.informers.forResource<PdbObject>(pdbs);
  const podInformer = ctx.informers.forResource<PodObject>(podsRef);
  const sources: ScaleSources = {
    client: ctx.client,
    discovery,
    replicasets: ctx.informers.forResource<KubeObject>(replicasets),
    deployments: ctx.informers.forResource<KubeObject>(deployments),
  };
  const recorder = new EventRecorder(ctx.client, { component: 'controllermanager', logger: ctx.logger, clock: ctx.clock });
  const guard = new StatusGuard();

  const sync = async (key: string): Promise<void> => {
    const pdb = pdbInformer.cache.getByKey(key);
    if (!pdb) return guard.forget(key);
    const { namespace } = splitKey(key);
    const selected = podInformer.cache.list(namespace).filter((p) => selects(pdb, p));
    const scale = needsControllerScale(pdb) ? await controllersScale(sources, selected).catch((err: unknown) => ({ error: errText(err) })) : undefined;
    const status = pdbStatus(pdb, selected, expectation(pdb, selected, scale), ctx.clock.now());
    if (!guard.needsWrite(key, pdb.status ?? {}, status, pdb.metadata.resourceVersion)) return;
    try {
      const updated = await ctx.client.updateStatus<PdbObject>(pdbs, namespace, { ...pdb, status });
      guard.wrote(key, status, updated.metadata.resourceVersion);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (selected.length === 0) recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
  };

  const controller = startWorkerPool({
    name: 'disruption',
    workers: 2,
    informers: [pdbInformer, podInformer, sources.replicasets, sources.deployments],
    handler: sync,
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
  });
  pdbInformer.addEventHandler({
    onAdd: (pdb) => controller.queue.add(keyOf(pdb)),
    onUpdate: (old, pdb) => {
      if (old.metadata.generation !== pdb.metadata.generation) controller.queue.add(keyOf(pdb));
    },
  });
  const onPod = (pod: PodObject, old?: PodObject): void => {
    for (const pdb of pdbInformer.cache.list(pod.metadata.namespace ?? '')) {
      if (selects(pdb, pod) || (old && selects(pdb, old))) controller.queue.add(keyOf(pdb));
    }
  };
  podInformer.addEventHandler({ onAdd: (pod) => onPod(pod), onUpdate: (old, pod) => onPod(pod, old), onDelete: (pod) => onPod(pod) });
  return {
    async stop() {
      await controller.stop();
      await recorder.flush();
    },
  };
}
