/** batch/v1 jobs: NAME STATUS COMPLETIONS DURATION AGE. */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1.js';
import { formatLabelSelector } from '../../resources/builtin/label-selector.ts';
import { JOB_SPEC_SELECTOR, JOB_STATUS_SUCCEEDED } from '../descriptions.ts';
import { ageSince, humanDuration, parseTimestamp } from '../duration.ts';
import { AGE_COLUMN, column, CONTAINERS_COLUMN, containerCells, IMAGES_COLUMN, int, list, NAME_COLUMN, text, view, type TablePrinter } from '../printer.ts';

/** hasJobCondition: the first condition of the type decides. */
function has(conditions: readonly JobCondition[], type: string): boolean {
  const c = list(conditions).find((x) => x.type === type);
  return c?.status === 'True';
}

export function jobStatus(job: Job): string {
  const conditions = list(job.status?.conditions);
  if (has(conditions, 'Complete')) return 'Complete';
  if (has(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (has(conditions, 'Suspended')) return 'Suspended';
  if (has(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: Job): string {
  const succeeded = int(job.status?.succeeded);
  if (typeof job.spec?.completions === 'number') return `${succeeded}/${job.spec.completions}`;
  const parallelism = int(job.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function duration(job: Job, now: Date): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTimestamp(job.status?.completionTime);
  return humanDuration((end ?? now.getTime()) - start);
}

export const jobPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', JOB_STATUS_SUCCEEDED),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', JOB_SPEC_SELECTOR, 1),
  ],
  cells(obj, now) {
    const job = view<Job>(obj);
    const [names, images] = containerCells(job.spec?.template?.spec?.containers);
    return [
      text(job.metadata?.name),
      jobStatus(job),
      completions(job),
      duration(job, now),
      ageSince(job.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ];
  },
};
