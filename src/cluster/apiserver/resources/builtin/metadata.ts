/**
 * ValidateObjectMeta's name rules for built-in kinds.
 *
 * The object service already rejects, for every built-in kind but events, a name that is not a
 * DNS-1123 subdomain (service/object-service.ts metadataCauses). To avoid reporting that twice,
 * validate() adds only the stricter per-kind rules (DNS-1123 labels for namespaces, DNS-1035
 * labels for services), and only for names that pass the generic check.
 */
import { fieldInvalid, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import { isDns1123Subdomain, type NameValidator } from './names.ts';

/** metadata.name required (unless generateName is set) and valid per the kind's name rule. */
export function validateName(o: KubeObject, validator: NameValidator): StatusCause[] {
  const name = o.metadata?.name;
  if (!name) {
    return o.metadata?.generateName ? [] : [fieldRequired('metadata.name', 'name or generateName is required')];
  }
  if (isDns1123Subdomain(name).length > 0) return [];
  return validator(name).map((msg) => fieldInvalid('metadata.name', name, msg));
}
