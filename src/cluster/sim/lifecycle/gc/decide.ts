/**
 * What the garbage collector does with one object, as pure functions over what it knows (the
 * Kubernetes GC's attemptToDeleteItem, processDeletingDependentsItem and orphanDependents).
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { KubeObject } from '../../../store/object.ts';
import { FOREGROUND_FINALIZER, hasFinalizer, isBeingDeleted, ORPHAN_FINALIZER, ownerRefs, type PropagationPolicy } from '../common/meta.ts';

/**
 * solid: the owner exists and is not deleting its dependents in the foreground;
 * waiting: it exists with the foregroundDeletion finalizer; dangling: it does not exist;
 * unknown: its kind is not served, so nothing can be said (the reference is kept).
 */
export type OwnerState = 'solid' | 'waiting' | 'dangling' | 'unknown';

export type DependentDecision =
  | { action: 'none' }
  | { action: 'patchOwnerRefs'; ownerReferences: OwnerReference[] }
  | { action: 'delete'; propagationPolicy: PropagationPolicy };

/** The object is being deleted and the garbage collector must act on its own finalizer. */
export function deletionWork(obj: KubeObject): 'orphan' | 'foreground' | undefined {
  if (!isBeingDeleted(obj)) return undefined;
  if (hasFinalizer(obj, ORPHAN_FINALIZER)) return 'orphan';
  if (hasFinalizer(obj, FOREGROUND_FINALIZER)) return 'foreground';
  return undefined;
}

/** An owner that waits for its dependents (foreground deletion in progress). */
export function isDeletingDependents(obj: KubeObject): boolean {
  return isBeingDeleted(obj) && hasFinalizer(obj, FOREGROUND_FINALIZER);
}

/**
 * The decision for a dependent given the state of each of its owners:
 * - some owner is solid: keep the object; drop references to dangling owners and to owners
 *   waiting for their dependents (so they are not blocked by an object that stays);
 * - otherwise, some owner waits for its dependents and the object has dependents of its own:
 *   delete it in the foreground, so the wait covers the whole subtree;
 * - otherwise every owner is gone: delete it, honouring a policy its own finalizers ask for.
 * Objects already being deleted are left alone; an owner that cannot be judged counts as solid.
 */
export function decideDependent(item: KubeObject, stateOf: (ref: OwnerReference) => OwnerState, hasDependents: boolean): DependentDecision {
  const refs = ownerRefs(item);
  if (refs.length === 0 || isBeingDeleted(item)) return { action: 'none' };
  const states = refs.map((ref) => ({ ref, state: stateOf(ref) }));
  // An owner that cannot be judged counts as present: nothing is deleted on a guess.
  const kept = states.filter((s) => s.state === 'solid' || s.state === 'unknown');
  if (kept.length > 0) {
    if (kept.length === states.length) return { action: 'none' };
    return { action: 'patchOwnerRefs', ownerReferences: kept.map((s) => s.ref) };
  }
  if (states.some((s) => s.state === 'waiting') && hasDependents) return { action: 'delete', propagationPolicy: 'Foreground' };
  return { action: 'delete', propagationPolicy: ownPolicy(item) };
}

function ownPolicy(item: KubeObject): PropagationPolicy {
  if (hasFinalizer(item, ORPHAN_FINALIZER)) return 'Orphan';
  if (hasFinalizer(item, FOREGROUND_FINALIZER)) return 'Foreground';
  return 'Background';
}

/** The dependents whose reference to `ownerUid` blocks the owner's foreground deletion. */
export function blockingDependents(ownerUid: string, dependents: readonly KubeObject[]): KubeObject[] {
  return dependents.filter((d) => ownerRefs(d).some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true));
}

export type ForegroundDecision =
  | { action: 'removeFinalizer' }
  /** Blocking dependents remain; `toDelete` are the ones not yet being deleted. */
  | { action: 'wait'; toDelete: KubeObject[] };

/** An owner being deleted in the foreground: done when no blocking dependent is left. */
export function decideForegroundOwner(owner: KubeObject, dependents: readonly KubeObject[]): ForegroundDecision {
  const blocking = blockingDependents(owner.metadata.uid ?? '', dependents);
  if (blocking.length === 0) return { action: 'removeFinalizer' };
  return { action: 'wait', toDelete: blocking.filter((d) => !isBeingDeleted(d)) };
}

/** A dependent's owner references without the ones to `ownerUid`. */
export function withoutOwner(dependent: KubeObject, ownerUid: string): OwnerReference[] {
  return ownerRefs(dependent).filter((r) => r.uid !== ownerUid);
}

/** The finalizers without `finalizer`. */
export function withoutFinalizer(obj: KubeObject, finalizer: string): string[] {
  return (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
}
