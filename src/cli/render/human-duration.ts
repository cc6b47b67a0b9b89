/** Ages in the tree view and lists. */
import { humanDuration, MAX_DURATION_MS } from '../../util/human-duration.ts';

export { humanDuration };

/** Age of an object created at `timestamp` (RFC 3339); an unset time is Go's zero time. */
export function age(timestamp: string | undefined, now: number): string {
  const created = timestamp ? Date.parse(timestamp) : Number.NaN;
  return humanDuration(Number.isFinite(created) ? now - created : MAX_DURATION_MS);
}
