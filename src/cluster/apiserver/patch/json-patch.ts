/**
 * JSON Patch (RFC 6902), as served for `application/json-patch+json`, on fast-json-patch.
 * The operations are checked here first so a malformed patch gets a 400 naming the bad
 * operation; failures while applying get a 422 worded like the API server's JSON Patch
 * library (`add operation does not apply: doc is missing path: "/spec/x": missing value`).
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { PatchError } from './patch-error.ts';
import { hasOwn } from './safe-keys.ts';

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

export function applyJsonPatch(doc: JsonValue, ops: unknown): JsonValue {
  const operations = validateOperations(ops);
  try {
    return jsonpatch.applyPatch(cloneJson(doc), cloneJson(operations) as unknown as Operation[], true, false, true)
      .newDocument;
  } catch (err) {
    throw toPatchError(err, operations);
  }
}

function validateOperations(ops: unknown): JsonObject[] {
  if (!Array.isArray(ops)) {
    throw new PatchError('json patch must be a JSON array of operations', 400);
  }
  return ops.map((op: unknown, index) => {
    const where = `json patch operation ${index}`;
    if (!isJsonObject(op)) throw new PatchError(`${where} is not an object`, 400);
    const kind = op['op'];
    if (typeof kind !== 'string') throw new PatchError(`${where} is missing "op"`, 400);
    if (!OPS.has(kind)) throw new PatchError(`Unexpected kind: ${kind}`, 422);
    if (typeof op['path'] !== 'string') throw new PatchError(`${where} (${kind}) is missing "path"`, 400);
    if ((kind === 'move' || kind === 'copy') && typeof op['from'] !== 'string') {
      throw new PatchError(`${where} (${kind}) is missing "from"`, 400);
    }
    if ((kind === 'add' || kind === 'replace' || kind === 'test') && !hasOwn(op, 'value')) {
      throw new PatchError(`${where} (${kind}) is missing "value"`, 400);
    }
    const path = op['path'];
    if (path !== '' && !path.startsWith('/')) {
      throw new PatchError(`${where} (${kind}): path ${JSON.stringify(path)} must be empty or start with "/"`, 400);
    }
    return op;
  });
}

function isLibraryError(err: unknown): err is Error & { name: string; index?: number } {
  return err instanceof Error && (err instanceof jsonpatch.JsonPatchError || err instanceof TypeError);
}

function toPatchError(err: unknown, operations: JsonObject[]): Error {
  if (err instanceof PatchError || !isLibraryError(err)) return err instanceof Error ? err : new Error(String(err));
  if (err instanceof TypeError) {
    return new PatchError('json patch: modifying "__proto__" or "constructor/prototype" is not allowed', 400);
  }
  const op = operations[err.index ?? 0] ?? {};
  const path = JSON.stringify(op['path']);
  switch (err.name) {
    case 'TEST_OPERATION_FAILED':
      return new PatchError(`testing value ${String(op['path'])} failed: test failed`);
    case 'OPERATION_FROM_UNRESOLVABLE':
      return new PatchError(`${String(op['op'])} operation does not apply: doc is missing from path: ${JSON.stringify(op['from'])}: missing value`);
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
      return new PatchError(`${String(op['op'])} operation does not apply: unable to access invalid index in path ${path}: invalid index referenced`);
    case 'OPERATION_PATH_CANNOT_ADD':
    case 'OPERATION_PATH_UNRESOLVABLE':
      return new PatchError(`${String(op['op'])} operation does not apply: doc is missing path: ${path}: missing value`);
    case 'OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED':
      return new PatchError(`${String(op['op'])} operation does not apply: value is not valid JSON`, 400);
    default:
      return new PatchError(`${String(op['op'])} operation does not apply: ${err.message.split('\n')[0]}`);
  }
}
