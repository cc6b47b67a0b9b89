import type { KubeObject } from '../../store/object.ts';
import type { JsonObject } from '../../../util/json.ts';
import { patchMetaFor, recordUpdate } from '../patch/index.ts';
import { apiVersionOf, type ResourceType } from '../resources/types.ts';

type ManagedFields = KubeObject['metadata']['managedFields'];

/** managedFields after a non-apply write by `manager`: what it changed becomes its own. */
export function recordManagedFields(
  rt: ResourceType,
  before: KubeObject | undefined,
  after: KubeObject,
  manager: string,
  _operation: 'Update',
  now: Date,
  subresource?: string,
): ManagedFields {
  return recordUpdate({
    before: before as unknown as JsonObject | undefined,
    after: after as unknown as JsonObject,
    manager,
    apiVersion: apiVersionOf(rt, rt.version),
    now,
    managedFields: (before?.metadata.managedFields ?? after.metadata.managedFields ?? []) as unknown as JsonObject[],
    meta: patchMetaFor(rt.group, rt.kind),
    subresource: subresource || undefined,
  }) as unknown as ManagedFields;
}
