/** ValidateObjectMeta's name rules for built-in kinds. */
import { fieldInvalid, fieldRequired, type StatusCause } from '../../errors.ts';
import type { KubeObject } from '../../../store/object.ts';
import type { NameValidator } from './names.ts';

/** metadata.name required (unless generateName is set) and valid per the kind's name rule. */
export function validateName(o: KubeObject, validator: NameValidator): StatusCause[] {
  const name = o.metadata?.name;
  if (!name) {
    return o.metadata?.generateName ? [] : [fieldRequired('metadata.name', 'name or generateName is required')];
  }
  return validator(name).map((msg) => fieldInvalid('metadata.name', name, msg));
}
