import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prune, type Schema } from '../../../../src/cluster/apiserver/schema/index.ts';

const schema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer' },
        paused: { type: 'boolean', default: false },
        note: { type: 'string', nullable: true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        steps: { type: 'array', items: { type: 'object', properties: { setWeight: { type: 'integer' } } } },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'object', properties: { a: { type: 'string' } } } } },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: { spec: { type: 'object', properties: { image: { type: 'string' } } } },
        },
      },
    },
    status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
} as Schema;

interface Case {
  name: string;
  input: Record<string, unknown>;
  want: Record<string, unknown>;
  unknown: string[];
}

const base = { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'a', labels: { x: 'y' } } };

const cases: Case[] = [
  { name: 'known fields stay', input: { ...base, spec: { replicas: 3 } }, want: { ...base, spec: { replicas: 3 } }, unknown: [] },
  {
    name: 'unknown fields are dropped and reported with dotted paths',
    input: { ...base, spec: { replicas: 3, foo: 1, bar: { baz: 2 } }, top: true },
    want: { ...base, spec: { replicas: 3 } },
    unknown: ['spec.bar', 'spec.foo', 'top'],
  },
  {
    name: 'array items use [i] paths',
    input: { ...base, spec: { steps: [{ setWeight: 5 }, { setWeight: 10, pause: {} }] } },
    want: { ...base, spec: { steps: [{ setWeight: 5 }, { setWeight: 10 }] } },
    unknown: ['spec.steps[1].pause'],
  },
  {
    name: 'additionalProperties values are kept',
    input: { ...base, spec: { labels: { a: 'b', c: 'd' } } },
    want: { ...base, spec: { labels: { a: 'b', c: 'd' } } },
    unknown: [],
  },
  {
    name: 'preserve-unknown-fields keeps unknowns but prunes inside known properties',
    input: { ...base, spec: { extra: { anything: { deep: 1 }, known: { a: 'x', b: 'y' } } }, status: { whatever: [1, 2] } },
    want: { ...base, spec: { extra: { anything: { deep: 1 }, known: { a: 'x' } } }, status: { whatever: [1, 2] } },
    unknown: ['spec.extra.known.b'],
  },
  {
    name: 'embedded resources keep apiVersion, kind and metadata',
    input: { ...base, spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { image: 'nginx', cpu: 1 }, other: 1 } } },
    want: { ...base, spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { image: 'nginx' } } } },
    unknown: ['spec.template.other', 'spec.template.spec.cpu'],
  },
  {
    name: 'unknown ObjectMeta fields are dropped, root first then embedded',
    input: { ...base, metadata: { name: 'a', bogus: 1 }, spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: { labels: {}, nope: 2 } } } },
    want: { ...base, metadata: { name: 'a' }, spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: { labels: {} } } } },
    unknown: ['metadata.bogus', 'spec.template.metadata.nope'],
  },
  {
    name: 'nulls of non-nullable fields without default are dropped; nullable and defaulted nulls stay',
    input: { ...base, spec: { replicas: null, note: null, paused: null } },
    want: { ...base, spec: { note: null, paused: null } },
    unknown: [],
  },
];

for (const c of cases) {
  test(`prune: ${c.name}`, () => {
    const before = JSON.stringify(c.input);
    const result = prune(schema, c.input);
    assert.deepEqual(result.object, c.want);
    assert.deepEqual(result.unknownFields, c.unknown);
    assert.equal(JSON.stringify(c.input), before, 'input is not modified');
  });
}

test('prune: a whole-object preserve-unknown-fields schema keeps everything', () => {
  const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } as Schema;
  const obj = { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'n' }, spec: { anything: [{ a: 1 }] } };
  assert.deepEqual(prune(open, obj), { object: obj, unknownFields: [] });
});
