import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequestInfo } from '../../../../src/cluster/apiserver/http/request-info.ts';

const parse = (method: string, path: string) => parseRequestInfo(method, path, new URLSearchParams());

test('namespace subresources (status, finalize) address the namespace object', () => {
  for (const sub of ['status', 'finalize']) {
    assert.deepEqual(parse('PUT', `/api/v1/namespaces/demo/${sub}`), {
      kind: 'resource',
      verb: 'update',
      group: '',
      version: 'v1',
      resource: 'namespaces',
      namespace: '',
      name: 'demo',
      subresource: sub,
    });
  }
});

test('other paths under a namespace are namespaced resources', () => {
  assert.deepEqual(parse('GET', '/api/v1/namespaces/demo/pods'), {
    kind: 'resource',
    verb: 'list',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: 'demo',
    name: '',
    subresource: '',
  });
  assert.equal((parse('GET', '/api/v1/namespaces/demo') as { resource: string; name: string }).name, 'demo');
});
