/**
 * The simulated CPU metric: each pod's utilization (percent of its CPU request) comes from its
 * `vane.dev/cpu-utilization` annotation, or else from the same annotation on the scale target.
 * Pods are grouped the way the HPA controller groups them (ready, unready, missing, ignored).
 */
import type { KubeObject } from '../../../store/object.ts';
import type { PodObject } from '../common/types.ts';
import { isPodReady } from '../../util/pod-readiness.ts';
import { parseCpuMillis } from './cpu.ts';

export const CPU_UTILIZATION_ANNOTATION = 'vane.dev/cpu-utilization';

export type SampleState = 'ready' | 'unready' | 'missing' | 'ignored';

export interface PodSample {
  name: string;
  state: SampleState;
  /** CPU in use (millicores); set for ready and unready pods with a metric. */
  usageMillis?: number;
  /** Sum of the containers' CPU requests (millicores); undefined when a container has none. */
  requestMillis?: number;
  /** The container without a CPU request, if any. */
  missingRequest?: string;
}

function percent(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.trim().replace(/%$/, ''));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function requests(pod: PodObject): Pick<PodSample, 'requestMillis' | 'missingRequest'> {
  let total = 0;
  for (const c of pod.spec?.containers ?? []) {
    const req = parseCpuMillis(c.resources?.requests?.['cpu']);
    if (req === undefined) return { missingRequest: c.name };
    total += req;
  }
  return { requestMillis: total };
}

export function podSamples(pods: readonly PodObject[], target: KubeObject | undefined): PodSample[] {
  const fallback = percent(target?.metadata.annotations?.[CPU_UTILIZATION_ANNOTATION]);
  return pods.map((pod) => {
    const name = pod.metadata.name ?? '';
    const req = requests(pod);
    const phase = pod.status?.phase;
    if (pod.metadata.deletionTimestamp || phase === 'Failed' || phase === 'Succeeded') return { name, state: 'ignored', ...req };
    if (phase === 'Pending' || phase === undefined) return { name, state: 'unready', ...req };
    const utilization = percent(pod.metadata.annotations?.[CPU_UTILIZATION_ANNOTATION]) ?? fallback;
    if (utilization === undefined) return { name, state: 'missing', ...req };
    const usageMillis = req.requestMillis === undefined ? undefined : Math.round((utilization * req.requestMillis) / 100);
    const sample: PodSample = { name, state: isPodReady(pod) ? 'ready' : 'unready', ...req };
    if (usageMillis !== undefined) sample.usageMillis = usageMillis;
    return sample;
  });
}
