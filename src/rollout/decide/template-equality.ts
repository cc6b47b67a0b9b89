/**
 * Semantic pod-template equality (`PodTemplateEqualIgnoreHash`, reference §3.1): a ReplicaSet
 * matches the rollout's template when they are equal after removing what the controller adds
 * (hash label, injected ephemeral metadata, injected anti-affinity) and applying the API server's
 * pod-spec defaults to both sides. It is the fallback after the hash lookup, and it decides
 * whether a name collision is really our own ReplicaSet.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Container, PodSpec, PodTemplateSpec, Probe } from 'kubernetes-types/core/v1.js';
import { LABEL_POD_TEMPLATE_HASH } from '../../api/constants.ts';
import { jsonEqual } from '../../util/json.ts';
import { withoutInjectedAntiAffinity } from './anti-affinity.ts';
import { existingEphemeralMetadata } from './ephemeral-metadata.ts';
import { canonicalJson } from '../hash.ts';
import { normalizeJson } from './merge-patch.ts';

/** `IfNotPresent` for a tagged image other than `latest`, else `Always` (digests count as tagged). */
function defaultPullPolicy(image: string | undefined): string {
  const ref = image ?? '';
  if (ref.includes('@')) return 'IfNotPresent';
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  const tag = colon >= 0 ? last.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const port of c.ports ?? []) port.protocol ??= 'TCP';
  for (const env of c.env ?? []) if (env.valueFrom?.fieldRef) env.valueFrom.fieldRef.apiVersion ??= 'v1';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

/** The Kubernetes defaults of a pod template's spec, applied in place. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length === 0) Object.assign(v, { emptyDir: {} });
    for (const s of [v.secret, v.configMap, v.projected, v.downwardAPI]) if (s) s.defaultMode ??= 420;
  }
}

function comparable(template: PodTemplateSpec | undefined): string {
  const t = normalizeJson(template ?? {});
  const meta = { ...(t.metadata ?? {}) };
  delete meta.creationTimestamp;
  if (Object.keys(meta.labels ?? {}).length === 0) delete meta.labels;
  if (Object.keys(meta.annotations ?? {}).length === 0) delete meta.annotations;
  t.metadata = meta;
  t.spec = t.spec ?? { containers: [] };
  defaultPodSpec(t.spec);
  return canonicalJson(t);
}

/** The RS pod template without what the rollout controller injected into it. */
export function replicaSetTemplateWithoutInjections(rs: ReplicaSet): PodTemplateSpec {
  const t = normalizeJson(rs.spec?.template ?? {});
  const meta = { ...(t.metadata ?? {}) };
  const labels = { ...(meta.labels ?? {}) };
  const annotations = { ...(meta.annotations ?? {}) };
  delete labels[LABEL_POD_TEMPLATE_HASH];
  const injected = existingEphemeralMetadata(rs);
  for (const k of Object.keys(injected?.labels ?? {})) delete labels[k];
  for (const k of Object.keys(injected?.annotations ?? {})) delete annotations[k];
  meta.labels = labels;
  meta.annotations = annotations;
  t.metadata = meta;
  if (t.spec) {
    const affinity = withoutInjectedAntiAffinity(t.spec.affinity);
    if (affinity) t.spec.affinity = affinity;
    else delete t.spec.affinity;
  }
  return t;
}

/** True when the RS was made from this template (hash label and controller injections ignored). */
export function podTemplateEqualIgnoreHash(rs: ReplicaSet, template: PodTemplateSpec | undefined): boolean {
  return jsonEqual(comparable(replicaSetTemplateWithoutInjections(rs)), comparable(template));
}
