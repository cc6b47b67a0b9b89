/**
 * apimachinery's duration.HumanDuration / ShortHumanDuration, and the printers' helpers that turn
 * timestamps into ages (translateTimestampSince: `<unknown>` for a missing timestamp).
 */

/** Go's int(x) for a float: truncation toward zero. */
const trunc = (x: number): number => Math.trunc(x) || 0;

/** HumanDuration of a duration in milliseconds: `5s`, `3m20s`, `10m`, `5h3m`, `2d3h`, `45d`, `2y30d`, `9y`. */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / 60000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / 3600000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    return dy === 0 ? `${trunc(hours / 24 / 365)}y` : `${trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** ShortHumanDuration: one unit only (`59s`, `4m`, `23h`, `364d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / 60000);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / 3600000);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(ms / 3600000 / 24 / 365)}y`;
}

/** Go's zero time.Time (0001-01-01T00:00:00Z), which metav1.Time treats as unset. */
const ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an RFC 3339 timestamp; undefined when unset, zero or invalid. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms === ZERO_TIME) return undefined;
  return ms;
}

/** translateTimestampSince: the age of a timestamp at `now`, `<unknown>` when unset. */
export function ageSince(timestamp: unknown, now: Date): string {
  const t = parseTimestamp(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now.getTime() - t);
}
