import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, type Schema } from '../../../../src/cluster/apiserver/schema/index.ts';

const schema: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      default: {},
      properties: {
        replicas: { type: 'integer', default: 1 },
        strategy: {
          type: 'object',
          properties: { canary: { type: 'object', default: { maxSurge: '25%' }, properties: { maxSurge: { 'x-kubernetes-int-or-string': true } as Schema, maxUnavailable: { type: 'integer', default: 0 } } } },
        },
        options: { type: 'object', properties: { mode: { type: 'string', nullable: true, default: 'auto' } } },
        ports: { type: 'array', items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } } },
        names: { type: 'array', items: { type: 'string', default: 'x' } },
        limits: { type: 'object', additionalProperties: { type: 'object', properties: { unit: { type: 'string', default: 'm' } } } },
      },
    },
  },
};

interface Case {
  name: string;
  input: unknown;
  want: unknown;
}

const cases: Case[] = [
  { name: 'missing parent gets its default, then defaults inside it', input: {}, want: { spec: { replicas: 1 } } },
  { name: 'present values win', input: { spec: { replicas: 3 } }, want: { spec: { replicas: 3 } } },
  { name: 'null non-nullable is defaulted', input: { spec: { replicas: null } }, want: { spec: { replicas: 1 } } },
  { name: 'null nullable is kept even with a default', input: { spec: { options: { mode: null } } }, want: { spec: { options: { mode: null }, replicas: 1 } } },
  {
    name: 'object defaults are defaulted recursively',
    input: { spec: { strategy: {} } },
    want: { spec: { replicas: 1, strategy: { canary: { maxSurge: '25%', maxUnavailable: 0 } } } },
  },
  {
    name: 'array items',
    input: { spec: { ports: [{}, { protocol: 'UDP' }] } },
    want: { spec: { replicas: 1, ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }] } },
  },
  { name: 'null array items of a defaulted item schema', input: { spec: { names: ['a', null] } }, want: { spec: { replicas: 1, names: ['a', 'x'] } } },
  {
    name: 'additionalProperties values',
    input: { spec: { limits: { cpu: {}, mem: { unit: 'Mi' } } } },
    want: { spec: { replicas: 1, limits: { cpu: { unit: 'm' }, mem: { unit: 'Mi' } } } },
  },
];

for (const c of cases) {
  test(`applyDefaults: ${c.name}`, () => {
    const before = JSON.stringify(c.input);
    assert.deepEqual(applyDefaults(schema, c.input), c.want);
    assert.equal(JSON.stringify(c.input), before, 'input is not modified');
  });
}

test('applyDefaults: defaults are copies, not shared references', () => {
  const a = applyDefaults(schema, { spec: { strategy: {} } }) as { spec: { strategy: { canary: { maxSurge: string } } } };
  a.spec.strategy.canary.maxSurge = 'changed';
  const b = applyDefaults(schema, { spec: { strategy: {} } }) as { spec: { strategy: { canary: { maxSurge: string } } } };
  assert.equal(b.spec.strategy.canary.maxSurge, '25%');
});
