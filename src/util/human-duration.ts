/**
 * apimachinery's `duration.HumanDuration`: `5s`, `3m20s`, `10m`, `5h3m`, `2d3h`, `45d`, `2y30d`, `9y`.
 * Shared by the API server's Table printers and the CLI's tree view and lists.
 */

/** Go's int(x) for a float: truncation toward zero. */
export const trunc = (x: number): number => Math.trunc(x) || 0;

/** Go's time.Duration saturates at ~292 years; `now - zero time` lands there. */
export const MAX_DURATION_MS = 9_223_372_036_854.775;

/** HumanDuration of a duration in milliseconds. */
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
