/**
 * The HorizontalPodAutoscaler controller (autoscaling/v2) over any `scale` subresource: every sync
 * period (15 s × timeScale, a requeue-after) it reads the target's scale, samples the simulated CPU
 * metric of the pods its selector picks, applies planHpa and writes the scale and the HPA status.
 */
import { keyOf } from '../../../../kube/cache.ts';
import { EventRecorder } from '../../../../kube/events.ts';
import { errText } from '../../../../kube/log.ts';
import { hpas, pods as podsRef } from '../../../../kube/resources.ts';
import { isNotFound } from '../../../../kube/rest-errors.ts';
import { matchesLabels, parseLabelSelector } from '../../../../kube/selectors/index.ts';
import type { WorkResult } from '../../../../kube/workers.ts';
import type { KubeObject } from '../../../store/object.ts';
import { scaled, type SimContext, type SimController } from '../../context.ts';
import type { ApiDiscovery } from '../common/api-discovery.ts';
import { groupOf, splitKey } from '../common/meta.ts';
import { StatusGuard } from '../common/status-guard.ts';
import type { HpaObject, PodObject } from '../common/types.ts';
import { recordScale, type HpaHistory } from './normalize.ts';
import { afterRescale, failedGetScale, planHpa, type HpaEvent } from './plan.ts';
import { podSamples } from './samples.ts';
import { startWorkerPool } from '../../util/worker-pool.ts';

/** The controller's --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** The controller's --horizontal-pod-autoscaler-downscale-stabilization (HPAs without `behavior`). */
export const LEGACY_DOWNSCALE_WINDOW_MS = 300_000;

interface Scale extends KubeObject {
  spec?: { replicas?: number };
  status?: { replicas?: number; selector?: string };
}

export async function startHpaController(ctx: SimContext, discovery: ApiDiscovery): Promise<SimController> {
  const hpaInformer = ctx.informers.forResource<HpaObject>(hpas);
  const podInformer = ctx.informers.forResource<PodObject>(podsRef);
  const recorder = new EventRecorder(ctx.client, { component: 'horizontal-pod-autoscaler', logger: ctx.logger, clock: ctx.clock });
  const histories = new Map<string, HpaHistory | undefined>();
  const guard = new StatusGuard();
  const period = (): number => Math.max(10, scaled(ctx, HPA_SYNC_PERIOD_MS));

  const writeStatus = async (key: string, hpa: HpaObject, status: HpaObject['status']): Promise<void> => {
    if (!guard.needsWrite(key, hpa.status ?? {}, status, hpa.metadata.resourceVersion)) return;
    const { namespace } = splitKey(key);
    try {
      const updated = await ctx.client.updateStatus<HpaObject>(hpas, namespace, { ...hpa, status });
      guard.wrote(key, status, updated.metadata.resourceVersion);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  };
  const emit = (hpa: HpaObject, events: readonly HpaEvent[]): void => {
    for (const e of events) recorder.event(hpa, e.type, e.reason, e.message);
  };

  const sync = async (key: string): Promise<WorkResult> => {
    const hpa = hpaInformer.cache.getByKey(key);
    if (!hpa) {
      histories.delete(key);
      guard.forget(key);
      return;
    }
    const requeue = { requeueAfterMs: period() };
    const now = ctx.clock.now();
    const { namespace } = splitKey(key);
    const ref = hpa.spec?.scaleTargetRef;
    const group = groupOf(ref?.apiVersion);
    const resource = ref ? discovery.byGroupKind(group, ref.kind) : undefined;
    if (!ref || !resource || !resource.subresources.includes('scale')) {
      const why = !resource ? `no matches for kind "${ref?.kind ?? ''}" in group "${group}"` : `${resource.ref.resource}.${group} has no scale subresource`;
      emit(hpa, [{ type: 'Warning', reason: 'FailedGetScale', message: why }]);
      await writeStatus(key, hpa, failedGetScale(hpa, why, now));
      return requeue;
    }
    let scale: Scale;
    try {
      scale = await ctx.client.get<Scale>(resource.ref, namespace, ref.name, { subresource: 'scale' });
    } catch (err) {
      emit(hpa, [{ type: 'Warning', reason: 'FailedGetScale', message: errText(err) }]);
      await writeStatus(key, hpa, failedGetScale(hpa, errText(err), now));
      return requeue;
    }
    const target = await ctx.client.get(resource.ref, namespace, ref.name).catch((err: unknown) => {
      if (isNotFound(err)) return undefined;
      throw err;
    });
    const selector = scale.status?.selector ?? '';
    let selected: PodObject[] = [];
    try {
      const requirements = parseLabelSelector(selector);
      selected = podInformer.cache.list(namespace).filter((p) => matchesLabels(requirements, p.metadata.labels ?? {}));
    } catch (err) {
      ctx.logger.warn({ hpa: key, selector, err: errText(err) }, 'hpa: invalid selector on the target scale');
    }
    const plan = planHpa({
      hpa,
      scale: { replicas: scale.spec?.replicas ?? 0, selector },
      samples: podSamples(selected, target),
      now,
      history: histories.get(key),
      legacyDownscaleWindowMs: scaled(ctx, LEGACY_DOWNSCALE_WINDOW_MS),
    });
    let history = plan.history;
    let status = plan.status;
    const events = [...plan.events];
    if (plan.rescaleTo !== undefined) {
      const from = scale.spec?.replicas ?? 0;
      try {
        await ctx.client.patch(resource.ref, namespace, ref.name, { spec: { replicas: plan.rescaleTo } }, 'merge', { subresource: 'scale' });
        status = afterRescale(status, plan.rescaleTo, undefined, now);
        if (history) history = recordScale(history, from, plan.rescaleTo, now);
        events.push({ type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${plan.rescaleTo}; reason: ${plan.rescaleReason}` });
      } catch (err) {
        status = afterRescale(status, plan.rescaleTo, errText(err), now);
        events.push({ type: 'Warning', reason: 'FailedRescale', message: `New size: ${plan.rescaleTo}; reason: ${plan.rescaleReason}; error: ${errText(err)}` });
      }
    }
    histories.set(key, history);
    emit(hpa, events);
    await writeStatus(key, hpa, status);
    return requeue;
  };

  const controller = startWorkerPool({
    name: 'horizontal-pod-autoscaler',
    workers: 2,
    informers: [hpaInformer, podInformer],
    handler: sync,
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
  });
  hpaInformer.addEventHandler({
    onAdd: (hpa) => controller.queue.add(keyOf(hpa)),
    // Status writes (ours) do not resync; a spec change does, at once.
    onUpdate: (old, hpa) => {
      if (old.metadata.generation !== hpa.metadata.generation) controller.queue.add(keyOf(hpa));
    },
    onDelete: (hpa) => controller.queue.add(keyOf(hpa)),
  });
  return {
    async stop() {
      await controller.stop();
      await recorder.flush();
    },
  };
}
