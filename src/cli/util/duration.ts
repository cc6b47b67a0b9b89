/** Argo's `DurationString.Duration()`: a bare integer means seconds, anything else is a Go duration. */
import { parseGoDuration } from '../../api/duration.ts';

export function durationStringMs(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number.parseInt(s, 10) * 1000 : parseGoDuration(s);
}
