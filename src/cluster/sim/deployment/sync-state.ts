/**
 * The working state of one Deployment sync: copies of the deployment and its ReplicaSets that the
 * decision steps update as if each write had succeeded, the writes themselves (actions), and the
 * building blocks every strategy shares — finding/creating the new ReplicaSet with its revision
 * (getAllReplicaSetsAndSyncRevision) and scaling a ReplicaSet. Pure.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1.js';
import type { EventType } from '../../../kube/events.ts';
import { cloneJson } from '../../../util/json.ts';
import { computePodTemplateHash } from '../../../rollout/hash.ts';
import { newControllerRef } from '../util/controller-ref.ts';
import { getCondition } from '../util/conditions.ts';
import type { DeploymentObject, ReplicaSetObject } from '../util/types.ts';
import type { DeploymentAction } from './actions.ts';
import { maxSurge } from './fenceposts.ts';
import { replicasAnnotationsNeedUpdate, setNewReplicaSetAnnotations, setReplicasAnnotations } from './rs-annotations.ts';
import { findNewReplicaSet, maxRevision, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, replicaCount, specReplicas } from './rs-util.ts';
import { specOf, type DeploymentSpecView } from './spec.ts';
import { newCondition, PROGRESSING, REASON_FOUND_NEW_RS, REASON_NEW_RS, setDeploymentCondition } from './status.ts';

export class SyncState {
  readonly d: DeploymentObject;
  readonly spec: DeploymentSpecView;
  rsList: ReplicaSetObject[];
  readonly actions: DeploymentAction[] = [];
  /** The status as stored on the server (what a status write is compared against). */
  readonly storedStatus: DeploymentStatus | undefined;

  constructor(
    d: DeploymentObject,
    rsList: readonly ReplicaSetObject[],
    readonly now: number,
  ) {
    this.d = cloneJson(d);
    this.spec = specOf(d);
    this.rsList = rsList.map((rs) => cloneJson(rs));
    this.storedStatus = d.status ? cloneJson(d.status) : undefined;
  }

  event(type: EventType, reason: string, message: string): void {
    this.actions.push({ kind: 'event', type, reason, message });
  }

  private replace(rs: ReplicaSetObject): void {
    this.rsList = this.rsList.map((x) => (x.metadata.name === rs.metadata.name ? rs : x));
  }

  /** Records a status change that Kubernetes would write at this point; written once at the end. */
  setStatus(status: DeploymentStatus): void {
    this.d.status = status;
  }

  /** Old ReplicaSets (all but the new one). */
  oldReplicaSets(newRS: ReplicaSetObject | undefined): ReplicaSetObject[] {
    return this.rsList.filter((rs) => rs.metadata.name !== newRS?.metadata.name);
  }

  private setRevision(revision: string): boolean {
    if (this.d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false;
    this.d.metadata.annotations = { ...(this.d.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
    this.actions.push({ kind: 'setRevision', revision });
    return true;
  }

  /**
   * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked and missing) with its
   * revision annotations brought up to date, and all old ReplicaSets.
   */
  getAllReplicaSetsAndSyncRevision(create: boolean): { newRS: ReplicaSetObject | undefined; oldRSs: ReplicaSetObject[] } {
    const existing = findNewReplicaSet(this.d, this.rsList);
    const oldRSs = this.oldReplicaSets(existing);
    const newRevision = String(maxRevision(oldRSs) + 1);
    const desired = this.spec.replicas;
    const max = desired + maxSurge(this.spec);
    if (existing) {
      const copy = cloneJson(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(this.d, copy, newRevision, true, desired, max);
      const minReadyUpdate = (copy.spec?.minReadySeconds ?? 0) !== this.spec.minReadySeconds;
      if (annotationsUpdated || minReadyUpdate) {
        copy.spec = { ...(copy.spec ?? { selector: {} }), minReadySeconds: this.spec.minReadySeconds };
        this.actions.push({ kind: 'updateReplicaSet', rs: copy });
        this.replace(copy);
        return { newRS: copy, oldRSs };
      }
      this.setRevision(copy.metadata.annotations?.[REVISION_ANNOTATION] ?? newRevision);
      if (this.spec.progressDeadlineSeconds !== undefined && !getCondition(this.d.status?.conditions, PROGRESSING)) {
        const status: DeploymentStatus = { ...(this.d.status ?? {}) };
        setDeploymentCondition(status, newCondition(PROGRESSING, 'True', REASON_FOUND_NEW_RS, `Found new replica set "${copy.metadata.name}"`, this.now));
        this.setStatus(status);
      }
      return { newRS: copy, oldRSs };
    }
    if (!create) return { newRS: undefined, oldRSs };

    const rs = this.buildNewReplicaSet(oldRSs, newRevision);
    this.actions.push({ kind: 'createReplicaSet', rs });
    this.rsList = [...this.rsList, rs];
    const n = specReplicas(rs);
    if (n > 0) this.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to ${n}`);
    this.setRevision(newRevision);
    if (this.spec.progressDeadlineSeconds !== undefined) {
      const status: DeploymentStatus = { ...(this.d.status ?? {}) };
      setDeploymentCondition(status, newCondition(PROGRESSING, 'True', REASON_NEW_RS, `Created new replica set "${rs.metadata.name}"`, this.now));
      this.setStatus(status);
    }
    return { newRS: rs, oldRSs };
  }

  private buildNewReplicaSet(oldRSs: readonly ReplicaSetObject[], newRevision: string): ReplicaSetObject {
    const d = this.d;
    const template = cloneJson(d.spec?.template ?? {});
    const hash = computePodTemplateHash(d.spec?.template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = cloneJson(d.spec?.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const rs: ReplicaSetObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...(template.metadata.labels ?? {}) },
        ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
      },
      spec: { replicas: 0, minReadySeconds: this.spec.minReadySeconds, selector, template },
    };
    const replicas = newRSNewReplicas(this.spec, [...oldRSs, rs], rs);
    rs.spec = { ...rs.spec!, replicas };
    setNewReplicaSetAnnotations(d, rs, newRevision, false, this.spec.replicas, this.spec.replicas + maxSurge(this.spec));
    return rs;
  }

  /** scaleReplicaSetAndRecordEvent: no-op when already at `size`. */
  scaleReplicaSetAndRecordEvent(rs: ReplicaSetObject, size: number): { scaled: boolean; rs: ReplicaSetObject } {
    if (specReplicas(rs) === size) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, size, specReplicas(rs) < size ? 'up' : 'down');
  }

  /** scaleReplicaSet: writes size and the replica annotations when either is off. */
  scaleReplicaSet(rs: ReplicaSetObject, size: number, op: string): { scaled: boolean; rs: ReplicaSetObject } {
    const desired = this.spec.replicas;
    const max = desired + maxSurge(this.spec);
    const sizeNeedsUpdate = specReplicas(rs) !== size;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const from = specReplicas(rs);
    const copy = cloneJson(rs);
    copy.spec = { ...(copy.spec ?? { selector: {} }), replicas: size };
    setReplicasAnnotations(copy, desired, max);
    this.actions.push({ kind: 'updateReplicaSet', rs: copy });
    this.replace(copy);
    if (sizeNeedsUpdate) this.event('Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${copy.metadata.name} from ${from} to ${size}`);
    return { scaled: sizeNeedsUpdate, rs: copy };
  }
}

/** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(spec: DeploymentSpecView, all: readonly ReplicaSetObject[], newRS: ReplicaSetObject): number {
  if (spec.strategy === 'Recreate') return spec.replicas;
  const current = replicaCount(all);
  const maxTotal = spec.replicas + maxSurge(spec);
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, spec.replicas - specReplicas(newRS));
  return specReplicas(newRS) + up;
}
