/** Which kubelet events a status change deserves (only failures: a healthy pod costs no event writes). Pure. */
import type { ContainerStatus } from 'kubernetes-types/core/v1.js';
import type { EventType } from '../../../kube/events.ts';
import type { PodObject } from '../util/types.ts';

export interface KubeletEvent {
  type: EventType;
  reason: string;
  message: string;
}

function waitingReason(s: ContainerStatus | undefined): string | undefined {
  return s?.state?.waiting?.reason;
}

export function kubeletEvents(pod: PodObject, before: readonly ContainerStatus[] | undefined, after: readonly ContainerStatus[]): KubeletEvent[] {
  const out: KubeletEvent[] = [];
  for (const s of after) {
    const prev = (before ?? []).find((p) => p.name === s.name);
    const reason = waitingReason(s);
    if (reason === waitingReason(prev) && s.restartCount === prev?.restartCount) continue;
    const image = (pod.spec?.containers ?? []).concat(pod.spec?.initContainers ?? []).find((c) => c.name === s.name)?.image ?? s.image;
    if (reason === 'ErrImagePull') {
      out.push({ type: 'Warning', reason: 'Failed', message: `Failed to pull image "${image}": ${s.state?.waiting?.message ?? ''}` });
      out.push({ type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' });
    } else if (reason === 'ImagePullBackOff') {
      out.push({ type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"` });
      out.push({ type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' });
    } else if (reason === 'CrashLoopBackOff') {
      const p = pod.metadata;
      out.push({ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${s.name} in pod ${p.name}_${p.namespace}(${p.uid})` });
    }
  }
  return out;
}
