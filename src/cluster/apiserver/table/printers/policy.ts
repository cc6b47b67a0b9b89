/** coordination.k8s.io leases, policy poddisruptionbudgets and autoscaling horizontalpodautoscalers. */
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2.js';
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js';
import * as d from '../descriptions.ts';
import { ageSince } from '../duration.ts';
import { AGE_COLUMN, column, int, list, NAME_COLUMN, text, view, type TablePrinter } from '../printer.ts';

export const leasePrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Holder', 'string', d.LEASE_SPEC_HOLDER_IDENTITY), AGE_COLUMN],
  cells(obj, now) {
    const lease = view<Lease>(obj);
    return [text(lease.metadata?.name), text(lease.spec?.holderIdentity), ageSince(lease.metadata?.creationTimestamp, now)];
  },
};

/** IntOrString.String(). */
const intOrString = (v: unknown): string => (typeof v === 'number' ? String(Math.trunc(v)) : String(v));

export const podDisruptionBudgetPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  cells(obj, now) {
    const pdb = view<PodDisruptionBudget>(obj);
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return [
      text(pdb.metadata?.name),
      min === undefined || min === null ? 'N/A' : intOrString(min),
      max === undefined || max === null ? 'N/A' : intOrString(max),
      int(pdb.status?.disruptionsAllowed),
      ageSince(pdb.metadata?.creationTimestamp, now),
    ];
  },
};

/** Quantities are printed as stored (kube-apiserver prints their canonical form); a nil one as <nil>. */
const q = (v: unknown): string => (v === undefined || v === null ? '<nil>' : String(v));
const pct = (v: unknown): string => `${int(v)}%`;

function metricText(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External': {
      const target = spec.external?.target;
      if (target?.averageValue !== undefined) {
        const cur = status?.external?.current?.averageValue;
        return `${cur !== undefined ? q(cur) : '<unknown>'}/${q(target.averageValue)} (avg)`;
      }
      return `${status?.external ? q(status.external.current?.value) : '<unknown>'}/${q(target?.value)}`;
    }
    case 'Pods':
      return `${status?.pods ? q(status.pods.current?.averageValue) : '<unknown>'}/${q(spec.pods?.target?.averageValue)}`;
    case 'Object': {
      const target = spec.object?.target;
      if (target?.averageValue !== undefined) {
        const cur = status?.object?.current?.averageValue;
        return `${cur !== undefined ? q(cur) : '<unknown>'}/${q(target.averageValue)} (avg)`;
      }
      return `${status?.object ? q(status.object.current?.value) : '<unknown>'}/${q(target?.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const cur = spec.type === 'Resource' ? status?.resource?.current : status?.containerResource?.current;
      const hasStatus = spec.type === 'Resource' ? status?.resource !== undefined : status?.containerResource !== undefined;
      const name = text(src?.name);
      if (src?.target?.averageValue !== undefined) {
        return `${name}: ${hasStatus ? q(cur?.averageValue) : '<unknown>'}/${q(src.target.averageValue)}`;
      }
      const current = hasStatus && typeof cur?.averageUtilization === 'number' ? pct(cur.averageUtilization) : '<unknown>';
      const target = typeof src?.target?.averageUtilization === 'number' ? pct(src.target.averageUtilization) : '<auto>';
      return `${name}: ${current}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: the first two metrics, then `+ N more...`. */
export function hpaTargets(hpa: HorizontalPodAutoscaler): string {
  const specs = list(hpa.spec?.metrics);
  if (specs.length === 0) return '<none>';
  const statuses = list(hpa.status?.currentMetrics);
  const all = specs.map((s, i) => metricText(s, statuses[i]));
  return all.length > 2 ? `${all.slice(0, 2).join(', ')} + ${all.length - 2} more...` : all.join(', ');
}

export const horizontalPodAutoscalerPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Reference', 'string', d.HORIZONTAL_POD_AUTOSCALER_SPEC_SCALE_TARGET_REF),
    column('Targets', 'string', d.HORIZONTAL_POD_AUTOSCALER_SPEC_METRICS),
    column('MinPods', 'string', d.HORIZONTAL_POD_AUTOSCALER_SPEC_MIN_REPLICAS),
    column('MaxPods', 'string', d.HORIZONTAL_POD_AUTOSCALER_SPEC_MAX_REPLICAS),
    column('Replicas', 'string', d.HORIZONTAL_POD_AUTOSCALER_STATUS_CURRENT_REPLICAS),
    AGE_COLUMN,
  ],
  cells(obj, now) {
    const hpa = view<HorizontalPodAutoscaler>(obj);
    const ref = hpa.spec?.scaleTargetRef;
    return [
      text(hpa.metadata?.name),
      `${text(ref?.kind)}/${text(ref?.name)}`,
      hpaTargets(hpa),
      typeof hpa.spec?.minReplicas === 'number' ? String(hpa.spec.minReplicas) : '<unset>',
      int(hpa.spec?.maxReplicas),
      int(hpa.status?.currentReplicas),
      ageSince(hpa.metadata?.creationTimestamp, now),
    ];
  },
};
