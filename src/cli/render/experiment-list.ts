/** `list experiments`: NAME STATUS DURATION REMAINING AGE. */
import { isAnalysisPhaseCompleted } from '../../api/constants.ts';
import { durationStringMs } from '../util/duration.ts';
import type { Experiment } from '../../api/types/experiment.ts';
import { padRight } from './go-fmt.ts';
import { age, humanDuration } from './human-duration.ts';
import { tabwrite } from './tabwriter.ts';

function durationColumns(exp: Experiment, now: number): { duration: string; remaining: string } {
  const out = { duration: '-', remaining: '-' };
  const spec = exp.spec?.duration;
  if (!spec) return out;
  const ms = durationStringMs(spec);
  if (ms === undefined) return out;
  out.duration = humanDuration(ms);
  const availableAt = exp.status?.availableAt ? Date.parse(exp.status.availableAt) : Number.NaN;
  if (!isAnalysisPhaseCompleted(exp.status?.phase) && Number.isFinite(availableAt)) {
    const remaining = ms - (now - availableAt);
    if (remaining > 0) out.remaining = humanDuration(remaining);
  }
  return out;
}

export function renderExperimentList(experiments: readonly Experiment[], opts: { allNamespaces: boolean; now: number }): string {
  let text = `${opts.allNamespaces ? 'NAMESPACE\t' : ''}NAME\tSTATUS\tDURATION\tREMAINING\tAGE\n`;
  for (const exp of experiments) {
    const { duration, remaining } = durationColumns(exp, opts.now);
    const cells = [
      padRight(exp.metadata?.name ?? '', 10),
      padRight(exp.status?.phase ?? '', 6),
      padRight(duration, 8),
      padRight(remaining, 9),
      padRight(age(exp.metadata?.creationTimestamp, opts.now), 3),
    ];
    if (opts.allNamespaces) cells.unshift(padRight(exp.metadata?.namespace ?? '', 9));
    text += `${cells.join('\t')}\n`;
  }
  return tabwrite(text);
}
