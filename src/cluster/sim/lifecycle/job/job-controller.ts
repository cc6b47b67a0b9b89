/**
 * The Job controller (I/O around planJobSync): keeps a Job's pods, records and releases finished
 * pods, writes status, records events, and deletes the job when its TTL runs out. Also releases the
 * tracking finalizer of pods whose Job is gone (orphaned with `--cascade=orphan`, or deleted).
 */
import { keyOf } from '../../../../kube/cache.ts';
import { EventRecorder } from '../../../../kube/events.ts';
import { errText } from '../../../../kube/log.ts';
import { jobs, pods as podsRef } from '../../../../kube/resources.ts';
import { isConflict, isNotFound } from '../../../../kube/rest-errors.ts';
import type { WorkResult } from '../../../../kube/workers.ts';
import type { SimContext, SimController } from '../../context.ts';
import { mapLimit } from '../common/map-limit.ts';
import { groupOf, hasFinalizer, splitKey } from '../common/meta.ts';
import { listOrNull, patchMetadata } from '../common/patch-meta.ts';
import { StatusGuard } from '../common/status-guard.ts';
import type { JobObject, PodObject } from '../common/types.ts';
import { controllerOf } from '../../util/controller-ref.ts';
import { startWorkerPool } from '../../util/worker-pool.ts';
import { podForJob } from './job-pod.ts';
import { JOB_TRACKING_FINALIZER, planJobSync } from './job-sync.ts';
import { PendingChanges } from './pending-changes.ts';

const WORKERS = 4;
const CONCURRENCY = 16;
/** Queue keys of pods whose finalizer may need releasing (the rest are job keys). */
const POD_KEY = 'pod:';

function jobOf(pod: PodObject): string | undefined {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'Job' || groupOf(ref.apiVersion) !== 'batch') return undefined;
  return `${pod.metadata.namespace ?? ''}/${ref.name}`;
}

export async function startJobController(ctx: SimContext): Promise<SimController> {
  const jobInformer = ctx.informers.forResource<JobObject>(jobs);
  const podInformer = ctx.informers.forResource<PodObject>(podsRef);
  const recorder = new EventRecorder(ctx.client, { component: 'job-controller', logger: ctx.logger, clock: ctx.clock });
  const pending = new PendingChanges(ctx.clock);
  const guard = new StatusGuard();

  /** A pod with the tracking finalizer whose controlling Job does not exist (any more). */
  const isOrphan = (pod: PodObject): boolean => {
    const ref = controllerOf(pod);
    const job = ref && jobOf(pod) ? jobInformer.cache.get(pod.metadata.namespace, ref.name) : undefined;
    return !job || job.metadata.uid !== ref?.uid;
  };

  const releaseOrphan = async (podKey: string): Promise<void> => {
    const pod = podInformer.cache.getByKey(podKey);
    if (!pod || !hasFinalizer(pod, JOB_TRACKING_FINALIZER) || !isOrphan(pod)) return;
    await releaseFinalizer(pod);
  };

  const releaseFinalizer = (pod: PodObject): Promise<boolean> =>
    patchMetadata(ctx.client, podsRef, pod, (current) =>
      hasFinalizer(current, JOB_TRACKING_FINALIZER) ? { finalizers: listOrNull((current.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER)) } : undefined,
    );

  const syncJob = async (key: string): Promise<WorkResult> => {
    const job = jobInformer.cache.getByKey(key);
    if (!job) return;
    const uid = job.metadata.uid ?? '';
    const owned = podInformer.cache.byOwnerUid(uid).filter((p) => controllerOf(p)?.uid === uid);
    const plan = planJobSync({
      job,
      pods: owned,
      now: ctx.clock.now(),
      timeScale: ctx.opts.timeScale,
      canManagePods: pending.satisfied(key, podInformer.cache),
    });
    const { namespace, name } = splitKey(key);

    if (plan.deleteJob) {
      try {
        await ctx.client.delete(jobs, namespace, name, { propagationPolicy: 'Foreground', preconditions: { uid } });
      } catch (err) {
        if (!isNotFound(err) && !isConflict(err)) throw err;
      }
      return;
    }

    let current: JobObject = job;
    if (plan.recordUncounted) {
      current = await ctx.client.patch<JobObject>(
        jobs,
        namespace,
        name,
        { metadata: { resourceVersion: job.metadata.resourceVersion }, status: { uncountedTerminatedPods: plan.recordUncounted } },
        'merge',
        { subresource: 'status' },
      );
    }
    const released = await mapLimit(plan.release, CONCURRENCY, (p) => releaseFinalizer(p).then(() => true, (err: unknown) => err));
    const releaseError = released.find((r) => r !== true);

    const deleted: PodObject[] = [];
    await mapLimit(plan.delete, CONCURRENCY, async (pod) => {
      try {
        await ctx.client.delete(podsRef, namespace, pod.metadata.name ?? '', { propagationPolicy: 'Background', preconditions: { uid: pod.metadata.uid } });
        deleted.push(pod);
        recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name ?? ''}`);
      } catch (err) {
        if (!isNotFound(err) && !isConflict(err)) recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${errText(err)}`);
      }
    });
    const created: string[] = [];
    const template = plan.create > 0 ? podForJob(job) : undefined;
    await mapLimit(Array.from({ length: plan.create }), CONCURRENCY, async () => {
      try {
        const pod = await ctx.client.create<PodObject>(podsRef, namespace, structuredClone(template as PodObject));
        created.push(pod.metadata.name ?? '');
        recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name ?? ''}`);
      } catch (err) {
        recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${errText(err)}`);
      }
    });
    pending.record(key, namespace, created, deleted);

    const status = plan.status;
    const missing = plan.create - created.length;
    if (missing > 0) status.active = Math.max(0, (status.active ?? 0) - missing) || undefined;
    if (status.active === undefined) delete status.active;
    if (!releaseError && guard.needsWrite(key, current.status ?? {}, status, current.metadata.resourceVersion)) {
      const updated = await ctx.client.updateStatus<JobObject>(jobs, namespace, { ...current, status });
      guard.wrote(key, status, updated.metadata.resourceVersion);
    }
    for (const e of plan.events) recorder.event(job, e.type, e.reason, e.message);
    if (releaseError) throw releaseError;
    return plan.requeueAfterMs !== undefined ? { requeueAfterMs: plan.requeueAfterMs } : undefined;
  };

  const controller = startWorkerPool({
    name: 'job',
    workers: WORKERS,
    informers: [jobInformer, podInformer],
    handler: (key) => (key.startsWith(POD_KEY) ? releaseOrphan(key.slice(POD_KEY.length)) : syncJob(key)),
    logger: ctx.logger,
    clock: ctx.clock,
    signal: ctx.signal,
  });
  const enqueueJob = (job: JobObject): void => controller.queue.add(keyOf(job));
  jobInformer.addEventHandler({
    onAdd: enqueueJob,
    onUpdate: (_old, job) => enqueueJob(job),
    onDelete: (job) => {
      pending.forget(keyOf(job));
      guard.forget(keyOf(job));
      // Its pods may now be orphans holding the tracking finalizer.
      for (const pod of podInformer.cache.byOwnerUid(job.metadata.uid ?? '')) controller.queue.add(POD_KEY + keyOf(pod));
    },
  });
  const onPod = (pod: PodObject): void => {
    const jobKey = jobOf(pod);
    if (jobKey) controller.queue.add(jobKey);
    if (hasFinalizer(pod, JOB_TRACKING_FINALIZER) && isOrphan(pod)) controller.queue.add(POD_KEY + keyOf(pod));
  };
  podInformer.addEventHandler({
    onAdd: onPod,
    onUpdate: (_old, pod) => onPod(pod),
    onDelete: (pod) => {
      const jobKey = jobOf(pod);
      if (jobKey) controller.queue.add(jobKey);
    },
  });
  return {
    async stop() {
      await controller.stop();
      await recorder.flush();
    },
  };
}
