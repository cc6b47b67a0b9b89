/**
 * The Job controller's decision for one sync, as a pure function (NonIndexed completion mode):
 * pod accounting with the `batch.kubernetes.io/job-tracking` finalizer and uncountedTerminatedPods,
 * backoffLimit (and restarts under OnFailure), activeDeadlineSeconds, completions/parallelism,
 * pod-failure back-off, suspend, the 1.31 conditions (FailureTarget / SuccessCriteriaMet first,
 * Failed / Complete once no pod is left running) and ttlSecondsAfterFinished.
 */
import type { JobCondition, JobStatus, UncountedTerminatedPods } from 'kubernetes-types/batch/v1.js';
import { formatTime, parseTime } from '../../../../kube/time-format.ts';
import { findCondition, isConditionTrue, setCondition } from '../common/conditions.ts';
import { hasFinalizer } from '../common/meta.ts';
import type { JobObject, PodObject } from '../common/types.ts';
import { isPodReady } from '../../util/pod-readiness.ts';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const DEFAULT_BACKOFF_LIMIT = 6;
/** Kubernetes' pod-failure back-off: 10 s doubling per consecutive failure, capped at 10 min (scaled). */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;
/** Kubernetes creates or deletes at most this many pods per sync. */
export const MAX_POD_CHANGES_PER_SYNC = 500;

export const REASON_BACKOFF_LIMIT = 'BackoffLimitExceeded';
export const MESSAGE_BACKOFF_LIMIT = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE = 'DeadlineExceeded';
export const MESSAGE_DEADLINE = 'Job was active longer than specified deadline';
export const REASON_COMPLETIONS = 'CompletionsReached';
export const MESSAGE_COMPLETIONS = 'Reached expected number of succeeded pods';

export interface JobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface JobSyncInput {
  job: JobObject;
  /** The pods the job controls (controller reference to its uid). */
  pods: readonly PodObject[];
  now: number;
  timeScale: number;
  /** False while earlier creations/deletions are not yet visible in the cache: count, but do not create or delete. */
  canManagePods: boolean;
}

export interface JobSyncPlan {
  /** Written first when set: terminated pods recorded before their finalizers go. */
  recordUncounted?: UncountedTerminatedPods;
  /** Pods whose tracking finalizer to remove (they are accounted for). */
  release: PodObject[];
  /** Pods to create from the template. */
  create: number;
  /** Active pods to delete. */
  delete: PodObject[];
  /** The status once the above is done; written when it differs. */
  status: JobStatus;
  events: JobEvent[];
  /** ttlSecondsAfterFinished has run out. */
  deleteJob: boolean;
  requeueAfterMs?: number;
}

export function isJobFinished(job: JobObject): boolean {
  const conditions = job.status?.conditions;
  return isConditionTrue(conditions, 'Complete') || isConditionTrue(conditions, 'Failed');
}

function isSucceeded(pod: PodObject): boolean {
  return pod.status?.phase === 'Succeeded';
}

/** Failed, or being deleted before it succeeded (podReplacementPolicy TerminatingOrFailed). */
function isFailed(pod: PodObject): boolean {
  return pod.status?.phase === 'Failed' || (Boolean(pod.metadata.deletionTimestamp) && !isSucceeded(pod));
}

function isActive(pod: PodObject): boolean {
  return !isSucceeded(pod) && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** When a finished pod finished: its containers' last finishedAt, or when its deletion was asked. */
export function finishTime(pod: PodObject): number | undefined {
  let latest: number | undefined;
  for (const cs of pod.status?.containerStatuses ?? []) {
    const t = parseTime(cs.state?.terminated?.finishedAt ?? undefined);
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  }
  return latest ?? parseTime(pod.metadata.deletionTimestamp ?? undefined);
}

function restarts(pod: PodObject): number {
  let n = 0;
  for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) n += cs.restartCount ?? 0;
  return n;
}

/** Under restartPolicy OnFailure failures are container restarts in running pods. */
function pastBackoffLimitOnFailure(job: JobObject, pods: readonly PodObject[], backoffLimit: number): boolean {
  if (job.spec?.template.spec?.restartPolicy !== 'OnFailure') return false;
  let total = 0;
  for (const p of pods) if (p.status?.phase === 'Running' || p.status?.phase === 'Pending') total += restarts(p);
  return backoffLimit === 0 ? total > 0 : total >= backoffLimit;
}

/**
 * The delay before new pods may be created after failures: 10 s × 2^(n-1) (capped, scaled) after the
 * last of the n failures that finished after the last success. 0 when there is nothing to wait for.
 */
export function podFailureBackoffRemaining(pods: readonly PodObject[], now: number, timeScale: number): number {
  let lastSuccess = -Infinity;
  for (const p of pods) if (isSucceeded(p)) lastSuccess = Math.max(lastSuccess, finishTime(p) ?? -Infinity);
  const failures = pods.filter((p) => p.status?.phase === 'Failed').map(finishTime).filter((t): t is number => t !== undefined && t > lastSuccess);
  if (failures.length === 0) return 0;
  const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (failures.length - 1), MAX_POD_FAILURE_BACKOFF_MS) * timeScale;
  return Math.max(0, Math.max(...failures) + delay - now);
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** Active pods in the order Kubernetes deletes them: not yet running first, then not ready, then the newest. */
function deletionOrder(pods: readonly PodObject[]): PodObject[] {
  const rank = (p: PodObject): number => (p.status?.phase !== 'Running' ? 0 : isPodReady(p) ? 2 : 1);
  return [...pods].sort((a, b) => rank(a) - rank(b) || (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''));
}

export function planJobSync(input: JobSyncInput): JobSyncPlan {
  const { job, pods, now, timeScale } = input;
  const spec = job.spec;
  const old = job.status ?? {};
  const stamp = formatTime(now);
  const events: JobEvent[] = [];
  let requeueAfterMs: number | undefined;

  // ---- accounting: finished pods are recorded, then released, then counted ----------------
  const uncountedSucceeded = new Set(old.uncountedTerminatedPods?.succeeded ?? []);
  const uncountedFailed = new Set(old.uncountedTerminatedPods?.failed ?? []);
  const release: PodObject[] = [];
  let recorded = false;
  for (const pod of pods) {
    if (!hasFinalizer(pod, JOB_TRACKING_FINALIZER)) continue;
    const uid = pod.metadata.uid ?? '';
    if (isSucceeded(pod)) {
      if (!uncountedSucceeded.has(uid)) (uncountedSucceeded.add(uid), (recorded = true));
      release.push(pod);
    } else if (isFailed(pod)) {
      if (!uncountedFailed.has(uid)) (uncountedFailed.add(uid), (recorded = true));
      release.push(pod);
    }
  }
  const recordUncounted = recorded ? { succeeded: [...uncountedSucceeded], failed: [...uncountedFailed] } : undefined;
  const succeeded = (old.succeeded ?? 0) + uncountedSucceeded.size;
  const failed = (old.failed ?? 0) + uncountedFailed.size;

  const activePods = pods.filter(isActive);
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
  let conditions = old.conditions ? [...old.conditions] : undefined;
  let startTime = old.startTime;
  let completionTime = old.completionTime;
  let deleteJob = false;
  const toDelete: PodObject[] = [];
  let create = 0;

  const finished = isJobFinished(job);
  if (finished) {
    const ttl = spec?.ttlSecondsAfterFinished;
    if (ttl !== undefined && ttl !== null) {
      const failedAt = findCondition(conditions, 'Failed')?.lastTransitionTime;
      const finishedAt = parseTime(completionTime ?? failedAt ?? undefined) ?? now;
      const expireAt = finishedAt + ttl * 1000;
      if (now >= expireAt) deleteJob = true;
      else requeueAfterMs = expireAt - now;
    }
  } else {
    const suspended = spec?.suspend === true;
    if (suspended) {
      const next = setCondition<JobCondition>(conditions, { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' }, stamp, true);
      if (findCondition(conditions, 'Suspended')?.status !== 'True') events.push({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
      conditions = next;
    } else if (findCondition(conditions, 'Suspended')?.status === 'True') {
      // Resuming restarts the activeDeadlineSeconds clock.
      conditions = setCondition<JobCondition>(conditions, { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' }, stamp, true);
      events.push({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
      startTime = stamp;
    }
    if (!startTime && !suspended) startTime = stamp;

    // ---- has the job failed or succeeded? ---------------------------------------------------
    const backoffLimit = spec?.backoffLimit ?? DEFAULT_BACKOFF_LIMIT;
    let failure = findCondition(conditions, 'FailureTarget');
    let success = findCondition(conditions, 'SuccessCriteriaMet');
    if (failure?.status !== 'True' && success?.status !== 'True') {
      const deadline = spec?.activeDeadlineSeconds;
      const started = parseTime(startTime ?? undefined);
      if (failed > backoffLimit || pastBackoffLimitOnFailure(job, pods, backoffLimit)) {
        conditions = setCondition<JobCondition>(conditions, { type: 'FailureTarget', status: 'True', reason: REASON_BACKOFF_LIMIT, message: MESSAGE_BACKOFF_LIMIT }, stamp, true);
      } else if (!suspended && deadline !== undefined && deadline !== null && started !== undefined) {
        const at = started + deadline * 1000;
        if (now >= at) {
          conditions = setCondition<JobCondition>(conditions, { type: 'FailureTarget', status: 'True', reason: REASON_DEADLINE, message: MESSAGE_DEADLINE }, stamp, true);
        } else requeueAfterMs = earliest(requeueAfterMs, at - now);
      }
      failure = findCondition(conditions, 'FailureTarget');
    }

    // ---- pods --------------------------------------------------------------------------------
    const stopping = failure?.status === 'True' || success?.status === 'True' || suspended || Boolean(job.metadata.deletionTimestamp);
    let active = activePods.length;
    if (input.canManagePods) {
      if (failure?.status === 'True' || suspended) {
        toDelete.push(...activePods.slice(0, MAX_POD_CHANGES_PER_SYNC));
      } else if (!stopping) {
        const parallelism = spec?.parallelism ?? 1;
        const completions = spec?.completions;
        let want: number;
        if (completions === undefined || completions === null) want = succeeded > 0 ? active : parallelism;
        else want = Math.max(0, Math.min(completions - succeeded, parallelism));
        if (active > want) toDelete.push(...deletionOrder(activePods).slice(0, Math.min(active - want, MAX_POD_CHANGES_PER_SYNC)));
        else if (active < want) {
          const wait = podFailureBackoffRemaining(pods, now, timeScale);
          if (wait > 0) requeueAfterMs = earliest(requeueAfterMs, wait);
          else create = Math.min(want - active, MAX_POD_CHANGES_PER_SYNC);
        }
      }
      active = active - toDelete.length + create;
    }

    if (failure?.status !== 'True' && success?.status !== 'True' && !suspended) {
      const completions = spec?.completions;
      const complete = completions === undefined || completions === null ? succeeded > 0 && active === 0 : succeeded >= completions && active === 0;
      if (complete) {
        conditions = setCondition<JobCondition>(conditions, { type: 'SuccessCriteriaMet', status: 'True', reason: REASON_COMPLETIONS, message: MESSAGE_COMPLETIONS }, stamp, true);
        success = findCondition(conditions, 'SuccessCriteriaMet');
      }
    }

    // ---- the terminal condition, once no pod is left running ---------------------------------
    const settled = active === 0 && terminating === 0 && toDelete.length === 0;
    if (settled && failure?.status === 'True') {
      conditions = setCondition<JobCondition>(conditions, { type: 'Failed', status: 'True', reason: failure.reason, message: failure.message }, stamp, true);
      events.push({ type: 'Warning', reason: failure.reason ?? 'Failed', message: failure.message ?? '' });
    } else if (settled && success?.status === 'True') {
      conditions = setCondition<JobCondition>(conditions, { type: 'Complete', status: 'True', reason: success.reason, message: success.message }, stamp, true);
      completionTime = stamp;
      events.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
    }
  }

  const activeAfter = finished ? 0 : activePods.length - toDelete.length + create;
  const status: JobStatus = {};
  if (conditions && conditions.length > 0) status.conditions = conditions;
  if (startTime) status.startTime = startTime;
  if (completionTime) status.completionTime = completionTime;
  if (activeAfter > 0) status.active = activeAfter;
  if (succeeded > 0) status.succeeded = succeeded;
  if (failed > 0) status.failed = failed;
  status.terminating = terminating;
  status.uncountedTerminatedPods = {};
  status.ready = finished ? 0 : activePods.filter((p) => !toDelete.includes(p) && isPodReady(p)).length;
  // Keep what this controller does not manage (e.g. completedIndexes written by someone else).
  for (const [k, v] of Object.entries(old)) if (!(k in status) && !MANAGED.has(k)) (status as Record<string, unknown>)[k] = v;

  const plan: JobSyncPlan = { release, create, delete: toDelete, status, events, deleteJob };
  if (recordUncounted) plan.recordUncounted = recordUncounted;
  if (requeueAfterMs !== undefined) plan.requeueAfterMs = Math.max(1, requeueAfterMs);
  return plan;
}

const MANAGED = new Set(['conditions', 'startTime', 'completionTime', 'active', 'succeeded', 'failed', 'terminating', 'uncountedTerminatedPods', 'ready']);
