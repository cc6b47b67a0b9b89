/**
 * `decideRollout`: the pure half of a reconcile (reference §3.2). From what was observed about one
 * Rollout and the current time, it returns every write the controller should make — ReplicaSet
 * creations and patches, Service selector switches, pod evictions, the status merge patch,
 * events — and when to look again. Nothing here performs I/O.
 */
import type { Service } from 'kubernetes-types/core/v1.js';
import type { Rollout } from '../../api/types/rollout.ts';
import type { RolloutStatus } from '../../api/types/rollout-status.ts';
import { ANNOTATION_WORKLOAD_GENERATION, ConditionMessage, EventReason, RolloutConditionType } from '../../api/constants.ts';
import { needsReplicasWriteBack } from '../../api/defaults.ts';
import { internalError, required, type FieldError } from '../../api/validation/field-error.ts';
import { validateRollout } from '../../api/validation/validate-rollout.ts';
import type { ReferencedService, ServiceRole } from '../../api/validation/validate-references.ts';
import { classifyReplicaSets } from '../canary-replicas.ts';
import { removeCondition, setCondition, progressDeadlineAt, rolloutHealthy, getCondition } from '../conditions.ts';
import { calculatePauseStatus } from '../pause.ts';
import { calculateRolloutPhase } from '../phase.ts';
import { rsName } from '../replicasets.ts';
import { pausedConditionUpdates } from '../rollout-conditions.ts';
import { isFullyPromoted } from '../steps.ts';
import { rolloutBlueGreen } from './bluegreen-flow.ts';
import { rolloutCanary } from './canary-flow.ts';
import { DecideContext } from './context.ts';
import { invalidSpecPlan } from './invalid-spec.ts';
import { createMergePatch, normalizeJson, type JsonObject } from './merge-patch.ts';
import { findNewReplicaSet } from './new-replicaset.ts';
import { isScalingEvent, syncReplicasOnly } from './replicas-only.ts';
import { needsRestart } from './restart.ts';
import type { StepHandlers } from './steps/registry.ts';
import type { PlannedPatch, RolloutObservation, RolloutPlan } from './types.ts';
import { planWorkloadScaleDown, resolveWorkloadRef, workloadGenerationAnnotation, type ResolvedRollout } from './workload-ref.ts';

export interface DecideOptions {
  /** Handlers per canary step kind (defaults: DEFAULT_STEP_HANDLERS). */
  stepHandlers?: StepHandlers;
}

/** The Services a rollout references, by role, as validation wants them. */
export function referencedServices(ro: Rollout, services: ReadonlyMap<string, Service>): ReferencedService[] {
  const { canary, blueGreen } = ro.spec.strategy ?? {};
  const refs: Array<[ServiceRole, string | undefined]> = blueGreen
    ? [
        ['ActiveService', blueGreen.activeService],
        ['PreviewService', blueGreen.previewService],
      ]
    : [
        ['StableService', canary?.stableService],
        ['CanaryService', canary?.canaryService],
        ['PingService', canary?.pingPong?.pingService],
        ['PongService', canary?.pingPong?.pongService],
      ];
  return refs.filter(([, name]) => !!name).map(([role, name]) => ({ role, name: name as string, service: services.get(name as string) }));
}

/** True when the controller must supply the rollout's pods (a restart is due). */
export function needsPods(ro: Rollout, now: number): boolean {
  return !!ro.spec && needsRestart(ro, now);
}

function emptyPlan(status: RolloutStatus): RolloutPlan {
  return { replicaSetPatches: [], servicePatches: [], evictPods: [], podMetadataUpdates: [], deleteReplicaSets: [], status, events: [], notes: [] };
}

export function decideRollout(obs: RolloutObservation, opts: DecideOptions = {}): RolloutPlan {
  const ro = obs.rollout;
  const prev: RolloutStatus = normalizeJson(ro.status ?? {});
  if (!ro.spec || typeof ro.spec !== 'object') {
    return invalidSpecPlan(ro, required('spec', ConditionMessage.missingField('.spec')), obs.now);
  }
  if (needsReplicasWriteBack(ro)) {
    return { ...emptyPlan(prev), rolloutPatch: { spec: { replicas: 1 } }, stopAfterRolloutPatch: true, notes: ['defaulting spec.replicas to 1'] };
  }
  const resolved = resolveWorkloadRef(ro, obs.workload);
  const target = resolved.rollout;
  const errors = resolved.error ? [resolved.error] : validate(target, resolved, obs);
  const firstError = errors[0];
  if (firstError) return invalidSpecPlan(ro, firstError, obs.now);

  let conditions = removeCondition(prev.conditions, RolloutConditionType.InvalidSpec);
  for (const c of pausedConditionUpdates(target, obs.now)) conditions = setCondition(conditions, c).conditions;
  const newRS = findNewReplicaSet(target, obs.replicaSets);
  const classified = classifyReplicaSets(target, obs.replicaSets, newRS);
  const ctx = new DecideContext(
    target,
    obs,
    { ...classified, olderRSs: obs.replicaSets.filter((rs) => !newRS || rsName(rs) !== rsName(newRS)) },
    conditions,
    opts.stepHandlers,
  );
  if (isFullyPromoted(target) && ctx.isAborted()) ctx.removeAbort();
  if (isScalingEvent(ctx)) syncReplicasOnly(ctx);
  else if (target.spec.strategy.blueGreen) rolloutBlueGreen(ctx);
  else rolloutCanary(ctx);
  return finishPlan(ctx, resolved, prev);
}

/** Every §1.7 rule; a spec so malformed that validation itself fails is reported the same way. */
function validate(target: Rollout, resolved: ResolvedRollout, obs: RolloutObservation): FieldError[] {
  try {
    return validateRollout(target, {
      templateResolvedFromRef: resolved.resolvedFromRef,
      references: target.spec.strategy ? { services: referencedServices(target, obs.services) } : undefined,
    });
  } catch (err) {
    return [internalError('spec', `malformed spec: ${err instanceof Error ? err.message : String(err)}`)];
  }
}

/** `persistRolloutStatus` plus the collection of every planned write. */
function finishPlan(ctx: DecideContext, resolved: ResolvedRollout, prev: RolloutStatus): RolloutPlan {
  const ro = ctx.ro;
  let s: RolloutStatus;
  if (!ctx.status) {
    s = { ...prev };
    if (ctx.carried.collisionCount !== undefined) s.collisionCount = ctx.carried.collisionCount;
  } else {
    s = ctx.status;
    delete s.abort;
    delete s.abortedAt;
    delete s.pauseConditions;
    delete s.controllerPause;
    Object.assign(s, calculatePauseStatus(ro, ctx.pause, ctx.now));
    // What the next pass's checkPausedConditions would write, written now (one status patch fewer).
    for (const c of pausedConditionUpdates({ ...ro, status: s }, ctx.now)) s.conditions = setCondition(s.conditions, c).conditions;
    if (resolved.resolvedFromRef && resolved.workloadGeneration !== undefined) s.workloadObservedGeneration = String(resolved.workloadGeneration);
    else delete s.workloadObservedGeneration;
    s.observedGeneration = String(ro.metadata?.generation ?? 0);
    const phase = calculateRolloutPhase(ro.spec, s);
    s.phase = phase.phase;
    if (phase.message) s.message = phase.message;
    else delete s.message;
    stateChangeEvents(ctx, prev, s);
  }
  s = normalizeJson(s);

  const plan = emptyPlan(s);
  plan.statusPatch = createMergePatch(prev, s);
  plan.events = ctx.events;
  plan.notes = ctx.notes;
  plan.rolloutPatch = rolloutMetadataPatch(ctx, resolved);
  if (ctx.created) plan.createReplicaSet = { replicaSet: normalizeJson(ctx.created), events: ctx.rsEvents.get(rsName(ctx.created)) ?? [] };
  for (const [name, copy] of ctx.rsCopies) {
    const observed = ctx.allRSs.find((rs) => rsName(rs) === name);
    const patch = observed ? createMergePatch(observed, copy) : undefined;
    if (!patch) continue;
    if (observed?.metadata?.resourceVersion) patch['metadata'] = { ...((patch['metadata'] as JsonObject | undefined) ?? {}), resourceVersion: observed.metadata.resourceVersion };
    plan.replicaSetPatches.push({ name, patch, events: ctx.rsEvents.get(name) ?? [] });
  }
  for (const [name, copy] of ctx.serviceCopies) {
    const patch = createMergePatch(ctx.observation.services.get(name), copy);
    if (patch) plan.servicePatches.push({ name, patch, events: ctx.serviceEvents.get(name) ?? [] } satisfies PlannedPatch);
  }
  plan.evictPods = ctx.evictPods.filter((n) => n !== '');
  plan.podMetadataUpdates = ctx.podMetadataUpdates;
  plan.deleteReplicaSets = ctx.deleteReplicaSets;
  plan.trafficWeights = ctx.trafficWeights;
  if (ctx.status) plan.workloadScale = planWorkloadScaleDown(ro, ctx.observation.workload, s, ctx.rolloutRevision());
  requeueForProgressDeadline(ctx, s);
  const at = ctx.earliestDeadline();
  if (at !== undefined) plan.requeueAfterMs = Math.max(0, at - ctx.now);
  return plan;
}

function rolloutMetadataPatch(ctx: DecideContext, resolved: ResolvedRollout): JsonObject | undefined {
  const annotations: JsonObject = {};
  for (const [k, v] of ctx.rolloutAnnotations) annotations[k] = v ?? null;
  const generation = resolved.resolvedFromRef ? workloadGenerationAnnotation(ctx.observation.rollout, resolved.workloadGeneration) : undefined;
  if (generation !== undefined) annotations[ANNOTATION_WORKLOAD_GENERATION] = generation;
  return Object.keys(annotations).length > 0 ? { metadata: { annotations } } : undefined;
}

/** `sendStateChangeEvents`: RolloutPaused / RolloutResumed when pause conditions appear or go. */
function stateChangeEvents(ctx: DecideContext, prev: RolloutStatus, next: RolloutStatus): void {
  const wasPaused = (prev.pauseConditions ?? []).length > 0;
  const paused = (next.pauseConditions ?? []).length > 0;
  if (wasPaused === paused) return;
  if (paused) ctx.event('Normal', EventReason.RolloutPaused, `${ConditionMessage.paused} (${next.pauseConditions?.[0]?.reason ?? ''})`);
  else if (!next.abortedAt) ctx.event('Normal', EventReason.RolloutResumed, ConditionMessage.resumed);
}

/** `requeueStuckRollout`: look again when the progress deadline would pass. */
function requeueForProgressDeadline(ctx: DecideContext, s: RolloutStatus): void {
  const ro = ctx.ro;
  const cond = getCondition(s, RolloutConditionType.Progressing);
  if (!cond || cond.reason === 'ProgressDeadlineExceeded') return;
  const paused = (s.pauseConditions ?? []).length > 0 || !!ro.spec.paused;
  if (paused || s.abort || rolloutHealthy(ro, s)) return;
  const at = progressDeadlineAt(ro, s);
  if (at !== undefined) ctx.requeueAt(at + 1000);
}
