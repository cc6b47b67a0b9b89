/** Tree rows shared by the rollout and experiment views: ReplicaSets with pods, AnalysisRuns with Jobs, Experiments. */
import type { AnalysisRunInfo, ExperimentInfo, JobInfo, ReplicaSetInfo } from '../info/types.ts';
import { colorizer, type Colorizer } from './ansi.ts';
import { age, humanDuration } from './human-duration.ts';
import { ICON, KIND_ICON } from './icons.ts';
import type { RenderOptions } from './options.ts';
import { branch, row } from './tree.ts';

export interface TreeContext {
  c: Colorizer;
  now: number;
}

export function treeContext(opts: RenderOptions): TreeContext {
  return { c: colorizer(opts.color), now: opts.now };
}

/** `delay:<remaining>` text of a scale-down deadline (`passed` once it is over). */
export function scaleDownDelay(deadline: string, now: number): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(deadline)) return '';
  const at = Date.parse(deadline);
  if (!Number.isFinite(at)) return '';
  return at < now ? 'passed' : humanDuration(at - now);
}

export function replicaSetRows(t: TreeContext, rs: ReplicaSetInfo, prefix: string, childPrefix: string): string {
  const tags: string[] = [];
  let name = rs.name;
  const tag = (word: string): void => {
    tags.push(t.c.word(word));
    name = t.c.as(name, word);
  };
  if (rs.stable) tag('stable');
  if (rs.canary) tag('canary');
  else if (rs.active) tag('active');
  else if (rs.preview) tag('preview');
  if (rs.ping) tag('ping');
  if (rs.pong) tag('pong');
  if (rs.scaleDownDeadline) tags.push(`delay:${scaleDownDelay(rs.scaleDownDeadline, t.now)}`);

  let out = row(`${prefix}${KIND_ICON.replicaSet}`, name, 'ReplicaSet', `${t.c.word(rs.icon)} ${rs.status}`, age(rs.creationTimestamp, t.now), tags.join(','));
  rs.pods.forEach((pod, i) => {
    const { prefix: podPrefix } = branch(i === rs.pods.length - 1, childPrefix);
    const info = [`ready:${pod.ready}`];
    if (pod.restarts > 0) info.push(`restarts:${pod.restarts}`);
    out += row(`${podPrefix}${KIND_ICON.pod}`, pod.name, 'Pod', `${t.c.word(pod.icon)} ${pod.status}`, age(pod.creationTimestamp, t.now), info.join(','));
  });
  return out;
}

function jobRow(t: TreeContext, job: JobInfo, prefix: string): string {
  return row(`${prefix}${KIND_ICON.job}`, t.c.as(job.name, job.status), 'Job', `${t.c.word(job.icon)} ${job.status}`, age(job.creationTimestamp, t.now), '');
}

export function analysisRunRows(t: TreeContext, ar: AnalysisRunInfo, prefix: string, childPrefix: string): string {
  const info: string[] = [];
  if (ar.successful > 0) info.push(`${t.c.word(ICON.ok)} ${ar.successful}`);
  if (ar.failed > 0) info.push(`${t.c.word(ICON.bad)} ${ar.failed}`);
  if (ar.inconclusive > 0) info.push(`${t.c.word(ICON.unknown)} ${ar.inconclusive}`);
  if (ar.error > 0) info.push(`${t.c.word(ICON.warning)} ${ar.error}`);
  let out = row(`${prefix}${KIND_ICON.analysisRun}`, t.c.as(ar.name, ar.status), 'AnalysisRun', `${t.c.word(ar.icon)} ${ar.status}`, age(ar.creationTimestamp, t.now), info.join(','));
  ar.jobs.forEach((job, i) => {
    out += jobRow(t, job, branch(i === ar.jobs.length - 1, childPrefix).prefix);
  });
  return out;
}

export function experimentRows(t: TreeContext, exp: ExperimentInfo, prefix: string, childPrefix: string): string {
  let out = row(`${prefix}${KIND_ICON.experiment}`, t.c.as(exp.name, exp.status), 'Experiment', `${t.c.word(exp.icon)} ${exp.status}`, age(exp.creationTimestamp, t.now), '');
  const total = exp.replicaSets.length + exp.analysisRuns.length;
  let curr = 0;
  for (const rs of exp.replicaSets) {
    const b = branch(curr++ === total - 1, childPrefix);
    out += replicaSetRows(t, rs, b.prefix, b.childPrefix);
  }
  for (const ar of exp.analysisRuns) {
    const b = branch(curr++ === total - 1, childPrefix);
    out += analysisRunRows(t, ar, b.prefix, b.childPrefix);
  }
  return out;
}
