/**
 * How the simulated kubelet will run a pod: start delay, and for each container whether its image
 * pulls, what its program does, and when it turns ready. Derived from the pod spec, the documented
 * failure-mode conventions (README.md) and the simulation options; pure.
 */
import type { Container } from 'kubernetes-types/core/v1.js';
import { parseGoDuration } from '../../../api/duration.ts';
import type { SimOptions } from '../context.ts';
import type { PodObject } from '../util/types.ts';
import {
  ANNOTATION_CRASH,
  ANNOTATION_EXIT_CODE,
  ANNOTATION_NEVER_READY,
  ANNOTATION_RUN_DURATION,
  ANNOTATION_START_DELAY,
} from './annotations.ts';
import { parseProgram } from './command.ts';
import { isUnpullable } from './image.ts';

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** Containers that stop on their own: exit `code` after `runMs` (wall-clock ms, already scaled). */
export interface Exit {
  code: number;
  runMs: number;
}

export interface ContainerPlan {
  name: string;
  image: string;
  pullFails: boolean;
  /** Undefined: runs until the pod is deleted. */
  exit?: Exit;
  /** From each start of the container to ready (readinessProbe.initialDelaySeconds, scaled). */
  readyDelayMs: number;
  neverReady: boolean;
}

export interface PodPlan {
  restartPolicy: RestartPolicy;
  /** From the kubelet admitting the pod to its containers starting (wall-clock ms). */
  startDelayMs: number;
  initContainers: ContainerPlan[];
  containers: ContainerPlan[];
}

/** Default run time of an unknown program in a pod that is not restarted on success (a Job's pod). */
export const DEFAULT_JOB_RUN_MS = 1000;

function annotation(pod: PodObject, key: string): string | undefined {
  return pod.metadata.annotations?.[key];
}

function isTrue(v: string | undefined): boolean {
  return v !== undefined && ['true', '1', 'yes'].includes(v.toLowerCase());
}

/** Parses a duration annotation: a Go duration (`5s`, `500ms`) or a plain number of seconds. */
export function parseDurationMs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const trimmed = v.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const ms = parseGoDuration(trimmed);
  return ms !== undefined && ms >= 0 ? ms : undefined;
}

function exitFor(pod: PodObject, c: Container, restartPolicy: RestartPolicy, timeScale: number): Exit | undefined {
  if (isTrue(annotation(pod, ANNOTATION_CRASH))) return { code: 1, runMs: 0 };
  const codeAnno = annotation(pod, ANNOTATION_EXIT_CODE);
  const runAnno = parseDurationMs(annotation(pod, ANNOTATION_RUN_DURATION));
  if (codeAnno !== undefined || runAnno !== undefined) {
    const code = Number(codeAnno ?? 0);
    return { code: Number.isInteger(code) ? ((code % 256) + 256) % 256 : 1, runMs: (runAnno ?? 0) * timeScale };
  }
  const program = parseProgram(c.command, c.args);
  if (program.kind === 'exit') return { code: program.code, runMs: program.runMs * timeScale };
  if (program.kind === 'forever') return undefined;
  return restartPolicy === 'Always' ? undefined : { code: 0, runMs: DEFAULT_JOB_RUN_MS * timeScale };
}

export function planPod(pod: PodObject, opts: Pick<SimOptions, 'podStartDelayMs' | 'timeScale'>): PodPlan {
  const spec = pod.spec ?? { containers: [] };
  const restartPolicy = (spec.restartPolicy ?? 'Always') as RestartPolicy;
  const neverReady = isTrue(annotation(pod, ANNOTATION_NEVER_READY));
  const startDelayMs = parseDurationMs(annotation(pod, ANNOTATION_START_DELAY)) ?? opts.podStartDelayMs;
  const plan = (c: Container, main: boolean): ContainerPlan => ({
    name: c.name,
    image: c.image ?? '',
    pullFails: isUnpullable(c.image ?? ''),
    exit: main ? exitFor(pod, c, restartPolicy, opts.timeScale) : undefined,
    readyDelayMs: main ? (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000 * opts.timeScale : 0,
    neverReady: main && neverReady,
  });
  return {
    restartPolicy,
    startDelayMs: Math.max(0, startDelayMs),
    initContainers: (spec.initContainers ?? []).map((c) => plan(c, false)),
    containers: (spec.containers ?? []).map((c) => plan(c, true)),
  };
}
