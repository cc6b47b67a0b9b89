/** The fixed merge patches of the user actions (reference §3.7). */

export const PAUSE_PATCH = { spec: { paused: true } } as const;
export const ABORT_PATCH = { status: { abort: true } } as const;
export const RETRY_ROLLOUT_PATCH = { status: { abort: false } } as const;
export const RETRY_EXPERIMENT_PATCH = { status: null } as const;
export const TERMINATE_PATCH = { spec: { terminate: true } } as const;

/** Go's `time.RFC3339` of a UTC time (whole seconds, `Z`). */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `restart [--in D]`: restart pods created before now + D. */
export function restartPatch(now: number, inMs: number): { spec: { restartAt: string } } {
  return { spec: { restartAt: rfc3339(now + inMs) } };
}
