/** fast-check generators shared by the patch tests. */
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../../../src/util/json.ts';

const BANNED = new Set(['__proto__', 'constructor', 'prototype']);
export const safeKey = fc.string({ maxLength: 6 }).filter((k) => !BANNED.has(k));

/** JSON where object values are never null (merge patch cannot express those); arrays may hold nulls. */
export const jsonWithoutObjectNulls: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean()),
    fc.array(fc.oneof(tie('value'), fc.constant(null)), { maxLength: 3 }),
    fc.dictionary(safeKey, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** Any JSON object with safe keys. */
export const jsonObject: fc.Arbitrary<JsonObject> = fc.dictionary(
  safeKey,
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as JsonValue),
  { maxKeys: 5, noNullPrototype: true },
).filter((o) => !JSON.stringify(o).includes('"__proto__"'));
