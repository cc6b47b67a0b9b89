import type { KubeObject } from '../../store/object.ts';
import { cloneJson, isJsonObject } from '../../../util/json.ts';
import { getPath, setPath } from '../../../util/paths.ts';
import { badRequest, invalid, fieldInvalid } from '../errors.ts';
import type { ResourceType } from '../resources/types.ts';
import { labelSelectorToString } from '../../../kube/selectors/index.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';

/** The autoscaling/v1 Scale view of an object with a scale subresource. */
export function toScale(rt: ResourceType, obj: KubeObject): KubeObject {
  const scale = rt.scale!;
  const spec = getPath(obj, scale.specReplicasPath);
  const status = getPath(obj, scale.statusReplicasPath);
  const rawSelector = scale.labelSelectorPath ? getPath(obj, scale.labelSelectorPath) : undefined;
  let selector: string | undefined;
  if (typeof rawSelector === 'string') selector = rawSelector;
  else if (isJsonObject(rawSelector)) selector = labelSelectorToString(rawSelector as LabelSelector);
  const result: KubeObject = {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: typeof spec === 'number' ? spec : 0 },
    status: { replicas: typeof status === 'number' ? status : 0, ...(selector !== undefined ? { selector } : {}) },
  };
  return result;
}

/** Applies a (possibly patched) Scale back onto the object: only spec.replicas moves. */
export function fromScale(rt: ResourceType, obj: KubeObject, scale: unknown): KubeObject {
  if (!isJsonObject(scale)) throw badRequest('the request body must be a Scale object');
  const spec = isJsonObject(scale.spec) ? scale.spec : {};
  const replicas = spec.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('Scale', 'autoscaling', obj.metadata.name ?? '', [fieldInvalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  }
  const next = cloneJson(obj);
  setPath(next as unknown as Record<string, unknown>, rt.scale!.specReplicasPath, replicas);
  const meta = isJsonObject(scale.metadata) ? scale.metadata : {};
  if (typeof meta.resourceVersion === 'string') next.metadata.resourceVersion = meta.resourceVersion;
  return next;
}
