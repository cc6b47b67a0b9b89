/**
 * The replica count one resource metric asks for — the HPA controller's GetResourceReplicas /
 * GetRawResourceReplicas: the usage ratio over ready pods, a tolerance band around 1 (10 %), and the
 * conservative treatment of pods without metrics (100 % of request on a scale-down, 0 on a
 * scale-up) and of unready pods (0 on a scale-up), which never flips the direction of a change.
 */
import type { PodSample } from './samples.ts';

export const DEFAULT_TOLERANCE = 0.1;

export type ResourceTarget = { type: 'Utilization'; averageUtilization: number } | { type: 'AverageValue'; averageMillis: number };

export interface ResourceReplicas {
  replicas: number;
  /** Average utilization (percent of request) over the pods with metrics (integer, as reported). */
  utilization?: number;
  /** Average usage per pod with a metric (millicores). */
  averageMillis: number;
}

export type ReplicaResult = { ok: true; value: ResourceReplicas } | { ok: false; error: string };

interface Point {
  usage: number;
  request: number;
}

function ratioOf(points: readonly Point[], target: ResourceTarget): { ratio: number; utilization?: number; average: number } {
  let usage = 0;
  let request = 0;
  for (const p of points) {
    usage += p.usage;
    request += p.request;
  }
  // Integer arithmetic on millicores, as the controller's metrics client does.
  const average = Math.trunc(usage / points.length);
  if (target.type === 'Utilization') {
    const utilization = request > 0 ? Math.trunc((usage * 100) / request) : 0;
    return { ratio: utilization / target.averageUtilization, utilization, average };
  }
  return { ratio: average / target.averageMillis, average };
}

export function resourceReplicas(currentReplicas: number, samples: readonly PodSample[], target: ResourceTarget, tolerance = DEFAULT_TOLERANCE): ReplicaResult {
  if (samples.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  if (target.type === 'Utilization') {
    const noRequest = samples.find((s) => s.missingRequest !== undefined);
    if (noRequest) return { ok: false, error: `missing request for cpu in container ${noRequest.missingRequest ?? ''} of Pod ${noRequest.name}` };
  }
  const ready: Point[] = [];
  const unready: Point[] = [];
  const missing: Point[] = [];
  for (const s of samples) {
    const request = s.requestMillis ?? 0;
    if (s.state === 'ready' && s.usageMillis !== undefined) ready.push({ usage: s.usageMillis, request });
    else if (s.state === 'unready') unready.push({ usage: 0, request });
    else if (s.state === 'missing') missing.push({ usage: 0, request });
  }
  if (ready.length === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };

  const first = ratioOf(ready, target);
  const value = (replicas: number): ReplicaResult => {
    const v: ResourceReplicas = { replicas, averageMillis: first.average };
    if (first.utilization !== undefined) v.utilization = first.utilization;
    return { ok: true, value: v };
  };
  const scaleUpWithUnready = unready.length > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - first.ratio) <= tolerance) return value(currentReplicas);
    return value(Math.ceil(first.ratio * ready.length));
  }

  const all = [...ready];
  if (first.ratio < 1) {
    // Scale-down: pods without metrics are taken to use 100 % of their request (or the target when higher).
    for (const m of missing) {
      const usage = target.type === 'Utilization' ? (m.request * Math.max(100, target.averageUtilization)) / 100 : target.averageMillis;
      all.push({ usage, request: m.request });
    }
  } else if (first.ratio > 1) {
    all.push(...missing);
  }
  if (scaleUpWithUnready) all.push(...unready);
  const next = ratioOf(all, target).ratio;
  if (Math.abs(1 - next) <= tolerance || (first.ratio < 1 && next > 1) || (first.ratio > 1 && next < 1)) return value(currentReplicas);
  const replicas = Math.ceil(next * all.length);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return value(currentReplicas);
  return value(replicas);
}
