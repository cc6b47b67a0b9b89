/** `lint -f`: valid files pass silently; invalid ones print Argo's lines and name the field. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lintText } from '../../src/cli/lint/lint.ts';
import { runInProcess } from './cli-harness.ts';

const DIR = path.join(import.meta.dirname, 'fixtures/lint');

for (const file of fs.readdirSync(DIR).filter((f) => f.startsWith('valid'))) {
  test(`lint accepts ${file}`, async () => {
    const r = await runInProcess(['lint', '-f', path.join(DIR, file)]);
    assert.deepEqual(r, { stdout: '', stderr: '', code: 0 });
  });
}

const INVALID: Record<string, { stderr: string; stdout?: string }> = {
  'invalid-maxsurge.yml': {
    stdout: 'Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero\n',
    stderr: 'Error: spec.strategy.canary.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero\n',
  },
  'invalid-unknown-field.yml': { stderr: 'Error: error unmarshaling JSON: while decoding JSON: json: unknown field "unknown-strategy"\n' },
  'invalid-container-field.yml': { stderr: 'Error: error unmarshaling JSON: while decoding JSON: json: unknown field "imagee"\n' },
  'invalid-type.yml': { stderr: 'Error: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Rollout.spec.replicas of type int32\n' },
  'invalid-multiple-docs.yml': { stderr: "Error: spec.selector: Required value: Rollout has missing field '.spec.selector'\n" },
  'invalid-service-labels.yml': {
    stderr: 'Error: spec.strategy.canary.canaryService: Invalid value: "web-canary": Service "web-canary" has unmatch label "app" in rollout\n',
  },
  'invalid-ingress-rule.yml': {
    stderr: 'Error: spec.strategy.canary.trafficRouting.nginx.stableIngress: Invalid value: "web": ingress `web` has no rules using service web-stable backend\n',
  },
  'invalid-yaml.yml': { stderr: 'Error: error converting YAML to JSON: yaml: line 5: Map keys must be unique\n' },
};

for (const [file, want] of Object.entries(INVALID)) {
  test(`lint rejects ${file}`, async () => {
    const r = await runInProcess(['lint', '-f', path.join(DIR, file)]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, want.stderr);
    if (want.stdout !== undefined) assert.equal(r.stdout, want.stdout);
  });
}

test('every invalid fixture is covered', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.startsWith('invalid'));
  assert.deepEqual(files.sort(), Object.keys(INVALID).sort());
});

test('lint reports every error on stdout (ErrorBody) and the first on stderr', () => {
  const { errors } = lintText(`
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: two-errors}
spec:
  replicas: -1
  template:
    metadata: {labels: {app: x}}
    spec: {containers: [{name: x, image: x}]}
  strategy: {canary: {steps: [{setWeight: 10}]}}
`);
  assert.deepEqual(
    errors.map((e) => e.field),
    ['spec.replicas', 'spec.selector'],
  );
});

test('Services referenced but absent from the file are not reported (only the file is checked)', () => {
  const text = fs.readFileSync(path.join(DIR, 'invalid-service-labels.yml'), 'utf8');
  assert.ok(!lintText(text).errors.some((e) => e.message.includes('web-stable-not-in-this-file')));
});

test('lint: missing -f prints usage, a missing file is Go\'s open error', async () => {
  const usage = await runInProcess(['lint']);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /Usage: vane lint/);
  const missing = await runInProcess(['lint', '-f', '/nonexistent/rollout.yaml']);
  assert.equal(missing.stderr, 'Error: open /nonexistent/rollout.yaml: no such file or directory\n');
  assert.equal(missing.code, 1);
});
