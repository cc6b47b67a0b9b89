/** The lines `status` prints: `Healthy`, `Progressing - <message>`. */
import type { RolloutInfo } from '../info/types.ts';

/** What `status --watch` prints on each change: the status, with ` - message` when there is one. */
export function statusLine(info: Pick<RolloutInfo, 'status' | 'message'>): string {
  return info.message ? `${info.status} - ${info.message}` : info.status;
}

/** What `status --watch=false` prints: Healthy and Degraded alone, anything else with its message. */
export function statusOnce(info: Pick<RolloutInfo, 'status' | 'message'>): string {
  return info.status === 'Healthy' || info.status === 'Degraded' ? info.status : `${info.status} - ${info.message}`;
}

export type StatusOutcome = 'healthy' | 'degraded' | 'pending';

export function statusOutcome(status: string): StatusOutcome {
  return status === 'Healthy' ? 'healthy' : status === 'Degraded' ? 'degraded' : 'pending';
}
