/** Renders a simulated container state as a core/v1 ContainerStatus, the way containerd + kubelet report it. */
import { createHash } from 'node:crypto';
import type { ContainerState as K8sState, ContainerStatus } from 'kubernetes-types/core/v1.js';
import { formatTime } from '../../../kube/time-format.ts';
import type { ContainerPlan } from './behaviour.ts';
import { normalizeImage } from './image.ts';
import type { ContainerState, Terminated } from './timeline.ts';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const imageIds = new Map<string, string>();

/** `repo@sha256:…`, deterministic per image (memoised: a cluster runs few distinct images). */
export function imageId(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    const norm = normalizeImage(image);
    const repo = norm.split('@')[0]!.replace(/:[^/:]+$/, '');
    id = `${repo}@sha256:${sha256(norm)}`;
    if (imageIds.size > 10_000) imageIds.clear();
    imageIds.set(image, id);
  }
  return id;
}

export function containerId(podUid: string, name: string, restartCount: number): string {
  return `containerd://${sha256(`${podUid}/${name}/${restartCount}`)}`;
}

/** Go's time.Duration formatting for whole or fractional seconds: `10s`, `1m20s`, `250ms`. */
export function formatGoDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

function terminated(t: Terminated, id: string): NonNullable<K8sState['terminated']> {
  return {
    exitCode: t.exitCode,
    reason: t.exitCode === 0 ? 'Completed' : 'Error',
    startedAt: formatTime(t.startedAt),
    finishedAt: formatTime(t.finishedAt),
    containerID: id,
  };
}

export interface PodRef {
  name: string;
  namespace: string;
  uid: string;
}

export function pullErrorMessage(image: string): string {
  const norm = normalizeImage(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${norm}": failed to resolve reference "${norm}": ${norm}: not found`;
}

/** The ContainerStatus for `plan` in `state`. `waitingReason` names the pre-start wait (ContainerCreating / PodInitializing). */
export function containerStatus(plan: ContainerPlan, state: ContainerState, pod: PodRef, waitingReason = 'ContainerCreating'): ContainerStatus {
  const base = { name: plan.name, image: normalizeImage(plan.image) };
  switch (state.kind) {
    case 'creating':
      return { ...base, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: waitingReason } }, lastState: {} };
    case 'pullFailed':
      return {
        ...base,
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: {
          waiting:
            state.reason === 'ErrImagePull'
              ? { reason: 'ErrImagePull', message: pullErrorMessage(plan.image) }
              : { reason: 'ImagePullBackOff', message: `Back-off pulling image "${plan.image}"` },
        },
        lastState: {},
      };
    case 'running': {
      const id = containerId(pod.uid, plan.name, state.restartCount);
      const last = state.last ? { terminated: terminated(state.last, containerId(pod.uid, plan.name, state.restartCount - 1)) } : {};
      return {
        ...base,
        imageID: imageId(plan.image),
        containerID: id,
        ready: state.ready,
        restartCount: state.restartCount,
        started: true,
        state: { running: { startedAt: formatTime(state.startedAt) } },
        lastState: last,
      };
    }
    case 'backoff': {
      const id = containerId(pod.uid, plan.name, state.restartCount);
      return {
        ...base,
        imageID: imageId(plan.image),
        containerID: id,
        ready: false,
        restartCount: state.restartCount,
        started: false,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${formatGoDuration(state.backoffMs)} restarting failed container=${plan.name} pod=${pod.name}_${pod.namespace}(${pod.uid})`,
          },
        },
        lastState: { terminated: terminated(state.last, id) },
      };
    }
    case 'terminated': {
      const id = containerId(pod.uid, plan.name, state.restartCount);
      const last = state.last ? { terminated: terminated(state.last, containerId(pod.uid, plan.name, state.restartCount - 1)) } : {};
      return {
        ...base,
        imageID: imageId(plan.image),
        containerID: id,
        ready: false,
        restartCount: state.restartCount,
        started: false,
        state: { terminated: terminated(state.current, id) },
        lastState: last,
      };
    }
  }
}
