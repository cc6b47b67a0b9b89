import type { JobObject, PodObject } from '../../../../../src/cluster/sim/lifecycle/common/types.ts';
import { JOB_TRACKING_FINALIZER } from '../../../../../src/cluster/sim/lifecycle/job/job-sync.ts';

export const T0 = Date.parse('2024-05-01T12:00:00Z');
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function job(spec: Partial<NonNullable<JobObject['spec']>> = {}, status?: JobObject['status'], meta: Partial<JobObject['metadata']> = {}): JobObject {
  const j: JobObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: 'job-uid', resourceVersion: '10', ...meta },
    spec: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      template: {
        metadata: { labels: { 'batch.kubernetes.io/job-name': 'pi', 'batch.kubernetes.io/controller-uid': 'job-uid' } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'exit 0'] }] },
      },
      ...spec,
    },
  };
  if (status) j.status = status;
  return j;
}

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export function pod(
  name: string,
  phase: Phase,
  opts: { ready?: boolean; finishedAt?: number; deleting?: number; tracked?: boolean; restarts?: number; created?: number } = {},
): PodObject {
  const p: PodObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: iso(opts.created ?? T0),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: { containers: [{ name: 'main' }] },
    status: { phase },
  };
  if (opts.tracked !== false) p.metadata.finalizers = [JOB_TRACKING_FINALIZER];
  if (opts.deleting !== undefined) p.metadata.deletionTimestamp = iso(opts.deleting);
  if (opts.ready) p.status!.conditions = [{ type: 'Ready', status: 'True' }];
  const finished = opts.finishedAt;
  if (finished !== undefined) {
    p.status!.containerStatuses = [
      { name: 'main', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: phase === 'Succeeded' ? 0 : 1, finishedAt: iso(finished) } } },
    ];
  } else if (opts.restarts !== undefined) {
    p.status!.containerStatuses = [{ name: 'main', image: 'busybox', imageID: '', ready: false, restartCount: opts.restarts }];
  }
  return p;
}
