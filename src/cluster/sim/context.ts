/**
 * What every simulated controller (src/cluster/sim/*) is given: a client and a shared informer factory
 * over the local cluster's HTTP API (never its internals), the simulation options, and a stop signal.
 *
 * Contract for a controller module: export `start…(ctx: SimContext): Promise<SimController>`. Take
 * informers from `ctx.informers` (the runner starts the factory and waits for the caches to sync
 * after every controller has registered its informers, so register them before the returned promise
 * resolves), requeue time-based work with workqueue `addAfter` (no polling loops), and stop your
 * workers in `stop()`; the runner shuts the informers down after every controller has stopped.
 */
import type { KubeClient } from '../../kube/client.ts';
import type { Clock } from '../../kube/clock.ts';
import type { SharedInformerFactory } from '../../kube/informer-factory.ts';
import type { KubeLogger } from '../../kube/log.ts';

export interface SimOptions {
  /** Delay from a pod being scheduled to its containers running and (probes aside) ready. Lab ~1000, tests ~0. */
  podStartDelayMs: number;
  /**
   * Multiplies every simulated duration (readiness initialDelaySeconds, termination grace, crash
   * backoff, Job `sleep N`). 1 = real time; tests use e.g. 0.01.
   */
  timeScale: number;
  /** Number of simulated nodes (`vane-node-1` … `vane-node-N`). */
  nodes: number;
}

export const DEFAULT_SIM_OPTIONS: SimOptions = { podStartDelayMs: 1000, timeScale: 1, nodes: 3 };

export interface SimContext {
  client: KubeClient;
  informers: SharedInformerFactory;
  opts: SimOptions;
  logger: KubeLogger;
  clock: Clock;
  /** Aborted when the simulation stops. */
  signal: AbortSignal;
}

/** A started controller. */
export interface SimController {
  /** Stops the workers (shuts the queue down); informers are shut down by the runner. */
  stop(): Promise<void>;
}

/** The shape of every `start…` function, including `startLifecycleControllers` in ./lifecycle/. */
export type StartSimController = (ctx: SimContext) => Promise<SimController>;

/** A duration in simulated time (ms) scaled to wall-clock ms. */
export function scaled(ctx: Pick<SimContext, 'opts'>, ms: number): number {
  return Math.max(0, ms * ctx.opts.timeScale);
}
