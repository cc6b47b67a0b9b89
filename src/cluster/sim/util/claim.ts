/**
 * ControllerRefManager's decision (pure): of the candidate objects, which an owner keeps, adopts
 * (orphans its selector matches) and releases (owned objects its selector no longer matches).
 */
import type { KubeObject } from '../../store/object.ts';
import { controllerOf } from './controller-ref.ts';

export interface ClaimPlan<T extends KubeObject> {
  /** Owned and matching. */
  owned: T[];
  /** Orphans to adopt (they count as owned once adopted). */
  adopt: T[];
  /** Owned but no longer matching: drop our ownerReference. */
  release: T[];
}

export function planClaims<T extends KubeObject>(owner: KubeObject, candidates: Iterable<T>, matches: (obj: T) => boolean): ClaimPlan<T> {
  const plan: ClaimPlan<T> = { owned: [], adopt: [], release: [] };
  const ownerDeleting = Boolean(owner.metadata.deletionTimestamp);
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    const match = matches(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (match) plan.owned.push(obj);
      else if (!ownerDeleting && !obj.metadata.deletionTimestamp) plan.release.push(obj);
      continue;
    }
    if (ownerDeleting || !match || obj.metadata.deletionTimestamp) continue;
    plan.adopt.push(obj);
  }
  return plan;
}

/** The strategic-merge patches Kubernetes sends to adopt / release an object. */
export function adoptPatch(obj: KubeObject, controllerRef: object): object {
  return { metadata: { ownerReferences: [controllerRef], uid: obj.metadata.uid } };
}

export function releasePatch(obj: KubeObject, ownerUid: string): object {
  return { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid: obj.metadata.uid } };
}
