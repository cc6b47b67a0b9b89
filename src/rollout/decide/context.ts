/**
 * The working state of one decide pass (Argo's `rolloutContext`, minus the clients): the observed
 * ReplicaSets split into new / stable / other, working copies of the ReplicaSets and Services the
 * plan changes, pause/abort bookkeeping, the status being built, events and deadlines.
 * Decisions read the *observed* objects, as Argo does; writes go to the working copies, which
 * `finishPlan` diffs against what was observed.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import type { Rollout } from '../../api/types/rollout.ts';
import type { RolloutCondition, RolloutStatus } from '../../api/types/rollout-status.ts';
import {
  ANNOTATION_DESIRED_REPLICAS,
  ANNOTATION_MANAGED_BY_ROLLOUTS,
  ANNOTATION_REVISION,
  ANNOTATION_SCALE_DOWN_DEADLINE,
  ConditionMessage,
  EventReason,
  LABEL_POD_TEMPLATE_HASH,
  PauseReason,
} from '../../api/constants.ts';
import { getReplicasOrDefault } from '../../api/defaults.ts';
import { getPauseCondition, type PauseChanges } from '../pause.ts';
import { podTemplateHash, revisionOf, rsName, specReplicas } from '../replicasets.ts';
import { setCondition } from '../conditions.ts';
import { normalizeJson } from './merge-patch.ts';
import { DEFAULT_STEP_HANDLERS, type StepHandlers } from './steps/registry.ts';
import type { EventType, PlannedEvent, PlannedPodMetadataUpdate, PlannedTrafficWeights, PlannedWorkloadScale, RolloutObservation } from './types.ts';

export interface ReplicaSetClassification {
  newRS?: ReplicaSet;
  stableRS?: ReplicaSet;
  /** Everything but the new RS (includes the stable RS mid-update). */
  olderRSs: ReplicaSet[];
  /** Neither new nor stable. */
  otherRSs: ReplicaSet[];
}

export class DecideContext {
  readonly now: number;
  /** ReplicaSets as observed (plus one this pass creates, once created). */
  allRSs: ReplicaSet[];
  newRS?: ReplicaSet;
  stableRS?: ReplicaSet;
  olderRSs: ReplicaSet[];
  otherRSs: ReplicaSet[];

  /** Pause/abort changes folded into the status at the end (`pauseContext`). */
  readonly pause: PauseChanges & { abortMessage?: string } = {};
  /** Conditions as they stand so far (previous ones plus this pass's updates). */
  conditions: RolloutCondition[];
  /** Status fields sub-steps set before the strategy's status sync (restartedAt, weights, ...). */
  readonly carried: Pick<RolloutStatus, 'restartedAt' | 'alb' | 'albs' | 'collisionCount'> & { weights?: NonNullable<RolloutStatus['canary']>['weights'] };
  /** The status the strategy computed; `finishPlan` adds pause fields and the phase. */
  status?: RolloutStatus;

  readonly events: PlannedEvent[] = [];
  readonly notes: string[] = [];
  private readonly deadlines: number[] = [];

  /** Working copies of ReplicaSets the plan changes, by name. */
  readonly rsCopies = new Map<string, ReplicaSet>();
  readonly rsEvents = new Map<string, PlannedEvent[]>();
  created?: ReplicaSet;
  readonly deleteReplicaSets: string[] = [];
  /** Working copies of Services whose selector the plan switches. */
  readonly serviceCopies = new Map<string, Service>();
  readonly serviceEvents = new Map<string, PlannedEvent[]>();
  readonly evictPods: string[] = [];
  readonly podMetadataUpdates: PlannedPodMetadataUpdate[] = [];
  workloadScale?: PlannedWorkloadScale;
  trafficWeights?: PlannedTrafficWeights;
  /** Desired values of Rollout annotations this pass changes (undefined = remove). */
  readonly rolloutAnnotations = new Map<string, string | undefined>();
  /** Set when the pass ended early; the status is then only what was written so far. */
  stopped = false;

  constructor(
    readonly ro: Rollout,
    readonly observation: RolloutObservation,
    classification: ReplicaSetClassification,
    conditions: RolloutCondition[],
    readonly stepHandlers: StepHandlers = DEFAULT_STEP_HANDLERS,
  ) {
    this.now = observation.now;
    this.allRSs = [...observation.replicaSets];
    this.newRS = classification.newRS;
    this.stableRS = classification.stableRS;
    this.olderRSs = classification.olderRSs;
    this.otherRSs = classification.otherRSs;
    this.conditions = conditions;
    const s = ro.status ?? {};
    this.carried = {
      restartedAt: s.restartedAt,
      alb: s.alb,
      albs: s.albs,
      collisionCount: s.collisionCount,
      weights: s.canary?.weights,
    };
  }

  get name(): string {
    return this.ro.metadata?.name ?? '';
  }

  get namespace(): string {
    return this.ro.metadata?.namespace ?? '';
  }

  get replicas(): number {
    return getReplicasOrDefault(this.ro.spec.replicas);
  }

  // ---- events & deadlines --------------------------------------------------------------------

  event(type: EventType, reason: string, message: string): void {
    this.events.push({ type, reason, message });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** Reconcile again at this time (epoch ms); the earliest one wins. */
  requeueAt(at: number | undefined): void {
    if (at !== undefined && Number.isFinite(at)) this.deadlines.push(at);
  }

  requeueAfter(ms: number | undefined): void {
    if (ms !== undefined) this.requeueAt(this.now + Math.max(0, ms));
  }

  earliestDeadline(): number | undefined {
    return this.deadlines.length > 0 ? Math.min(...this.deadlines) : undefined;
  }

  // ---- pause context -------------------------------------------------------------------------

  addPauseCondition(reason: string): void {
    (this.pause.add ??= []).push(reason);
  }

  removePauseCondition(reason: string): void {
    (this.pause.remove ??= []).push(reason);
  }

  clearPauseConditions(): void {
    this.pause.clear = true;
  }

  hasAddPause(): boolean {
    return (this.pause.add ?? []).length > 0;
  }

  addAbort(message: string): void {
    this.pause.addAbort = true;
    this.pause.abortMessage = message;
  }

  removeAbort(): void {
    this.pause.removeAbort = true;
  }

  isAborted(): boolean {
    if (this.pause.removeAbort) return false;
    return !!this.pause.addAbort || !!this.ro.status?.abort;
  }

  /** `haltProgress`: spec.paused ("user paused") or an inconclusive analysis pause. */
  haltProgress(): string {
    if (this.ro.spec.paused) return 'user paused';
    if (getPauseCondition(this.ro, PauseReason.InconclusiveAnalysisRun)) return 'inconclusive analysis';
    return '';
  }

  setCondition(condition: RolloutCondition): boolean {
    const r = setCondition(this.conditions, condition);
    this.conditions = r.conditions;
    return r.changed;
  }

  // ---- ReplicaSet writes ---------------------------------------------------------------------

  /** The working copy of `rs` (what it will look like after this pass's writes). */
  current(rs: ReplicaSet): ReplicaSet {
    const name = rsName(rs);
    if (this.created && rsName(this.created) === name) return this.created;
    let copy = this.rsCopies.get(name);
    if (!copy) {
      // Writers replace metadata/spec (and what is inside) instead of mutating them, so a shallow
      // copy of those two levels is enough.
      copy = { ...rs, metadata: { ...(rs.metadata ?? {}) }, spec: rs.spec ? { ...rs.spec } : rs.spec };
      this.rsCopies.set(name, copy);
    }
    return copy;
  }

  private rsEvent(rs: ReplicaSet, type: EventType, reason: string, message: string): void {
    const name = rsName(rs);
    const list = this.rsEvents.get(name) ?? [];
    list.push({ type, reason, message });
    this.rsEvents.set(name, list);
  }

  /**
   * `scaleReplicaSetAndRecordEvent`: sets spec.replicas and the desired-replicas annotation (a full
   * scale-down also drops the scale-down deadline). Returns true when the size changes.
   */
  scaleReplicaSet(rs: ReplicaSet, to: number): boolean {
    const copy = this.current(rs);
    const from = specReplicas(copy);
    const want = String(this.replicas);
    const annotationNeedsUpdate = copy.metadata?.annotations?.[ANNOTATION_DESIRED_REPLICAS] !== want;
    if (from === to && !annotationNeedsUpdate) return false;
    copy.spec = { ...(copy.spec ?? { selector: {} }), replicas: to };
    const annotations = { ...(copy.metadata?.annotations ?? {}) };
    annotations[ANNOTATION_DESIRED_REPLICAS] = want;
    if (to === 0) delete annotations[ANNOTATION_SCALE_DOWN_DEADLINE];
    copy.metadata = { ...(copy.metadata ?? {}), annotations };
    if (from === to) return false;
    const direction = from < to ? 'up' : 'down';
    const revision = revisionOf(copy);
    this.rsEvent(
      rs,
      'Normal',
      EventReason.ScalingReplicaSet,
      ConditionMessage.scalingReplicaSet(direction, rsName(rs), Number.isFinite(revision) ? revision : 0, from, to),
    );
    return true;
  }

  /** Sets (or, with undefined, removes) an annotation on the working copy. */
  setReplicaSetAnnotation(rs: ReplicaSet, key: string, value: string | undefined): void {
    const copy = this.current(rs);
    const annotations = { ...(copy.metadata?.annotations ?? {}) };
    if (value === undefined) delete annotations[key];
    else annotations[key] = value;
    copy.metadata = { ...(copy.metadata ?? {}), annotations };
  }

  addScaleDownDeadline(rs: ReplicaSet, deadline: string): void {
    this.setReplicaSetAnnotation(rs, ANNOTATION_SCALE_DOWN_DEADLINE, deadline);
  }

  removeScaleDownDeadline(rs: ReplicaSet): void {
    if (this.current(rs).metadata?.annotations?.[ANNOTATION_SCALE_DOWN_DEADLINE] === undefined) return;
    this.setReplicaSetAnnotation(rs, ANNOTATION_SCALE_DOWN_DEADLINE, undefined);
  }

  deleteReplicaSet(rs: ReplicaSet): void {
    this.deleteReplicaSets.push(rsName(rs));
  }

  /** Adds the RS this pass creates; later steps see it as the new RS (status still empty). */
  recordCreated(rs: ReplicaSet, events: PlannedEvent[]): void {
    this.created = rs;
    this.rsEvents.set(rsName(rs), events);
    this.newRS = rs;
  }

  // ---- Services ------------------------------------------------------------------------------

  /** The Service as it will be after this pass's writes (undefined if it does not exist). */
  service(name: string | undefined): Service | undefined {
    if (!name) return undefined;
    return this.serviceCopies.get(name) ?? this.observation.services.get(name);
  }

  /** `switchServiceSelector`: points the Service at `hash`, adopting it with the managed-by annotation. */
  switchServiceSelector(name: string, hash: string): void {
    const svc = this.service(name);
    if (!svc) return;
    const old = svc.spec?.selector?.[LABEL_POD_TEMPLATE_HASH] ?? '';
    const managed = svc.metadata?.annotations?.[ANNOTATION_MANAGED_BY_ROLLOUTS] !== undefined;
    if (old === hash && managed) return;
    const copy = normalizeJson(svc);
    copy.spec = { ...(copy.spec ?? {}), selector: { ...(copy.spec?.selector ?? {}), [LABEL_POD_TEMPLATE_HASH]: hash } };
    if (!managed) {
      copy.metadata = { ...(copy.metadata ?? {}), annotations: { ...(copy.metadata?.annotations ?? {}), [ANNOTATION_MANAGED_BY_ROLLOUTS]: this.name } };
    }
    this.serviceCopies.set(name, copy);
    const list = this.serviceEvents.get(name) ?? [];
    list.push({ type: 'Normal', reason: EventReason.SwitchService, message: `Switched selector for service '${name}' from '${old}' to '${hash}'` });
    this.serviceEvents.set(name, list);
  }

  // ---- Rollout metadata ----------------------------------------------------------------------

  /** `rollout.argoproj.io/revision` as it will be after this pass. */
  rolloutRevision(): string | undefined {
    if (this.rolloutAnnotations.has(ANNOTATION_REVISION)) return this.rolloutAnnotations.get(ANNOTATION_REVISION);
    return this.ro.metadata?.annotations?.[ANNOTATION_REVISION];
  }

  /** `SetRolloutRevision`: returns true when the revision changes. */
  setRolloutRevision(revision: string): boolean {
    if (this.rolloutRevision() === revision) return false;
    this.rolloutAnnotations.set(ANNOTATION_REVISION, revision);
    return true;
  }

  /** Hash of the new RS ('' when there is none yet). */
  newHash(): string {
    return podTemplateHash(this.newRS);
  }
}
