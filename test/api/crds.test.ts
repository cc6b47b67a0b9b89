import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderCrdManifests } from '../../src/api/crd-manifests.ts';
import { buildCustomResourceDefinitions, CRD_DEFINITIONS } from '../../src/api/crds.ts';
import type { Schema } from '../../src/api/schema/builders.ts';

const root = join(import.meta.dirname, '..', '..');

test('committed manifests/crds equal a fresh generation (run scripts/gen-crds.ts)', () => {
  for (const [file, text] of renderCrdManifests()) {
    const committed = readFileSync(join(root, 'manifests', 'crds', file), 'utf8');
    assert.equal(committed, text, `manifests/crds/${file} is stale`);
  }
});

test('CRD names, short names and scope match Argo', () => {
  const summary = CRD_DEFINITIONS.map((d) => [d.kind, d.plural, d.shortNames.join(','), d.scope]);
  assert.deepEqual(summary, [
    ['Rollout', 'rollouts', 'ro', 'Namespaced'],
    ['AnalysisTemplate', 'analysistemplates', 'at', 'Namespaced'],
    ['ClusterAnalysisTemplate', 'clusteranalysistemplates', 'cat', 'Cluster'],
    ['AnalysisRun', 'analysisruns', 'ar', 'Namespaced'],
    ['Experiment', 'experiments', 'exp', 'Namespaced'],
  ]);
});

test('Rollout CRD has status and scale subresources and Argo printer columns', () => {
  const [ro] = buildCustomResourceDefinitions();
  const crd = parse(JSON.stringify(ro)) as { metadata: { name: string }; spec: { versions: Array<Record<string, unknown>> } };
  assert.equal(crd.metadata.name, 'rollouts.argoproj.io');
  const v = crd.spec.versions[0] as { subresources: unknown; additionalPrinterColumns: Array<{ name: string; jsonPath: string }> };
  assert.deepEqual(v.subresources, {
    scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' },
    status: {},
  });
  assert.deepEqual(
    v.additionalPrinterColumns.map((c) => [c.name, c.jsonPath]),
    [
      ['Desired', '.spec.replicas'],
      ['Current', '.status.replicas'],
      ['Up-to-date', '.status.updatedReplicas'],
      ['Available', '.status.availableReplicas'],
      ['Age', '.metadata.creationTimestamp'],
    ],
  );
});

test('AnalysisRun and Experiment print Status and Age', () => {
  for (const kind of ['AnalysisRun', 'Experiment']) {
    const def = CRD_DEFINITIONS.find((d) => d.kind === kind);
    assert.deepEqual(def?.printerColumns.map((c) => [c.name, c.jsonPath]), [
      ['Status', '.status.phase'],
      ['Age', '.metadata.creationTimestamp'],
    ]);
  }
});

/** Structural schema rules: every node typed (or int-or-string / preserve-unknown), items and properties recursive. */
function structuralProblems(s: Schema, path: string, out: string[]): void {
  const typed = s.type !== undefined || s['x-kubernetes-int-or-string'] || s['x-kubernetes-preserve-unknown-fields'];
  if (!typed) out.push(`${path}: no type`);
  if (s.type === 'array' && !s.items) out.push(`${path}: array without items`);
  if (s.anyOf && !s['x-kubernetes-int-or-string']) out.push(`${path}: anyOf outside int-or-string`);
  for (const [k, v] of Object.entries(s.properties ?? {})) structuralProblems(v, `${path}.${k}`, out);
  if (s.items) structuralProblems(s.items, `${path}[]`, out);
  if (typeof s.additionalProperties === 'object') structuralProblems(s.additionalProperties, `${path}{}`, out);
}

test('schemas are structural', () => {
  for (const def of CRD_DEFINITIONS) {
    const problems: string[] = [];
    structuralProblems(def.schema, def.kind, problems);
    assert.deepEqual(problems, [], def.kind);
  }
});

test('Rollout schema describes every status field with Argo JSON names', () => {
  const status = CRD_DEFINITIONS[0]?.schema.properties?.['status']?.properties ?? {};
  for (const f of ['HPAReplicas', 'observedGeneration', 'stableRS', 'currentPodHash', 'currentStepHash', 'currentStepIndex', 'pauseConditions', 'controllerPause', 'abort', 'abortedAt', 'promoteFull', 'phase', 'message', 'selector', 'canary', 'blueGreen', 'conditions', 'restartedAt', 'workloadObservedGeneration', 'alb', 'albs']) {
    assert.ok(f in status, f);
  }
  assert.equal(status['observedGeneration']?.type, 'string');
  const spec = CRD_DEFINITIONS[0]?.schema.properties?.['spec']?.properties ?? {};
  assert.equal(spec['template']?.properties?.['spec']?.['x-kubernetes-preserve-unknown-fields'], true);
  assert.deepEqual(spec['selector']?.['x-kubernetes-validations'], [{ rule: 'self == oldSelf', message: '.spec.selector is immutable' }]);
});
