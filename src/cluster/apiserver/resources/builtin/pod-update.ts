/** ValidatePodUpdate: a pod's spec is immutable except for a few fields. */
import { fieldForbidden, type StatusCause } from '../../errors.ts';
import { jsonEqual } from '../../../../util/json.ts';
import { arr, isObj, isUnset, num, obj, objs, type Obj } from './access.ts';

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Drops null, empty arrays and empty maps, which Kubernetes' semantic equality treats as unset. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    const n = normalize(v);
    if (n === null || n === undefined) continue;
    if (Array.isArray(n) && n.length === 0) continue;
    if (isObj(n) && Object.keys(n).length === 0) continue;
    out[k] = n;
  }
  return out;
}

/** The new spec with the updatable fields taken from the old one. */
function munge(newSpec: Obj, oldSpec: Obj): Obj {
  const munged: Obj = JSON.parse(JSON.stringify(newSpec)) as Obj;
  for (const list of ['containers', 'initContainers']) {
    const oldList = objs(oldSpec[list]);
    objs(munged[list]).forEach((c, i) => {
      const old = oldList[i];
      if (old) c['image'] = old['image'];
    });
  }
  munged['activeDeadlineSeconds'] = oldSpec['activeDeadlineSeconds'];
  // Deviation: kube-apiserver only binds through pods/binding. This server does not serve it, so an
  // unscheduled pod may get its spec.nodeName set by an update (the simulated scheduler's merge patch).
  if (isUnset(oldSpec['nodeName'])) munged['nodeName'] = oldSpec['nodeName'];
  // Tolerations may only be added: the new list must contain every old toleration.
  const oldTolerations = arr(oldSpec['tolerations']);
  const newTolerations = arr(munged['tolerations']);
  if (oldTolerations.every((t) => newTolerations.some((n) => jsonEqual(normalize(n), normalize(t))))) {
    munged['tolerations'] = oldSpec['tolerations'];
  }
  const oldGrace = num(oldSpec['terminationGracePeriodSeconds']);
  if (oldGrace !== undefined && oldGrace < 0 && munged['terminationGracePeriodSeconds'] === 1) {
    munged['terminationGracePeriodSeconds'] = oldSpec['terminationGracePeriodSeconds'];
  }
  // Scheduling gates may be removed.
  const oldGates = arr(oldSpec['schedulingGates']);
  const newGates = arr(munged['schedulingGates']);
  if (newGates.every((g) => oldGates.some((o) => jsonEqual(o, g)))) munged['schedulingGates'] = oldSpec['schedulingGates'];
  return munged;
}

export function validatePodUpdate(newPod: Obj, oldPod: Obj): StatusCause[] {
  const newSpec = obj(newPod['spec']) ?? {};
  const oldSpec = obj(oldPod['spec']) ?? {};
  if (jsonEqual(normalize(munge(newSpec, oldSpec)), normalize(oldSpec))) return [];
  return [fieldForbidden('spec', POD_UPDATE_FORBIDDEN)];
}
