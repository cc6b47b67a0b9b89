import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProgram, scriptOf } from '../../../../src/cluster/sim/kubelet/command.ts';
import { imageTag, isUnpullable, normalizeImage } from '../../../../src/cluster/sim/kubelet/image.ts';

test('parseProgram reads the simulated outcome of a command', () => {
  const cases: Array<[string[] | undefined, string[] | undefined, ReturnType<typeof parseProgram>]> = [
    [undefined, undefined, { kind: 'unknown' }],
    [['nginx', '-g', 'daemon off;'], undefined, { kind: 'unknown' }],
    [['sh', '-c', 'exit 1'], undefined, { kind: 'exit', code: 1, runMs: 0 }],
    [['/bin/sh', '-c'], ['exit 3'], { kind: 'exit', code: 3, runMs: 0 }],
    [['false'], undefined, { kind: 'exit', code: 1, runMs: 0 }],
    [['true'], undefined, { kind: 'exit', code: 0, runMs: 0 }],
    [['sleep', '5'], undefined, { kind: 'exit', code: 0, runMs: 5000 }],
    [['sleep'], ['2m'], { kind: 'exit', code: 0, runMs: 120_000 }],
    [['sh', '-c', 'echo hi; sleep 2; exit 7'], undefined, { kind: 'exit', code: 7, runMs: 2000 }],
    [['bash', '-c', 'sleep 1 && false'], undefined, { kind: 'exit', code: 1, runMs: 1000 }],
    [['sleep', 'infinity'], undefined, { kind: 'forever' }],
    [['sh', '-c', 'while true; do sleep 1; done'], undefined, { kind: 'unknown' }],
    [['sh', '-c', 'exit 256'], undefined, { kind: 'exit', code: 0, runMs: 0 }],
    [['sh', '-c', 'exit'], undefined, { kind: 'exit', code: 0, runMs: 0 }],
    [['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], undefined, { kind: 'unknown' }],
  ];
  for (const [command, args, want] of cases) assert.deepEqual(parseProgram(command, args), want, JSON.stringify([command, args]));
});

test('scriptOf takes the script after sh -c and the plain command line otherwise', () => {
  assert.equal(scriptOf(['sh', '-c', 'exit 1']), 'exit 1');
  assert.equal(scriptOf(['busybox', 'sh', '-c', 'sleep 1']), 'sleep 1');
  assert.equal(scriptOf(['sleep'], ['3']), 'sleep 3');
  assert.equal(scriptOf(['sh']), '');
});

test('image names are normalised the way containerd reports them', () => {
  const cases: Array<[string, string]> = [
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['argoproj/rollouts-demo:blue', 'docker.io/argoproj/rollouts-demo:blue'],
    ['ghcr.io/acme/app:v2', 'ghcr.io/acme/app:v2'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['nginx@sha256:abc', 'docker.io/library/nginx@sha256:abc'],
  ];
  for (const [image, want] of cases) assert.equal(normalizeImage(image), want, image);
});

test('unpullable images: tag does-not-exist or does-not-exist-…', () => {
  assert.equal(imageTag('localhost:5000/app:v1'), 'v1');
  assert.equal(imageTag('localhost:5000/app'), '');
  assert.equal(isUnpullable('nginx:does-not-exist'), true);
  assert.equal(isUnpullable('registry:5000/app:does-not-exist-v2'), true);
  assert.equal(isUnpullable('nginx:does-not-exists'), false);
  assert.equal(isUnpullable('does-not-exist/nginx:1'), false);
  assert.equal(isUnpullable('nginx'), false);
});
