/**
 * The life of one simulated container as a pure function of time: creating → (image pull failure |
 * running → exit → crash-loop back-off → running … | terminated). Every state comes with the time of
 * the next change, which the kubelet turns into a requeue-after (no polling).
 */
import type { ContainerPlan, RestartPolicy } from './behaviour.ts';

/** Crash-loop back-off: 1 s, 2 s, 4 s … capped at 5 min (Kubernetes' cap), times the time scale. */
export const CRASH_BACKOFF_BASE_MS = 1000;
export const CRASH_BACKOFF_CAP_MS = 300_000;
/** An unpullable image shows ErrImagePull for this long (scaled), then ImagePullBackOff. */
export const IMAGE_PULL_BACKOFF_AFTER_MS = 2000;
/** Never schedule state changes closer together than this, whatever the time scale. */
export const MIN_STEP_MS = 10;

export interface Terminated {
  exitCode: number;
  startedAt: number;
  finishedAt: number;
}

export type ContainerState =
  | { kind: 'creating' }
  | { kind: 'pullFailed'; reason: 'ErrImagePull' | 'ImagePullBackOff' }
  | { kind: 'running'; startedAt: number; restartCount: number; ready: boolean; last?: Terminated }
  | { kind: 'backoff'; restartCount: number; backoffMs: number; last: Terminated }
  | { kind: 'terminated'; restartCount: number; current: Terminated; last?: Terminated };

export interface Timed<T> {
  value: T;
  /** When the value next changes (ms); undefined when it never does on its own. */
  nextAt?: number;
}

export function shouldRestart(policy: RestartPolicy, exitCode: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

export function crashBackoffMs(restarts: number, timeScale: number): number {
  const raw = Math.min(CRASH_BACKOFF_BASE_MS * 2 ** Math.min(restarts, 30), CRASH_BACKOFF_CAP_MS);
  return Math.max(MIN_STEP_MS, raw * timeScale);
}

function earliest(...times: Array<number | undefined>): number | undefined {
  let out: number | undefined;
  for (const t of times) if (t !== undefined && (out === undefined || t < out)) out = t;
  return out;
}

function running(plan: ContainerPlan, startedAt: number, restartCount: number, t: number, last?: Terminated, endsAt?: number): Timed<ContainerState> {
  const readyAt = startedAt + plan.readyDelayMs;
  const ready = !plan.neverReady && t >= readyAt;
  const nextReady = plan.neverReady || ready ? undefined : readyAt;
  const value: ContainerState = { kind: 'running', startedAt, restartCount, ready };
  if (last) value.last = last;
  return { value, nextAt: earliest(nextReady, endsAt) };
}

/** The container's state at time `t`, given that its pod's containers start at `tStart`. */
export function containerStateAt(plan: ContainerPlan, policy: RestartPolicy, tStart: number, t: number, timeScale: number): Timed<ContainerState> {
  if (t < tStart) return { value: { kind: 'creating' }, nextAt: tStart };
  if (plan.pullFails) {
    const backoffAt = tStart + Math.max(MIN_STEP_MS, IMAGE_PULL_BACKOFF_AFTER_MS * timeScale);
    if (t < backoffAt) return { value: { kind: 'pullFailed', reason: 'ErrImagePull' }, nextAt: backoffAt };
    return { value: { kind: 'pullFailed', reason: 'ImagePullBackOff' } };
  }
  const exit = plan.exit;
  if (!exit) return running(plan, tStart, 0, t);

  const run = Math.max(0, exit.runMs);
  const restarts = shouldRestart(policy, exit.code);
  const cap = crashBackoffMs(Infinity, timeScale);
  let k = 0;
  let s = tStart;
  let prev: Terminated | undefined;
  for (;;) {
    const e = s + run;
    if (t < e) return running(plan, s, k, t, prev, e);
    const current: Terminated = { exitCode: exit.code, startedAt: s, finishedAt: e };
    if (!restarts) {
      const value: ContainerState = { kind: 'terminated', restartCount: k, current };
      if (prev) value.last = prev;
      return { value };
    }
    const b = crashBackoffMs(k, timeScale);
    if (t < e + b) return { value: { kind: 'backoff', restartCount: k, backoffMs: b, last: current }, nextAt: e + b };
    prev = current;
    s = e + b;
    k++;
    if (b >= cap) {
      // Periodic from here on: jump over whole periods instead of walking them.
      const period = run + cap;
      const n = Math.floor((t - s) / period);
      if (n > 0) {
        s += n * period;
        k += n;
        prev = { exitCode: exit.code, startedAt: s - period, finishedAt: s - cap };
      }
    }
  }
}
