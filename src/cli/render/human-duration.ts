/** apimachinery's `duration.HumanDuration` (ages in the tree view and lists). */

const trunc = (x: number): number => Math.trunc(x) || 0;

/** Go's time.Duration saturates at ~292 years; `now - zero time` lands there. */
const MAX_DURATION_MS = 9_223_372_036_854.775;

export function humanDuration(ms: number): string {
  const d = Math.min(ms, MAX_DURATION_MS);
  const seconds = trunc(d / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(d / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(d / 3_600_000);
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

/** Age of an object created at `timestamp` (RFC 3339); an unset time is Go's zero time. */
export function age(timestamp: string | undefined, now: number): string {
  const created = timestamp ? Date.parse(timestamp) : Number.NaN;
  return humanDuration(Number.isFinite(created) ? now - created : MAX_DURATION_MS);
}
