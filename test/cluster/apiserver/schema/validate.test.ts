import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, type Schema } from '../../../../src/cluster/apiserver/schema/index.ts';

/** A root schema whose `spec` has one property `x` with the given schema. */
function specWith(x: Schema, extra: Partial<Schema> = {}): Schema {
  return {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: { type: 'object', properties: { x }, ...extra },
    },
  };
}

/** "field: message" lines, the way the apiserver joins causes into its Invalid message. */
function lines(schema: Schema, obj: unknown): string[] {
  return validate(schema, obj).map((c) => `${c.field}: ${c.message}`);
}

interface Case {
  name: string;
  schema: Schema;
  value: unknown;
  want: string[];
}

const intOrString: Schema = { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] } as Schema;

const cases: Case[] = [
  { name: 'integer ok', schema: { type: 'integer' }, value: 3, want: [] },
  {
    name: 'string for integer',
    schema: { type: 'integer' },
    value: 'string',
    want: ['spec.x: Invalid value: "string": spec.x in body must be of type integer: "string"'],
  },
  {
    name: 'the quoted word is the JSON type found, not the value',
    schema: { type: 'integer' },
    value: 'three',
    want: ['spec.x: Invalid value: "string": spec.x in body must be of type integer: "string"'],
  },
  {
    name: 'float for integer',
    schema: { type: 'integer' },
    value: 1.5,
    want: ['spec.x: Invalid value: "number": spec.x in body must be of type integer: "number"'],
  },
  { name: 'integer for number', schema: { type: 'number' }, value: 2, want: [] },
  {
    name: 'object for string',
    schema: { type: 'string' },
    value: { a: 1 },
    want: ['spec.x: Invalid value: "object": spec.x in body must be of type string: "object"'],
  },
  {
    name: 'array for object',
    schema: { type: 'object' },
    value: [],
    want: ['spec.x: Invalid value: "array": spec.x in body must be of type object: "array"'],
  },
  {
    name: 'boolean for string',
    schema: { type: 'string' },
    value: true,
    want: ['spec.x: Invalid value: "boolean": spec.x in body must be of type string: "boolean"'],
  },
  {
    name: 'null for non-nullable',
    schema: { type: 'string' },
    value: null,
    want: ['spec.x: Invalid value: "null": spec.x in body must be of type string: "null"'],
  },
  { name: 'null for nullable', schema: { type: 'string', nullable: true }, value: null, want: [] },
  { name: 'int-or-string int', schema: intOrString, value: 8080, want: [] },
  { name: 'int-or-string string', schema: intOrString, value: '25%', want: [] },
  {
    name: 'int-or-string boolean',
    schema: intOrString,
    value: true,
    want: [
      'spec.x: Invalid value: "boolean": spec.x in body must be of type integer,string: "boolean"',
      '<nil>: Invalid value: "": "spec.x" must validate at least one schema (anyOf)',
      'spec.x: Invalid value: "boolean": spec.x in body must be of type integer: "boolean"',
    ],
  },
  {
    name: 'enum',
    schema: { type: 'string', enum: ['b', 'c'] },
    value: 'a',
    want: ['spec.x: Unsupported value: "a": supported values: "b", "c"'],
  },
  {
    name: 'numeric enum',
    schema: { type: 'integer', enum: [1, 2] },
    value: 3,
    want: ['spec.x: Unsupported value: 3: supported values: "1", "2"'],
  },
  { name: 'enum ok', schema: { type: 'string', enum: ['b', 'c'] }, value: 'c', want: [] },
  {
    name: 'maximum',
    schema: { type: 'integer', maximum: 10 },
    value: 20,
    want: ['spec.x: Invalid value: 20: spec.x in body should be less than or equal to 10'],
  },
  {
    name: 'exclusive maximum',
    schema: { type: 'integer', maximum: 10, exclusiveMaximum: true },
    value: 10,
    want: ['spec.x: Invalid value: 10: spec.x in body should be less than 10'],
  },
  {
    name: 'minimum',
    schema: { type: 'integer', minimum: 0 },
    value: -1,
    want: ['spec.x: Invalid value: -1: spec.x in body should be greater than or equal to 0'],
  },
  {
    name: 'exclusive minimum on a float',
    schema: { type: 'number', minimum: 0.5, exclusiveMinimum: true },
    value: 0.5,
    want: ['spec.x: Invalid value: 0.5: spec.x in body should be greater than 0.5'],
  },
  {
    name: 'multipleOf',
    schema: { type: 'integer', multipleOf: 5 },
    value: 7,
    want: ['spec.x: Invalid value: 7: spec.x in body should be a multiple of 5'],
  },
  { name: 'float multipleOf ok', schema: { type: 'number', multipleOf: 0.1 }, value: 0.3, want: [] },
  {
    name: 'maxLength',
    schema: { type: 'string', maxLength: 3 },
    value: 'abcd',
    want: ['spec.x: Too long: may not be more than 3 bytes'],
  },
  { name: 'maxLength counts characters', schema: { type: 'string', maxLength: 2 }, value: 'éé', want: [] },
  {
    name: 'minLength',
    schema: { type: 'string', minLength: 3 },
    value: 'ab',
    want: ['spec.x: Invalid value: "ab": spec.x in body should be at least 3 chars long'],
  },
  {
    name: 'pattern',
    schema: { type: 'string', pattern: '^[a-z]+$' },
    value: 'ABC',
    want: ["spec.x: Invalid value: \"ABC\": spec.x in body should match '^[a-z]+$'"],
  },
  {
    name: 'only the first string failure is reported',
    schema: { type: 'string', maxLength: 2, pattern: '^[a-z]+$' },
    value: 'ABC',
    want: ['spec.x: Too long: may not be more than 2 bytes'],
  },
  {
    name: 'date-time',
    schema: { type: 'string', format: 'date-time' },
    value: 'yesterday',
    want: ['spec.x: Invalid value: "yesterday": spec.x in body must be of type date-time: "yesterday"'],
  },
  { name: 'date-time ok', schema: { type: 'string', format: 'date-time' }, value: '2024-02-29T10:00:00Z', want: [] },
  {
    name: 'byte',
    schema: { type: 'string', format: 'byte' },
    value: 'not base64!',
    want: ['spec.x: Invalid value: "not base64!": spec.x in body must be of type byte: "not base64!"'],
  },
  { name: 'unknown formats are ignored', schema: { type: 'string', format: 'rollout-name' }, value: '!!', want: [] },
  { name: 'int32 range is not enforced (as on a real cluster)', schema: { type: 'integer', format: 'int32' }, value: 2 ** 40, want: [] },
  {
    name: 'format of a non-matching numeric type',
    schema: { type: 'integer', format: 'int32' },
    value: 1.5,
    want: ['spec.x: Invalid value: "float64": spec.x in body must be of type int32: "float64"'],
  },
  {
    name: 'minItems',
    schema: { type: 'array', minItems: 2, items: { type: 'string' } },
    value: ['a'],
    want: ['spec.x: Invalid value: 1: spec.x in body should have at least 2 items'],
  },
  {
    name: 'maxItems',
    schema: { type: 'array', maxItems: 2, items: { type: 'string' } },
    value: ['a', 'b', 'c'],
    want: ['spec.x: Too many: 3: must have at most 2 items'],
  },
  {
    name: 'uniqueItems',
    schema: { type: 'array', uniqueItems: true, items: { type: 'string' } },
    value: ['a', 'a'],
    want: ['spec.x: Invalid value: "": spec.x in body shouldn\'t contain duplicates'],
  },
  {
    name: 'items are checked with [i] paths',
    schema: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, port: { type: 'integer' } } } },
    value: [{ name: 'a' }, { port: 'http' }],
    want: [
      'spec.x[1].port: Invalid value: "string": spec.x[1].port in body must be of type integer: "string"',
      'spec.x[1].name: Required value',
    ],
  },
  {
    name: 'minProperties',
    schema: { type: 'object', minProperties: 2 },
    value: { a: 1 },
    want: ['spec.x: Invalid value: 1: spec.x in body should have at least 2 properties'],
  },
  {
    name: 'maxProperties',
    schema: { type: 'object', maxProperties: 1, additionalProperties: { type: 'string' } },
    value: { a: 'x', b: 'y' },
    want: ['spec.x: Too many: 2: must have at most 1 item'],
  },
  {
    name: 'additionalProperties schema',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    value: { a: 'x', b: 2 },
    want: ['spec.x.b: Invalid value: "integer": spec.x.b in body must be of type string: "integer"'],
  },
  {
    name: 'allOf',
    schema: { type: 'object', allOf: [{ required: ['a'] }, { required: ['b'] }] },
    value: { a: 1 },
    want: ['spec.x.b: Required value', '<nil>: Invalid value: "": "spec.x" must validate all the schemas (allOf)'],
  },
  {
    name: 'oneOf none valid',
    schema: { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] },
    value: {},
    want: ['<nil>: Invalid value: "": "spec.x" must validate one and only one schema (oneOf). Found none valid', 'spec.x.a: Required value'],
  },
  {
    name: 'oneOf two valid',
    schema: { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] },
    value: { a: 1, b: 2 },
    want: ['<nil>: Invalid value: "": "spec.x" must validate one and only one schema (oneOf). Found 2 valid alternatives'],
  },
  { name: 'oneOf exactly one', schema: { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] }, value: { b: 1 }, want: [] },
  {
    name: 'not',
    schema: { type: 'object', not: { required: ['a'] } },
    value: { a: 1 },
    want: ['<nil>: Invalid value: "": "spec.x" must not validate the schema (not)'],
  },
  {
    name: 'list-type set',
    schema: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' } as Schema,
    value: ['a', 'b', 'a', 'a'],
    want: ['spec.x[2]: Duplicate value: "a"'],
  },
  {
    name: 'list-type map with one key',
    schema: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, port: { type: 'integer' } } },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    } as Schema,
    value: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }],
    want: ['spec.x[1]: Duplicate value: map[string]interface {}{"name":"http"}'],
  },
  {
    name: 'list-type map with two keys',
    schema: {
      type: 'array',
      items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string' } } },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
    } as Schema,
    value: [{ port: 80, protocol: 'TCP' }, { port: 80, protocol: 'UDP' }, { protocol: 'TCP', port: 80 }],
    want: ['spec.x[2]: Duplicate value: map[string]interface {}{"port":80, "protocol":"TCP"}'],
  },
];

for (const c of cases) {
  test(`validate: ${c.name}`, () => {
    assert.deepEqual(lines(specWith(c.schema), { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'a' }, spec: { x: c.value } }), c.want);
  });
}

test('validate: required fields and cause reasons', () => {
  const schema = specWith({ type: 'string' }, { required: ['strategy'] });
  assert.deepEqual(validate(schema, { spec: {} }), [{ reason: 'FieldValueRequired', field: 'spec.strategy', message: 'Required value' }]);
  const required = { type: 'object', required: ['spec'], properties: { spec: { type: 'object' } } } as Schema;
  assert.deepEqual(lines(required, { metadata: {} }), ['spec: Required value']);
});

test('validate: reasons match apimachinery cause types', () => {
  const reasons = (schema: Schema, value: unknown): string[] => validate(specWith(schema), { spec: { x: value } }).map((c) => c.reason);
  assert.deepEqual(reasons({ type: 'integer' }, 'a'), ['FieldValueTypeInvalid']);
  assert.deepEqual(reasons({ type: 'string', enum: ['a'] }, 'b'), ['FieldValueNotSupported']);
  assert.deepEqual(reasons({ type: 'string', maxLength: 1 }, 'ab'), ['FieldValueTooLong']);
  assert.deepEqual(reasons({ type: 'array', maxItems: 0 }, [1]), ['FieldValueTooMany']);
  assert.deepEqual(reasons({ type: 'integer', minimum: 1 }, 0), ['FieldValueInvalid']);
  assert.deepEqual(reasons({ type: 'array', 'x-kubernetes-list-type': 'set' } as Schema, [1, 1]), ['FieldValueDuplicate']);
});

test('validate: embedded resources need apiVersion and kind', () => {
  const schema = specWith({ type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } as Schema);
  assert.deepEqual(lines(schema, { spec: { x: { metadata: {} } } }), [
    'spec.x.apiVersion: Required value: must not be empty',
    'spec.x.kind: Required value: must not be empty',
  ]);
  assert.deepEqual(lines(schema, { spec: { x: { apiVersion: 'v1', kind: 'Pod' } } }), []);
});

test('validate: list-type checks reach additionalProperties values with [key] paths', () => {
  const schema = specWith({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
  } as Schema);
  assert.deepEqual(lines(schema, { spec: { x: { k: ['a', 'a'] } } }), ['spec.x[k][1]: Duplicate value: "a"']);
});

test('validate: does not modify its input', () => {
  const obj = { spec: { x: [{ name: 'a' }] } };
  const before = JSON.stringify(obj);
  validate(specWith({ type: 'array', items: { type: 'object', properties: { name: { type: 'string', default: 'z' } } } }), obj);
  assert.equal(JSON.stringify(obj), before);
});
