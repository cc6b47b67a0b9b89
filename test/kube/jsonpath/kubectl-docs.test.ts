/**
 * The template forms of the kubectl JSONPath reference page, re-authored against our own data
 * (a list of Rollouts and a kubeconfig-like users list) with our own expected output.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonPath, printJsonPath } from '../../../src/kube/jsonpath/index.ts';

const data = {
  kind: 'List',
  apiVersion: 'v1',
  items: [
    {
      kind: 'Rollout',
      metadata: { name: 'checkout', labels: { app: 'checkout' } },
      spec: { replicas: 4 },
      status: {
        phase: 'Healthy',
        capacity: { pods: '4' },
        conditions: [
          { type: 'Available', status: 'True' },
          { type: 'Progressing', status: 'True' },
        ],
      },
    },
    {
      kind: 'Rollout',
      metadata: { name: 'payments', labels: { app: 'payments', tier: 'backend' } },
      spec: { replicas: 2 },
      status: {
        phase: 'Paused',
        capacity: { pods: '2' },
        conditions: [{ type: 'Available', status: 'False' }],
      },
    },
  ],
  users: [
    { name: 'ops', user: {} },
    { name: 'ci', user: { username: 'robot', password: 's3cr3t' } },
  ],
};

const cases: Array<[string, string, string]> = [
  ['the root object, written $ or left out', '{$.kind}', 'List'],
  ['a child with dot notation', '{.kind}', 'List'],
  ['a child with bracket notation', "{['kind']}", 'List'],
  ['recursive descent', '{..name}', 'checkout payments ops ci'],
  ['wildcard over a list', '{.items[*].metadata.name}', 'checkout payments'],
  ['subscript', '{.items[0].metadata.name}', 'checkout'],
  ['negative subscript', '{.items[-1].metadata.name}', 'payments'],
  ['slice from the end', '{.items[-1:].metadata.name}', 'payments'],
  ['slice', '{.items[0:1].metadata.name}', 'checkout'],
  ['union of subscripts', '{.users[0,1].name}', 'ops ci'],
  ['filter', '{.users[?(@.name=="ci")].user.password}', 's3cr3t'],
  ['filter with a nested path', '{.items[*].status.conditions[?(@.type=="Available")].status}', 'True False'],
  ['a map prints as JSON', '{.items[0].status.capacity}', '{"pods":"4"}'],
  ['range over items', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[checkout, {"pods":"4"}] [payments, {"pods":"2"}] '],
  [
    'union of single-quoted paths (a dotted single-quoted key is a path, as in client-go)',
    "{.items[*]['metadata.name', 'status.capacity']}",
    'checkout payments {"pods":"4"} {"pods":"2"}',
  ],
  ['quoted strings and tabs between fields', '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'checkout\tHealthy\npayments\tPaused\n'],
  ['literal text around actions', 'kind={.kind}!', 'kind=List!'],
  ['numbers print as integers', '{.items[*].spec.replicas}', '4 2'],
  ['a list prints as JSON', '{.items[1].metadata.labels}', '{"app":"payments","tier":"backend"}'],
];

describe('kubectl JSONPath documentation examples', () => {
  for (const [what, template, want] of cases) {
    it(`${what}: ${template}`, () => {
      assert.equal(printJsonPath(parseJsonPath(template), data), want);
    });
  }

  it('a template of only text prints the text', () => {
    assert.equal(printJsonPath(parseJsonPath('no actions here'), data), 'no actions here');
  });
});
