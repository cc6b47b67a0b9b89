/** AnalysisRuns owned by a Rollout or Experiment, with measurement counts and Job measurements. */
import type { AnalysisRun } from '../../api/types/analysis.ts';
import { analysisIcon } from '../render/icons.ts';
import { isOwnedBy, objectInfo, parseRevision, timeValue } from './meta.ts';
import type { AnalysisRunInfo, JobInfo } from './types.ts';

/** Measurement metadata key under which the Job provider records its Job's name. */
export const JOB_NAME_KEY = 'job-name';

function jobInfos(run: AnalysisRun): JobInfo[] {
  const jobs: JobInfo[] = [];
  for (const mr of run.status?.metricResults ?? []) {
    for (const m of mr.measurements ?? []) {
      const jobName = m.metadata?.[JOB_NAME_KEY];
      if (jobName === undefined) continue;
      jobs.push({ name: jobName, namespace: '', uid: '', creationTimestamp: m.startedAt ?? '', status: m.phase, icon: analysisIcon(m.phase), metricName: mr.name });
    }
  }
  return jobs;
}

function analysisRunInfo(run: AnalysisRun): AnalysisRunInfo {
  const status = run.status?.phase ?? '';
  const info: AnalysisRunInfo = {
    ...objectInfo(run.metadata),
    status,
    icon: analysisIcon(status),
    revision: parseRevision(run.metadata),
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    jobs: jobInfos(run),
  };
  for (const mr of run.status?.metricResults ?? []) {
    info.successful += mr.successful ?? 0;
    info.failed += mr.failed ?? 0;
    info.inconclusive += mr.inconclusive ?? 0;
    info.error += mr.error ?? 0;
  }
  return info;
}

/** Newest revision first, then oldest first, then by name descending (Argo's order). */
export function analysisRunInfos(owner: string, runs: readonly AnalysisRun[]): AnalysisRunInfo[] {
  const infos = runs.filter((r) => isOwnedBy(r.metadata, owner)).map(analysisRunInfo);
  return infos.sort((a, b) => {
    if (a.revision !== b.revision) return b.revision - a.revision;
    const ta = timeValue(a.creationTimestamp);
    const tb = timeValue(b.creationTimestamp);
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.name > b.name ? -1 : a.name < b.name ? 1 : 0;
  });
}
