/**
 * Service selector management (reference §2.4, §3.5, §3.6): stable/canary Services for canary,
 * preview/active Services for blue-green. A Service is switched with a patch on
 * `spec.selector.rollouts-pod-template-hash` and adopted with the managed-by annotation.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import { ANNOTATION_MANAGED_BY_ROLLOUTS, LABEL_POD_TEMPLATE_HASH } from '../../api/constants.ts';
import { isReplicaSetAvailable, isReplicaSetPartiallyAvailable, podTemplateHash } from '../replicasets.ts';
import { dynamicallyRollingBackToStable } from '../traffic-weight.ts';
import type { DecideContext } from './context.ts';

/** The hash a Service selects ('' when none). */
export function serviceSelectorHash(svc: Service | undefined): string {
  return svc?.spec?.selector?.[LABEL_POD_TEMPLATE_HASH] ?? '';
}

/**
 * `ensureSVCTargets`: point the Service at `rs` — when adopting an unmanaged Service, only once the
 * RS is fully available; otherwise once it has at least one available pod.
 */
export function ensureServiceTargets(ctx: DecideContext, svcName: string | undefined, rs: ReplicaSet | undefined, checkAvailability: boolean): void {
  if (!rs || !svcName) return;
  const svc = ctx.service(svcName);
  if (!svc) return;
  const desired = podTemplateHash(rs);
  if (serviceSelectorHash(svc) === desired) return;
  const managed = svc.metadata?.annotations?.[ANNOTATION_MANAGED_BY_ROLLOUTS] !== undefined;
  if (!managed && checkAvailability && !isReplicaSetAvailable(rs)) {
    ctx.note(`delaying adoption of service ${svcName}: ReplicaSet not fully available`);
    return;
  }
  if (checkAvailability && !isReplicaSetPartiallyAvailable(rs)) {
    ctx.note(`delaying switch of service ${svcName}: ReplicaSet has zero availability`);
    return;
  }
  ctx.switchServiceSelector(svcName, desired);
}

/** `reconcileStableAndCanaryService`. */
export function reconcileStableAndCanaryService(ctx: DecideContext): void {
  const canary = ctx.ro.spec.strategy.canary;
  if (!canary) return;
  ensureServiceTargets(ctx, canary.stableService, ctx.stableRS, true);
  if (ctx.isAborted() && !canary.trafficRouting) {
    ensureServiceTargets(ctx, canary.canaryService, ctx.stableRS, true);
    return;
  }
  if (ctx.newRS && dynamicallyRollingBackToStable(ctx.ro, ctx.newRS).yes) {
    ctx.note('delaying canary service switch back to stable: stable not fully available');
    return;
  }
  ensureServiceTargets(ctx, canary.canaryService, ctx.newRS, true);
}

/** `reconcilePreviewService`: preview follows the new RS at once (unless progress is halted). */
export function reconcilePreviewService(ctx: DecideContext): void {
  const name = ctx.ro.spec.strategy.blueGreen?.previewService;
  if (!name || !ctx.newRS || !ctx.service(name)) return;
  if (ctx.haltProgress()) return;
  ctx.switchServiceSelector(name, podTemplateHash(ctx.newRS));
}
