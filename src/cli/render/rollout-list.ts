/** `list rollouts`: one padded, tab-aligned line per rollout (Argo's rolloutInfo columns). */
import type { Rollout } from '../../api/types/rollout.ts';
import { getRolloutPhase } from '../../rollout/phase.ts';
import { getCurrentSetWeight } from '../../rollout/steps.ts';
import { padRight } from './go-fmt.ts';
import { tabwrite } from './tabwriter.ts';

export interface RolloutListColumns {
  namespace: string;
  name: string;
  strategy: string;
  status: string;
  step: string;
  setWeight: string;
  readyCurrent: string;
  desired: number;
  upToDate: number;
  available: number;
}

export interface RolloutListOptions {
  allNamespaces: boolean;
  /** Prefix a TIMESTAMP column with this time (milliseconds), as `--timestamps` does. */
  timestamp?: number;
}

export function rolloutListColumns(ro: Rollout): RolloutListColumns {
  const cols: RolloutListColumns = {
    namespace: ro.metadata?.namespace ?? '',
    name: ro.metadata?.name ?? '',
    strategy: 'unknown',
    status: getRolloutPhase(ro).phase,
    step: '-',
    setWeight: '-',
    readyCurrent: `${ro.status?.readyReplicas ?? 0}/${ro.status?.replicas ?? 0}`,
    desired: ro.spec?.replicas ?? 1,
    upToDate: ro.status?.updatedReplicas ?? 0,
    available: ro.status?.availableReplicas ?? 0,
  };
  const canary = ro.spec?.strategy?.canary;
  if (canary) {
    cols.strategy = 'Canary';
    const index = ro.status?.currentStepIndex;
    const steps = canary.steps ?? [];
    if (index !== undefined && index !== null && steps.length > 0) cols.step = `${index}/${steps.length}`;
    cols.setWeight = String(getCurrentSetWeight(ro));
  } else if (ro.spec?.strategy?.blueGreen) {
    cols.strategy = 'BlueGreen';
  }
  return cols;
}

/** Go's `2006-01-02T15:04:05Z` of a UTC time truncated to the second. */
export function listTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One row, before tab alignment (`%-10s\t%-9s\t…`). */
export function rolloutListLine(c: RolloutListColumns, opts: RolloutListOptions): string {
  const cells = [
    padRight(c.name, 10),
    padRight(c.strategy, 9),
    padRight(c.status, 12),
    padRight(c.step, 4),
    padRight(c.setWeight, 10),
    padRight(c.readyCurrent, 5),
    padRight(c.desired, 7),
    padRight(c.upToDate, 10),
    padRight(c.available, 9),
  ];
  if (opts.allNamespaces) cells.unshift(padRight(c.namespace, 9));
  if (opts.timestamp !== undefined) cells.unshift(padRight(listTimestamp(opts.timestamp), 20));
  return cells.join('\t');
}

export function rolloutListHeader(opts: RolloutListOptions): string {
  let header = 'NAME\tSTRATEGY\tSTATUS\tSTEP\tSET-WEIGHT\tREADY\tDESIRED\tUP-TO-DATE\tAVAILABLE';
  if (opts.allNamespaces) header = `NAMESPACE\t${header}`;
  if (opts.timestamp !== undefined) header = `TIMESTAMP\t${header}`;
  return header;
}

/** The whole table (header and one line per rollout), aligned. */
export function renderRolloutList(rollouts: readonly Rollout[], opts: RolloutListOptions): string {
  const lines = [rolloutListHeader(opts), ...rollouts.map((ro) => rolloutListLine(rolloutListColumns(ro), opts))];
  return tabwrite(lines.map((l) => `${l}\n`).join(''));
}
