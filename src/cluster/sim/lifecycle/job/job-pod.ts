/** The pod a Job creates: its template, the job's labels, the tracking finalizer and a controller reference. */
import { JOB_TRACKING_FINALIZER } from './job-sync.ts';
import type { JobObject, PodObject } from '../common/types.ts';
import { newControllerRef } from '../../util/controller-ref.ts';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';

export function podForJob(job: JobObject): PodObject {
  const name = job.metadata.name ?? '';
  const template = structuredClone(job.spec?.template ?? {});
  const meta = template.metadata ?? {};
  const labels = { ...(meta.labels ?? {}) };
  // The API server puts these on the template of a job without a manual selector; make sure of the name.
  labels[JOB_NAME_LABEL] ??= name;
  const pod: PodObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${name}-`,
      namespace: job.metadata.namespace,
      labels,
      finalizers: [JOB_TRACKING_FINALIZER],
      ownerReferences: [newControllerRef(job, 'batch/v1', 'Job')],
    },
    spec: template.spec ?? { containers: [] },
  };
  if (meta.annotations && Object.keys(meta.annotations).length > 0) pod.metadata.annotations = { ...meta.annotations };
  return pod;
}
