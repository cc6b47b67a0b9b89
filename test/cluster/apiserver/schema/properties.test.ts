import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyDefaults, prune, validate, type Schema } from '../../../../src/cluster/apiserver/schema/index.ts';

const json = fc.jsonValue({ maxDepth: 4 });

const scalarKeywords = {
  type: fc.constantFrom('object', 'array', 'string', 'integer', 'number', 'boolean', 'bogus'),
  nullable: fc.boolean(),
  format: fc.constantFrom('int32', 'int64', 'date-time', 'byte', 'uuid', 'quantity', 'nope'),
  enum: fc.array(json, { maxLength: 3 }),
  default: json,
  minimum: fc.double(),
  maximum: fc.integer(),
  exclusiveMaximum: fc.boolean(),
  multipleOf: fc.oneof(fc.double(), fc.integer()),
  minLength: fc.nat(5),
  maxLength: fc.nat(5),
  pattern: fc.constantFrom('^[a-z]+$', '(', '\\d', '[[:alpha:]]'),
  minItems: fc.nat(3),
  maxItems: fc.nat(3),
  uniqueItems: fc.boolean(),
  minProperties: fc.nat(3),
  maxProperties: fc.nat(3),
  required: fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  'x-kubernetes-int-or-string': fc.boolean(),
  'x-kubernetes-preserve-unknown-fields': fc.boolean(),
  'x-kubernetes-embedded-resource': fc.boolean(),
  'x-kubernetes-list-type': fc.constantFrom('atomic', 'set', 'map'),
  'x-kubernetes-list-map-keys': fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
};

/** Keywords with the wrong JSON type must not crash either. */
const malformed = fc.dictionary(
  fc.constantFrom('type', 'properties', 'items', 'required', 'enum', 'additionalProperties', 'anyOf', 'maxLength', 'pattern', 'default'),
  json,
  { maxKeys: 4 },
) as fc.Arbitrary<Schema>;

const leaf = fc.record(scalarKeywords, { requiredKeys: [] }) as fc.Arbitrary<Schema>;

/** Small schemas of bounded depth, mostly well-formed but with arbitrary keyword values mixed in. */
function schemaOfDepth(depth: number): fc.Arbitrary<Schema> {
  if (depth === 0) return fc.oneof(leaf, malformed);
  const sub = schemaOfDepth(depth - 1);
  const nested = fc.record(
    {
      ...scalarKeywords,
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'spec', 'metadata', 'kind'), sub, { maxKeys: 2 }),
      additionalProperties: fc.oneof(fc.boolean(), sub),
      items: fc.oneof(sub, fc.array(sub, { maxLength: 2 })),
      allOf: fc.array(sub, { maxLength: 2 }),
      anyOf: fc.array(sub, { maxLength: 2 }),
      oneOf: fc.array(sub, { maxLength: 2 }),
      not: sub,
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Schema>;
  return fc.oneof(leaf, malformed, nested);
}

const schema = schemaOfDepth(3);

test('validate, prune and applyDefaults never throw on arbitrary JSON against arbitrary small schemas', () => {
  fc.assert(
    fc.property(schema, json, (s, value) => {
      const causes = validate(s, value);
      assert.ok(Array.isArray(causes));
      for (const c of causes) assert.ok(typeof c.message === 'string' && typeof c.reason === 'string');
      const pruned = prune(s, value);
      assert.ok(Array.isArray(pruned.unknownFields));
      applyDefaults(s, pruned.object);
    }),
    { numRuns: 1000 },
  );
});

test('pruning is idempotent and a pruned object has no unknown fields left', () => {
  fc.assert(
    fc.property(schema, json, (s, value) => {
      const once = prune(s, value);
      const twice = prune(s, once.object);
      assert.deepEqual(twice.object, once.object);
      assert.deepEqual(twice.unknownFields, []);
    }),
    { numRuns: 500 },
  );
});
