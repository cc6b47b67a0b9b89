/**
 * The simulated kube-scheduler: places pending pods on the simulated nodes by a merge patch of
 * spec.nodeName (this API server has no pods/binding), spreading them; a pod that fits nowhere gets
 * PodScheduled=False/Unschedulable and is retried when a node changes.
 */
import { EventRecorder } from '../../../kube/events.ts';
import { nodes as nodesRef, pods as podsRef } from '../../../kube/resources.ts';
import { isNotFound } from '../../../kube/rest-errors.ts';
import { keyOf } from '../../../kube/cache.ts';
import { formatTime } from '../../../kube/time-format.ts';
import type { SimContext, SimController } from '../context.ts';
import type { NodeObject, PodObject } from '../util/types.ts';
import { startWorkerPool } from '../util/worker-pool.ts';
import { NodeLoad } from './node-load.ts';
import { chooseNode, needsScheduling } from './schedule.ts';

export const SCHEDULER_WORKERS = 8;

function isTerminal(pod: PodObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export async function startScheduler(ctx: SimContext, nodeNames: readonly string[]): Promise<SimController> {
  const podInformer = ctx.informers.forResource<PodObject>(podsRef);
  const nodeInformer = ctx.informers.forResource<NodeObject>(nodesRef);
  const ours = new Set(nodeNames);
  const load = new NodeLoad();
  /** Pods bound by us whose binding the cache has not shown yet: key → uid. */
  const assumed = new Map<string, string>();
  const unschedulable = new Set<string>();
  const events = new EventRecorder(ctx.client, { component: 'default-scheduler', logger: ctx.logger, clock: ctx.clock });

  const track = (pod: PodObject): void => {
    const key = keyOf(pod);
    const node = pod.spec?.nodeName;
    if (node) {
      assumed.delete(key);
      load.set(key, isTerminal(pod) ? undefined : node);
    } else if (!assumed.has(key)) {
      load.set(key, undefined);
    }
  };

  const pool = startWorkerPool({
    name: 'scheduler',
    workers: SCHEDULER_WORKERS,
    informers: [podInformer, nodeInformer],
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
    handler: async (key) => {
      const pod = podInformer.cache.getByKey(key);
      if (!pod || !needsScheduling(pod)) {
        unschedulable.delete(key);
        return;
      }
      if (assumed.get(key) === pod.metadata.uid) return;
      const candidates = nodeNames.map((n) => nodeInformer.cache.get(undefined, n)).filter((n): n is NodeObject => n !== undefined);
      const decision = chooseNode(pod, candidates, (n) => load.count(n));
      const ns = pod.metadata.namespace;
      const name = pod.metadata.name ?? '';
      if ('node' in decision) {
        unschedulable.delete(key);
        assumed.set(key, pod.metadata.uid ?? '');
        load.set(key, decision.node);
        try {
          await ctx.client.patch(podsRef, ns, name, { spec: { nodeName: decision.node } }, 'merge', { signal: ctx.signal });
        } catch (err) {
          assumed.delete(key);
          load.set(key, undefined);
          if (isNotFound(err)) return;
          throw err;
        }
        return;
      }
      unschedulable.add(key);
      const current = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
      if (current?.status === 'False' && current.reason === 'Unschedulable' && current.message === decision.unschedulable) return;
      const now = formatTime(ctx.clock.now());
      await ctx.client
        .patch(
          podsRef,
          ns,
          name,
          { status: { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: decision.unschedulable, lastProbeTime: null, lastTransitionTime: now }] } },
          'strategic',
          { subresource: 'status', signal: ctx.signal },
        )
        .catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      events.event(pod, 'Warning', 'FailedScheduling', decision.unschedulable);
    },
  });

  podInformer.addEventHandler({
    onAdd: (pod) => {
      track(pod);
      if (needsScheduling(pod)) pool.queue.add(keyOf(pod));
    },
    onUpdate: (_old, pod) => {
      track(pod);
      if (needsScheduling(pod)) pool.queue.add(keyOf(pod));
    },
    onDelete: (pod) => {
      const key = keyOf(pod);
      assumed.delete(key);
      load.set(key, undefined);
      unschedulable.delete(key);
    },
  });
  const retryUnschedulable = (node: NodeObject): void => {
    if (!ours.has(node.metadata.name ?? '')) return;
    for (const key of unschedulable) pool.queue.add(key);
  };
  nodeInformer.addEventHandler({ onAdd: retryUnschedulable, onUpdate: (_o, n) => retryUnschedulable(n) });

  return {
    async stop() {
      await pool.stop();
      await events.flush();
    },
  };
}
