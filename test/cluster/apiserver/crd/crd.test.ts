import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1.js';
import { crdStatus, crdStatusConditions, crdToResourceTypes, defaultCrd, validateCrd } from '../../../../src/cluster/apiserver/crd/index.ts';

function rolloutsCrd(): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'rollouts.argoproj.io' },
    spec: {
      group: 'argoproj.io',
      scope: 'Namespaced',
      names: { plural: 'rollouts', singular: 'rollout', kind: 'Rollout', listKind: 'RolloutList', shortNames: ['ro'] },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } as never } } },
          subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' } },
          additionalPrinterColumns: [{ name: 'Desired', type: 'integer', jsonPath: '.spec.replicas', description: 'Number of desired pods' }],
          selectableFields: [{ jsonPath: '.spec.strategy.name' }],
        },
      ],
    },
  };
}

function lines(crd: CustomResourceDefinition): string[] {
  return validateCrd(crd).map((c) => `${c.field}: ${c.message}`);
}

function mutate(fn: (crd: CustomResourceDefinition) => void): CustomResourceDefinition {
  const crd = rolloutsCrd();
  fn(crd);
  return crd;
}

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

interface Case {
  name: string;
  crd: CustomResourceDefinition;
  want: string[];
}

const cases: Case[] = [
  { name: 'valid', crd: rolloutsCrd(), want: [] },
  {
    name: 'name must be plural.group',
    crd: mutate((c) => (c.metadata = { name: 'rollout.argoproj.io' })),
    want: ['metadata.name: Invalid value: "rollout.argoproj.io": must be spec.names.plural+"."+spec.group'],
  },
  {
    name: 'missing group',
    crd: mutate((c) => (c.spec.group = '')),
    want: ['metadata.name: Invalid value: "rollouts.argoproj.io": must be spec.names.plural+"."+spec.group', 'spec.group: Required value'],
  },
  {
    name: 'group without a dot',
    crd: mutate((c) => {
      c.spec.group = 'argoproj';
      c.metadata = { name: 'rollouts.argoproj' };
    }),
    want: ['spec.group: Invalid value: "argoproj": should be a domain with at least one dot'],
  },
  { name: 'missing scope', crd: mutate((c) => (c.spec.scope = '')), want: ['spec.scope: Required value'] },
  {
    name: 'bad scope',
    crd: mutate((c) => (c.spec.scope = 'Global')),
    want: ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"'],
  },
  {
    name: 'no versions',
    crd: mutate((c) => (c.spec.versions = [])),
    want: ['spec.versions: Required value: must have exactly one version marked as storage version'],
  },
  {
    name: 'two storage versions',
    crd: mutate((c) => c.spec.versions.push({ ...c.spec.versions[0]!, name: 'v1' })),
    want: ['spec.versions: Invalid value: []interface {}{"v1alpha1", "v1"}: must have exactly one version marked as storage version'],
  },
  {
    name: 'no served version',
    crd: mutate((c) => (c.spec.versions[0]!.served = false)),
    want: ['spec.versions: Invalid value: []interface {}{"v1alpha1"}: must have at least one version marked as served'],
  },
  {
    name: 'duplicate version names',
    crd: mutate((c) => c.spec.versions.push({ ...c.spec.versions[0]!, storage: false })),
    want: ['spec.versions: Invalid value: []interface {}{"v1alpha1", "v1alpha1"}: must contain unique version names'],
  },
  {
    name: 'v1 requires a schema',
    crd: mutate((c) => delete c.spec.versions[0]!.schema),
    want: ['spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required'],
  },
  {
    name: 'schema root must be an object',
    crd: mutate((c) => (c.spec.versions[0]!.schema = { openAPIV3Schema: { type: 'string' } })),
    want: ['spec.versions[0].schema.openAPIV3Schema.type: Unsupported value: "string": supported values: "object"'],
  },
  {
    name: 'specified fields need a type',
    crd: mutate((c) => (c.spec.versions[0]!.schema = { openAPIV3Schema: { type: 'object', properties: { spec: { properties: { x: { type: 'array' } } } } } })),
    want: [
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[x].items: Required value: must be specified',
    ],
  },
  {
    name: 'served must be set',
    crd: mutate((c) => delete (c.spec.versions[0] as { served?: boolean }).served),
    want: ['spec.versions[0].served: Required value', 'spec.versions: Invalid value: []interface {}{"v1alpha1"}: must have at least one version marked as served'],
  },
  {
    name: 'names',
    crd: mutate((c) => {
      c.spec.names = { plural: 'Rollouts', singular: 'rollout', kind: 'Roll_out', listKind: 'Roll_out', shortNames: ['r o'] };
      c.metadata = { name: 'Rollouts.argoproj.io' };
    }),
    want: [
      "metadata.name: Invalid value: \"Rollouts.argoproj.io\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      `spec.names.plural: Invalid value: "Rollouts": ${DNS1035}`,
      `spec.names.kind: Invalid value: "Roll_out": may have mixed case, but should otherwise match: ${DNS1035}`,
      `spec.names.listKind: Invalid value: "Roll_out": may have mixed case, but should otherwise match: ${DNS1035}`,
      `spec.names.shortNames[0]: Invalid value: "r o": ${DNS1035}`,
      'spec.names.listKind: Invalid value: "Roll_out": kind and listKind may not be the same',
    ],
  },
  {
    name: 'missing plural and kind',
    crd: mutate((c) => {
      c.spec.names = { plural: '', kind: '' };
      c.metadata = { name: '.argoproj.io' };
    }),
    want: [
      "metadata.name: Invalid value: \".argoproj.io\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'spec.names.plural: Required value',
      'spec.names.kind: Required value',
    ],
  },
];

for (const c of cases) {
  test(`validateCrd: ${c.name}`, () => {
    assert.deepEqual(lines(c.crd), c.want);
  });
}

test('validateCrd: a plural served by someone else is reported', () => {
  const causes = validateCrd(rolloutsCrd(), (group, plural) => group === 'argoproj.io' && plural === 'rollouts');
  assert.deepEqual(
    causes.map((c) => `${c.field}: ${c.message}`),
    ['spec.names.plural: Invalid value: "rollouts": "rollouts.argoproj.io" is already in use'],
  );
});

test('defaultCrd: singular, listKind and conversion', () => {
  const crd = mutate((c) => (c.spec.names = { plural: 'rollouts', kind: 'Rollout' }));
  const d = defaultCrd(crd);
  assert.equal(d.spec.names.singular, 'rollout');
  assert.equal(d.spec.names.listKind, 'RolloutList');
  assert.deepEqual(d.spec.conversion, { strategy: 'None' });
  assert.equal(crd.spec.names.singular, undefined, 'input is not modified');
});

test('crdToResourceTypes: one type for all served versions, subresources and columns from the storage version', () => {
  const crd = mutate((c) => c.spec.versions.unshift({ name: 'v1beta1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } }));
  const [rt, ...rest] = crdToResourceTypes(crd);
  assert.equal(rest.length, 0);
  assert.ok(rt);
  assert.equal(rt.group, 'argoproj.io');
  assert.equal(rt.version, 'v1alpha1');
  assert.deepEqual(rt.versions, ['v1beta1', 'v1alpha1']);
  assert.equal(rt.resource, 'rollouts');
  assert.equal(rt.kind, 'Rollout');
  assert.equal(rt.listKind, 'RolloutList');
  assert.equal(rt.singular, 'rollout');
  assert.equal(rt.namespaced, true);
  assert.deepEqual(rt.shortNames, ['ro']);
  assert.equal(rt.statusSubresource, true);
  assert.deepEqual(rt.scale, { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' });
  assert.deepEqual(rt.printerColumns, [{ name: 'Desired', type: 'integer', jsonPath: '.spec.replicas', description: 'Number of desired pods' }]);
  assert.deepEqual(rt.schema, crd.spec.versions[1]!.schema!.openAPIV3Schema);
  assert.equal(rt.crdName, 'rollouts.argoproj.io');
  assert.deepEqual(rt.verbs, ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch']);
  const selector = rt.selectableFields?.['spec.strategy.name'];
  assert.ok(selector);
  assert.equal(selector({ metadata: {}, spec: { strategy: { name: 'canary' } } }), 'canary');
});

test('crdToResourceTypes: Age is the column when none is declared; cluster scope; no status subresource', () => {
  const crd = mutate((c) => {
    c.spec.scope = 'Cluster';
    delete c.spec.versions[0]!.additionalPrinterColumns;
    delete c.spec.versions[0]!.subresources;
  });
  const [rt] = crdToResourceTypes(crd);
  assert.ok(rt);
  assert.deepEqual(
    rt.printerColumns?.map((c) => [c.name, c.type, c.jsonPath]),
    [['Age', 'date', '.metadata.creationTimestamp']],
  );
  assert.equal(rt.namespaced, false);
  assert.equal(rt.statusSubresource, false);
  assert.equal(rt.scale, undefined);
});

test('crdToResourceTypes: nothing is served without a served version', () => {
  assert.deepEqual(crdToResourceTypes(mutate((c) => (c.spec.versions[0]!.served = false))), []);
});

test('crdStatus: Established and NamesAccepted, acceptedNames, storedVersions', () => {
  const now = new Date('2026-01-02T03:04:05.678Z');
  const status = crdStatus(mutate((c) => (c.spec.names = { plural: 'rollouts', kind: 'Rollout' })), { storedVersions: ['v1alpha0'] }, { now });
  assert.deepEqual(status, {
    conditions: [
      { type: 'NamesAccepted', status: 'True', lastTransitionTime: '2026-01-02T03:04:05Z', reason: 'NoConflicts', message: 'no conflicts found' },
      { type: 'Established', status: 'True', lastTransitionTime: '2026-01-02T03:04:05Z', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
    ],
    acceptedNames: { plural: 'rollouts', singular: 'rollout', kind: 'Rollout', listKind: 'RolloutList' },
    storedVersions: ['v1alpha0', 'v1alpha1'],
  });
});

test('crdStatusConditions: transition times survive while the status holds; conflicts are not established', () => {
  const first = crdStatusConditions(rolloutsCrd(), undefined, { now: new Date('2026-01-01T00:00:00Z') });
  const again = crdStatusConditions(rolloutsCrd(), first, { now: new Date('2026-02-01T00:00:00Z') });
  assert.deepEqual(again, first);
  const conflict = crdStatusConditions(rolloutsCrd(), first, { now: new Date('2026-03-01T00:00:00Z'), nameConflict: '"rollouts" is already in use' });
  assert.deepEqual(
    conflict.map((c) => [c.type, c.status, c.reason, c.message, c.lastTransitionTime]),
    [
      ['NamesAccepted', 'False', 'NameConflict', '"rollouts" is already in use', '2026-03-01T00:00:00Z'],
      ['Established', 'False', 'NotAccepted', 'not all names are accepted', '2026-03-01T00:00:00Z'],
    ],
  );
});
