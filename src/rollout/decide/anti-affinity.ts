/**
 * antiAffinity injection (reference §1.4): while a distinct stable RS exists, the new RS's pods
 * get a podAntiAffinity term keeping them off nodes running stable pods.
 */
import type { Affinity, PodAffinityTerm } from 'kubernetes-types/core/v1.js';
import type { Rollout } from '../../api/types/rollout.ts';
import { LABEL_POD_TEMPLATE_HASH } from '../../api/constants.ts';
import { currentPodHash } from '../hash.ts';
import { normalizeJson } from './merge-patch.ts';

export const ANTI_AFFINITY_TOPOLOGY_KEY = 'kubernetes.io/hostname';

function strategyAntiAffinity(ro: Rollout) {
  return ro.spec.strategy.canary?.antiAffinity ?? ro.spec.strategy.blueGreen?.antiAffinity;
}

/** `CreateInjectedAntiAffinityRule`: hash label In [stableRS], this namespace, per host. */
export function injectedAntiAffinityTerm(ro: Rollout): PodAffinityTerm {
  return {
    labelSelector: { matchExpressions: [{ key: LABEL_POD_TEMPLATE_HASH, operator: 'In', values: [ro.status?.stableRS ?? ''] }] },
    namespaces: [ro.metadata?.namespace ?? ''],
    topologyKey: ANTI_AFFINITY_TOPOLOGY_KEY,
  };
}

/** `GenerateReplicaSetAffinity`: the template's affinity plus the injected term when applicable. */
export function generateReplicaSetAffinity(ro: Rollout): Affinity | undefined {
  const strategy = strategyAntiAffinity(ro);
  const affinity: Affinity | undefined = ro.spec.template?.spec?.affinity ? normalizeJson(ro.spec.template.spec.affinity) : undefined;
  const stable = ro.status?.stableRS ?? '';
  if (!strategy || stable === '' || stable === currentPodHash(ro)) return affinity;
  const term = injectedAntiAffinityTerm(ro);
  const out: Affinity = affinity ?? {};
  const anti = { ...(out.podAntiAffinity ?? {}) };
  if (strategy.preferredDuringSchedulingIgnoredDuringExecution) {
    anti.preferredDuringSchedulingIgnoredDuringExecution = [
      ...(anti.preferredDuringSchedulingIgnoredDuringExecution ?? []),
      { weight: strategy.preferredDuringSchedulingIgnoredDuringExecution.weight, podAffinityTerm: term },
    ];
  } else if (strategy.requiredDuringSchedulingIgnoredDuringExecution) {
    anti.requiredDuringSchedulingIgnoredDuringExecution = [...(anti.requiredDuringSchedulingIgnoredDuringExecution ?? []), term];
  }
  return { ...out, podAntiAffinity: anti };
}

function isInjectedTerm(term: PodAffinityTerm | undefined): boolean {
  if (!term || term.topologyKey !== ANTI_AFFINITY_TOPOLOGY_KEY) return false;
  const exprs = term.labelSelector?.matchExpressions ?? [];
  return exprs.length === 1 && exprs[0]?.key === LABEL_POD_TEMPLATE_HASH && exprs[0]?.operator === 'In';
}

/** The injected term of an affinity, if any (`HasInjectedAntiAffinityRule`). */
export function findInjectedTerm(affinity: Affinity | undefined): PodAffinityTerm | undefined {
  const anti = affinity?.podAntiAffinity;
  for (const w of anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []) if (isInjectedTerm(w.podAffinityTerm)) return w.podAffinityTerm;
  for (const t of anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []) if (isInjectedTerm(t)) return t;
  return undefined;
}

/** `IfInjectedAntiAffinityRuleNeedsUpdate`: the RS carries a term pointing at an outdated stable hash. */
export function injectedAntiAffinityNeedsUpdate(affinity: Affinity | undefined, ro: Rollout): boolean {
  const term = findInjectedTerm(affinity);
  const stable = ro.status?.stableRS ?? '';
  if (!term || stable === currentPodHash(ro)) return false;
  const values = term.labelSelector?.matchExpressions?.[0]?.values ?? [];
  return values[0] !== stable;
}

/** The affinity with injected terms removed (for template comparison). */
export function withoutInjectedAntiAffinity(affinity: Affinity | undefined): Affinity | undefined {
  if (!affinity?.podAntiAffinity) return affinity;
  const anti = { ...affinity.podAntiAffinity };
  const preferred = (anti.preferredDuringSchedulingIgnoredDuringExecution ?? []).filter((w) => !isInjectedTerm(w.podAffinityTerm));
  const required = (anti.requiredDuringSchedulingIgnoredDuringExecution ?? []).filter((t) => !isInjectedTerm(t));
  if (preferred.length > 0) anti.preferredDuringSchedulingIgnoredDuringExecution = preferred;
  else delete anti.preferredDuringSchedulingIgnoredDuringExecution;
  if (required.length > 0) anti.requiredDuringSchedulingIgnoredDuringExecution = required;
  else delete anti.requiredDuringSchedulingIgnoredDuringExecution;
  const out: Affinity = { ...affinity, podAntiAffinity: anti };
  if (Object.keys(anti).length === 0) delete out.podAntiAffinity;
  return Object.keys(out).length === 0 ? undefined : out;
}
