import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import type { KubeLogger } from '../../src/kube/log.ts';
import { RequestMetrics } from '../../src/kube/request-metrics.ts';

test('a pino logger is a KubeLogger', () => {
  const logger: KubeLogger = pino({ level: 'silent' });
  assert.doesNotThrow(() => logger.warn({ a: 1 }, 'message'));
});

test('request metrics count by kind, verb and status and notify listeners', () => {
  const m = new RequestMetrics();
  const seen: number[] = [];
  const off = m.onRequest((r) => seen.push(r.statusCode));
  m.onRequest(() => {
    throw new Error('listener bug');
  });
  const base = { verb: 'get', resource: 'rollouts', kind: 'Rollout', namespace: 'ns', name: 'r', durationMs: 1 };
  m.record({ ...base, statusCode: 200 });
  m.record({ ...base, statusCode: 200 });
  m.record({ ...base, statusCode: 404 });
  off();
  m.record({ ...base, verb: 'patch', statusCode: 200 });
  assert.deepEqual(seen, [200, 200, 404]);
  assert.equal(m.total({ kind: 'Rollout', verb: 'get' }), 3);
  assert.equal(m.total({ statusCode: 200 }), 3);
  assert.deepEqual(
    m.snapshot().sort((a, b) => a.verb.localeCompare(b.verb) || a.statusCode - b.statusCode),
    [
      { kind: 'Rollout', verb: 'get', statusCode: 200, count: 2 },
      { kind: 'Rollout', verb: 'get', statusCode: 404, count: 1 },
      { kind: 'Rollout', verb: 'patch', statusCode: 200, count: 1 },
    ],
  );
});
