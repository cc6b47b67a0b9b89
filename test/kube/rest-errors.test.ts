import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import {
  errorFromResponse,
  isAlreadyExists,
  isConflict,
  isGone,
  isInvalid,
  isNotFound,
  isTooManyRequests,
  KubeApiError,
} from '../../src/kube/rest-errors.ts';
import { parseWatchLine, readWatchStream, type WatchEvent } from '../../src/kube/watch-stream.ts';
import { queryString, resourcePath } from '../../src/kube/paths.ts';
import { deployments, namespaces, pods, rollouts } from '../../src/kube/resources.ts';
import { retryOnConflict } from '../../src/kube/retry.ts';

const status = (code: number, reason: string, message: string): string =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message, details: { name: 'x', kind: 'pods' } });

test('errors are parsed from the Status body', () => {
  const err = errorFromResponse(404, status(404, 'NotFound', 'pods "x" not found'));
  assert.ok(err instanceof KubeApiError);
  assert.equal(err.code, 404);
  assert.equal(err.reason, 'NotFound');
  assert.equal(err.message, 'pods "x" not found');
  assert.equal(err.details?.name, 'x');
  assert.ok(isNotFound(err));
  assert.ok(!isConflict(err));
});

test('409 AlreadyExists and 409 Conflict are told apart by reason', () => {
  const exists = errorFromResponse(409, status(409, 'AlreadyExists', 'exists'));
  const conflict = errorFromResponse(409, status(409, 'Conflict', 'modified'));
  assert.ok(isAlreadyExists(exists) && !isConflict(exists));
  assert.ok(isConflict(conflict) && !isAlreadyExists(conflict));
});

test('non-Status bodies get a reason from the HTTP code; Retry-After is kept', () => {
  const err = errorFromResponse(429, 'slow down', '3');
  assert.equal(err.reason, 'TooManyRequests');
  assert.match(err.message, /429 TooManyRequests: slow down/);
  assert.equal(err.retryAfterSeconds, 3);
  assert.ok(isTooManyRequests(err));
  const gone = errorFromResponse(410, '');
  assert.ok(isGone(gone));
  assert.ok(isInvalid(errorFromResponse(422, status(422, 'Invalid', 'bad'))));
  assert.ok(!isNotFound(new Error('404')));
});

test('watch lines parse into events; malformed lines are errors', async () => {
  const ev = parseWatchLine('{"type":"ADDED","object":{"metadata":{"name":"a"}}}');
  assert.equal(ev.type, 'ADDED');
  assert.throws(() => parseWatchLine('{"type":"NOPE","object":{}}'), /malformed/);
  assert.throws(() => parseWatchLine('{'), /malformed/);
  // Frames split across chunks, multi-byte characters split across chunks, a last line without newline.
  const text = '{"type":"ADDED","object":{"metadata":{"name":"é"}}}\n\n{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"7"}}}';
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
  const got: WatchEvent[] = [];
  await readWatchStream(Readable.from(chunks), (e) => got.push(e));
  assert.deepEqual(got.map((e) => e.type), ['ADDED', 'BOOKMARK']);
  assert.equal(got[0]?.object.metadata?.name, 'é');
});

test('paths for core, grouped, cluster-scoped and all-namespace resources', () => {
  assert.equal(resourcePath(pods, 'default', 'p 1', 'status'), '/api/v1/namespaces/default/pods/p%201/status');
  assert.equal(resourcePath(pods, undefined), '/api/v1/pods');
  assert.equal(resourcePath(deployments, 'ns'), '/apis/apps/v1/namespaces/ns/deployments');
  assert.equal(resourcePath(namespaces, 'ignored', 'kube-system'), '/api/v1/namespaces/kube-system');
  assert.equal(resourcePath(rollouts, 'ns', 'r', 'scale'), '/apis/argoproj.io/v1alpha1/namespaces/ns/rollouts/r/scale');
  assert.equal(queryString({ a: 'x=y', b: undefined, c: 0, d: true, e: '' }), '?a=x%3Dy&c=0&d=true');
  assert.equal(queryString({}), '');
});

test('retryOnConflict retries 409 Conflict only', async () => {
  let calls = 0;
  const value = await retryOnConflict(async () => {
    if (++calls < 3) throw errorFromResponse(409, status(409, 'Conflict', 'modified'));
    return 'ok';
  });
  assert.equal(value, 'ok');
  assert.equal(calls, 3);
  calls = 0;
  await assert.rejects(
    retryOnConflict(async () => {
      calls++;
      throw errorFromResponse(404, status(404, 'NotFound', 'gone'));
    }),
    /gone/,
  );
  assert.equal(calls, 1);
  calls = 0;
  await assert.rejects(
    retryOnConflict(async () => {
      calls++;
      throw errorFromResponse(409, status(409, 'Conflict', 'still'));
    }),
    /still/,
  );
  assert.equal(calls, 5, 'DefaultRetry: 5 attempts');
});
