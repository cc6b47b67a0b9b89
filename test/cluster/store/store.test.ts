import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { ResourceVersionTooOld, Store, type StoreEvent } from '../../../src/cluster/store/store.ts';
import type { KubeObject } from '../../../src/cluster/store/object.ts';

const obj = (ns: string, name: string, data = ''): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns, name }, data: { d: data } });

test('resourceVersions increase across tables and deletions', () => {
  const s = new Store();
  const a = s.create('/configmaps', obj('ns', 'a'));
  const b = s.create('/secrets', obj('ns', 'b'));
  const a2 = s.update('/configmaps', obj('ns', 'a', 'x'), a);
  s.delete('/configmaps', a2);
  assert.deepEqual([a, b, a2].map((o) => o.metadata.resourceVersion), ['1', '2', '3']);
  assert.equal(s.resourceVersion, 4);
  assert.equal(s.get('/configmaps', 'ns', 'a'), undefined);
});

test('list is sorted by namespace then name and filters by namespace', () => {
  const s = new Store();
  for (const [ns, n] of [['b', 'z'], ['a', 'y'], ['b', 'a'], ['a', 'b']] as const) s.create('/configmaps', obj(ns, n));
  assert.deepEqual(s.list('/configmaps', '').map((o) => `${o.metadata.namespace}/${o.metadata.name}`), ['a/b', 'a/y', 'b/a', 'b/z']);
  assert.deepEqual(s.list('/configmaps', 'b').map((o) => o.metadata.name), ['a', 'z']);
});

test('a watch replays history after its resourceVersion, then streams live events', () => {
  const s = new Store();
  const a = s.create('/configmaps', obj('ns', 'a'));
  s.create('/configmaps', obj('other', 'b'));
  s.update('/configmaps', obj('ns', 'a', '2'), a);
  const seen: StoreEvent[] = [];
  const stop = s.watch({ table: '/configmaps', namespace: 'ns', deliver: (e) => seen.push(e) }, 1);
  s.create('/configmaps', obj('ns', 'c'));
  s.create('/secrets', obj('ns', 'ignored'));
  stop();
  s.create('/configmaps', obj('ns', 'after-stop'));
  assert.deepEqual(seen.map((e) => `${e.type} ${e.obj.metadata.name} ${e.rv}`), ['MODIFIED a 3', 'ADDED c 4']);
});

test('a watch from a resourceVersion older than history is refused (410 Gone)', () => {
  const s = new Store(undefined, undefined, 3);
  for (let i = 0; i < 10; i++) s.create('/configmaps', obj('ns', `o${i}`));
  assert.throws(() => s.watch({ table: '/configmaps', namespace: '', deliver: () => {} }, 2), ResourceVersionTooOld);
  const seen: number[] = [];
  s.watch({ table: '/configmaps', namespace: '', deliver: (e) => seen.push(e.rv) }, 8);
  assert.deepEqual(seen, [9, 10]);
});

test('a persistent store recovers every write, and survives a torn last log line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-store-'));
  try {
    const s = Store.persistent(dir);
    const a = s.create('/configmaps', obj('ns', 'a'));
    s.create('/configmaps', obj('ns', 'b'));
    s.update('/configmaps', obj('ns', 'a', 'new'), a);
    s.delete('/configmaps', s.get('/configmaps', 'ns', 'b')!);
    s.close();
    fs.appendFileSync(path.join(dir, 'wal.jsonl'), '{"rv":99,"t":"/configmaps","k":"ns/torn","o":{"metadata"');
    const r = Store.persistent(dir);
    assert.deepEqual(r.list('/configmaps', '').map((o) => [o.metadata.name, o.data]), [['a', { d: 'new' }]]);
    assert.equal(r.resourceVersion, 4);
    assert.equal(r.create('/configmaps', obj('ns', 'c')).metadata.resourceVersion, '5');
    r.close();
    const again = Store.persistent(dir);
    assert.equal(again.list('/configmaps', '').length, 2);
    again.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('property: replaying any sequence of writes from disk gives the same state', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('create', 'update', 'delete'), fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 5 })), { maxLength: 40 }), (ops) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-store-prop-'));
      try {
        const s = Store.persistent(dir);
        for (const [op, i, data] of ops) {
          const existing = s.get('/configmaps', 'ns', `o${i}`);
          if (op === 'create' && !existing) s.create('/configmaps', obj('ns', `o${i}`, data));
          if (op === 'update' && existing) s.update('/configmaps', obj('ns', `o${i}`, data), existing);
          if (op === 'delete' && existing) s.delete('/configmaps', existing);
        }
        const before = JSON.stringify(s.list('/configmaps', ''));
        const rv = s.resourceVersion;
        s.close();
        const r = Store.persistent(dir);
        assert.equal(JSON.stringify(r.list('/configmaps', '')), before);
        assert.equal(r.resourceVersion, rv);
        r.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: 50 },
  );
});
