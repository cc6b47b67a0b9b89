/**
 * The simulated kubelets of every simulated node, as one controller: for each pod bound to a simulated
 * node it computes the status the pod should have now (desiredStatus), writes it with one
 * conditional merge patch to pods/status when it differs, and requeues itself for the next change
 * (start, readiness, crash, back-off). Terminating pods are deleted with gracePeriodSeconds=0 once
 * their simulated containers have exited.
 */
import { keyOf } from '../../../kube/cache.ts';
import { EventRecorder } from '../../../kube/events.ts';
import { errText } from '../../../kube/log.ts';
import { pods as podsRef } from '../../../kube/resources.ts';
import { isNotFound, isConflict } from '../../../kube/rest-errors.ts';
import { parseTime } from '../../../kube/time-format.ts';
import type { WorkResult } from '../../../kube/workers.ts';
import type { SimContext, SimController } from '../context.ts';
import type { SimNode } from '../nodes/ensure-nodes.ts';
import type { PodObject } from '../util/types.ts';
import { startWorkerPool } from '../util/worker-pool.ts';
import { planPod } from './behaviour.ts';
import { PodIpAllocator } from './ip-allocator.ts';
import { kubeletEvents } from './kubelet-events.ts';
import { desiredStatus, startTimeOf, statusCurrent, statusPatch } from './pod-status.ts';
import { terminationDeadline } from './termination.ts';

export const KUBELET_WORKERS = 16;

interface Runtime {
  uid: string;
  /** When the kubelet admitted the pod (ms). */
  t0: number;
  ip?: string;
  /** The last status written, and the resourceVersion the server gave it (loop guard). */
  lastWritten?: string;
  writtenRv?: string;
  deleteSent?: boolean;
  warned?: boolean;
}

function rvNumber(rv: string | undefined): number | undefined {
  if (!rv || !/^\d+$/.test(rv)) return undefined;
  return Number(rv);
}

export async function startKubelet(ctx: SimContext, simNodes: readonly SimNode[]): Promise<SimController> {
  const informer = ctx.informers.forResource<PodObject>(podsRef);
  const nodeIp = new Map(simNodes.map((n) => [n.name, n.ip]));
  const runtimes = new Map<string, Runtime>();
  const ips = new PodIpAllocator();
  const recorders = new Map<string, EventRecorder>();
  const recorder = (node: string): EventRecorder => {
    let r = recorders.get(node);
    if (!r) recorders.set(node, (r = new EventRecorder(ctx.client, { component: 'kubelet', host: node, logger: ctx.logger, clock: ctx.clock })));
    return r;
  };

  const ours = (pod: PodObject): boolean => nodeIp.has(pod.spec?.nodeName ?? '');

  const runtimeOf = (pod: PodObject, now: number): Runtime => {
    const uid = pod.metadata.uid ?? '';
    let rt = runtimes.get(uid);
    if (!rt) {
      rt = { uid, t0: parseTime(pod.status?.startTime ?? undefined) ?? now };
      if (pod.status?.podIP) rt.ip = pod.status.podIP;
      runtimes.set(uid, rt);
    }
    return rt;
  };

  const terminate = async (pod: PodObject, rt: Runtime, now: number): Promise<WorkResult> => {
    const at = terminationDeadline(pod, ctx.opts.timeScale) ?? now;
    if (now < at) return { requeueAfterMs: Math.max(1, at - now) };
    if (rt.deleteSent && pod.metadata.deletionGracePeriodSeconds === 0) return;
    try {
      await ctx.client.delete(podsRef, pod.metadata.namespace, pod.metadata.name ?? '', {
        gracePeriodSeconds: 0,
        preconditions: { uid: pod.metadata.uid },
        signal: ctx.signal,
      });
      rt.deleteSent = true;
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
    return;
  };

  const sync = async (key: string): Promise<WorkResult> => {
    const pod = informer.cache.getByKey(key);
    if (!pod || !ours(pod)) return;
    const now = ctx.clock.now();
    const rt = runtimeOf(pod, now);
    if (pod.metadata.deletionTimestamp) return terminate(pod, rt, now);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;

    const plan = planPod(pod, ctx.opts);
    const node = pod.spec?.nodeName ?? '';
    // The sandbox (and its IP) exists from the start on; host-network pods use the node's IP.
    if (!rt.ip && now >= startTimeOf(plan, rt.t0)) rt.ip = pod.spec?.hostNetwork ? nodeIp.get(node) : ips.allocate();
    const desired = desiredStatus(pod, plan, { t0: rt.t0, now, nodeIp: nodeIp.get(node) ?? '', podIp: rt.ip, timeScale: ctx.opts.timeScale });
    const requeue: WorkResult = desired.nextAt !== undefined ? { requeueAfterMs: Math.max(1, desired.nextAt - now) } : undefined;
    if (statusCurrent(pod.status, desired.status)) return requeue;

    const signature = JSON.stringify(desired.status);
    if (rt.lastWritten === signature) {
      const seen = rvNumber(pod.metadata.resourceVersion);
      const written = rvNumber(rt.writtenRv);
      if (pod.metadata.resourceVersion === rt.writtenRv) {
        // The server stored our write differently from what we compare against: do not loop.
        if (!rt.warned) ctx.logger.warn({ pod: key }, 'kubelet: stored pod status differs from the status written; not rewriting');
        rt.warned = true;
        return requeue;
      }
      if (seen !== undefined && written !== undefined && seen < written) return requeue; // the cache is behind our write
    }
    const patch = statusPatch(pod.status, desired.status, now, pod.metadata.resourceVersion);
    try {
      const updated = await ctx.client.patch<PodObject>(podsRef, pod.metadata.namespace, pod.metadata.name ?? '', patch, 'merge', {
        subresource: 'status',
        signal: ctx.signal,
      });
      rt.lastWritten = signature;
      rt.writtenRv = updated.metadata.resourceVersion;
    } catch (err) {
      // Gone, or changed since the cache saw it: the informer brings the news and requeues the pod.
      if (isNotFound(err) || isConflict(err)) return;
      throw err;
    }
    for (const e of kubeletEvents(pod, pod.status?.containerStatuses, desired.status.containerStatuses)) recorder(node).event(pod, e.type, e.reason, e.message);
    return requeue;
  };

  const pool = startWorkerPool({
    name: 'kubelet',
    workers: KUBELET_WORKERS,
    informers: [informer],
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
    handler: sync,
  });

  informer.addEventHandler({
    onAdd: (pod) => {
      if (!ours(pod)) return;
      if (pod.status?.podIP && !pod.metadata.deletionTimestamp) {
        ips.reserve(pod.status.podIP);
        runtimeOf(pod, ctx.clock.now());
      }
      pool.queue.add(keyOf(pod));
    },
    onUpdate: (_old, pod) => {
      if (ours(pod)) pool.queue.add(keyOf(pod));
    },
    onDelete: (pod) => {
      const uid = pod.metadata.uid ?? '';
      const rt = runtimes.get(uid);
      const ip = rt?.ip ?? pod.status?.podIP;
      if (ip) ips.release(ip);
      runtimes.delete(uid);
    },
  });

  return {
    async stop() {
      await pool.stop();
      await Promise.all([...recorders.values()].map((r) => r.flush().catch((err: unknown) => ctx.logger.debug({ err: errText(err) }, 'event flush failed'))));
    },
  };
}
