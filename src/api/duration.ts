import type { IntOrString } from './intstr.ts';

/** Go `time.Duration` units in nanoseconds-free milliseconds. */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const COMPONENT = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;

/**
 * Parses a Go `time.ParseDuration` string (`30s`, `1h30m`, `500ms`, `-1.5h`, `0`) into
 * milliseconds. Returns undefined for anything Go would reject (missing unit, unknown unit, empty).
 */
export function parseGoDuration(input: string): number | undefined {
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  while (s.length > 0) {
    const m = COMPONENT.exec(s);
    if (!m) return undefined;
    total += Number.parseFloat(m[1] as string) * (UNIT_MS[m[2] as string] as number);
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** True if the string is a valid Go duration. */
export function isGoDuration(s: string): boolean {
  return parseGoDuration(s) !== undefined;
}

/**
 * Seconds of a canary `pause.duration` exactly as Argo's `RolloutPause.DurationSeconds()`:
 * absent → 0; number → itself; numeric string → seconds; Go duration → whole seconds
 * (truncated); anything else → -1 (a validation error).
 */
export function pauseDurationSeconds(duration: IntOrString | undefined): number {
  if (duration === undefined || duration === null) return 0;
  if (typeof duration === 'number') return duration;
  if (/^[+-]?\d+$/.test(duration)) return Number.parseInt(duration, 10);
  const ms = parseGoDuration(duration);
  if (ms === undefined) return -1;
  return Math.trunc(ms / 1000);
}
