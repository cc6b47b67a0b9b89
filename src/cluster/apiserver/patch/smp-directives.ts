/**
 * The strategic-merge-patch directive vocabulary and the errors for misusing it, worded like
 * k8s.io/apimachinery's mergepatch errors. Codes follow the API server: format errors are 400,
 * patches that cannot be applied to this object are 422.
 */
import type { JsonObject, JsonValue } from '../../../util/json.ts';
import { goFormat, goType } from './go-format.ts';
import { PatchError } from './patch-error.ts';

export const PATCH_DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER = '$setElementOrder';

export const errBadPrimitiveList = (): PatchError => new PatchError('invalid patch format of primitive list', 400);
export const errBadRetainKeys = (): PatchError => new PatchError('invalid patch format of retainKeys', 400);
export const errBadSetElementOrder = (): PatchError => new PatchError('invalid patch format of setElementOrder list', 400);
export const errRetainKeysMismatch = (): PatchError => new PatchError("patch content doesn't match retainKeys list", 422);
export const errListOfLists = (): PatchError => new PatchError('lists of lists are not supported', 422);

export function errNoMergeKey(item: JsonValue, key: string): PatchError {
  return new PatchError(`map: ${goFormat(item)} does not contain declared merge key: ${key}`);
}

export function errBadPatchType(directive: JsonValue | undefined, where: JsonObject): PatchError {
  return new PatchError(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(where)}`);
}

export function errBadArgType(expected: JsonValue, actual: JsonValue | undefined): PatchError {
  return new PatchError(`expected a ${goType(expected)}, but received a ${goType(actual)}`);
}

/** A map key, sorted into what the merge does with it. */
export type PatchKey =
  | { kind: 'directive' }
  | { kind: 'retainKeys' }
  | { kind: 'deleteFromPrimitiveList'; field: string }
  | { kind: 'setElementOrder'; field: string }
  | { kind: 'field' };

/**
 * `$patch` and `$retainKeys` are directives; `$deleteFromPrimitiveList/<f>` and
 * `$setElementOrder/<f>` name a sibling field. Any other key, even one starting with `$`
 * (JSON Schema's `$ref` in a CRD), is an ordinary field, as in Kubernetes.
 */
export function classifyKey(key: string): PatchKey {
  if (key === PATCH_DIRECTIVE) return { kind: 'directive' };
  if (key === RETAIN_KEYS) return { kind: 'retainKeys' };
  if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
    return { kind: 'deleteFromPrimitiveList', field: fieldAfterPrefix(key, DELETE_FROM_PRIMITIVE_LIST, errBadPrimitiveList) };
  }
  if (key.startsWith(SET_ELEMENT_ORDER)) {
    return { kind: 'setElementOrder', field: fieldAfterPrefix(key, SET_ELEMENT_ORDER, errBadSetElementOrder) };
  }
  return { kind: 'field' };
}

function fieldAfterPrefix(key: string, prefix: string, error: () => PatchError): string {
  if (key.length <= prefix.length + 1 || key[prefix.length] !== '/') throw error();
  return key.slice(prefix.length + 1);
}
