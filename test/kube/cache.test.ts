import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Indexer, OWNER_UID_INDEX, ownerUidIndexFunc } from '../../src/kube/cache.ts';
import type { KubeObject } from '../../src/cluster/store/object.ts';

const obj = (ns: string, name: string, labels: Record<string, string> = {}, owner?: string, rv = '1'): KubeObject => ({
  metadata: {
    namespace: ns || undefined,
    name,
    labels,
    resourceVersion: rv,
    ownerReferences: owner ? [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'r', uid: owner }] : undefined,
  },
});

test('indexes by namespace, label and owner UID; updates re-index', () => {
  const c = new Indexer({ [OWNER_UID_INDEX]: ownerUidIndexFunc });
  c.upsert(obj('a', 'x', { app: 'web', tier: 'fe' }, 'u1'));
  c.upsert(obj('a', 'y', { app: 'web' }, 'u2'));
  c.upsert(obj('b', 'z', { app: 'db' }, 'u1'));
  c.upsert(obj('', 'cluster-wide', { app: 'web' }));
  assert.deepEqual(c.list('a').map((o) => o.metadata.name).sort(), ['x', 'y']);
  assert.equal(c.get('b', 'z')?.metadata.name, 'z');
  assert.equal(c.getByKey('cluster-wide')?.metadata.name, 'cluster-wide');
  assert.deepEqual(c.byLabels({ app: 'web' }).map((o) => o.metadata.name).sort(), ['cluster-wide', 'x', 'y']);
  assert.deepEqual(c.byLabels({ app: 'web', tier: 'fe' }).map((o) => o.metadata.name), ['x']);
  assert.deepEqual(c.byLabels({ app: 'web' }, 'a').map((o) => o.metadata.name).sort(), ['x', 'y']);
  assert.deepEqual(c.byOwnerUid('u1').map((o) => o.metadata.name).sort(), ['x', 'z']);
  c.upsert(obj('a', 'x', { app: 'api' }, 'u2', '2'));
  assert.deepEqual(c.byLabels({ tier: 'fe' }), []);
  assert.deepEqual(c.byOwnerUid('u1').map((o) => o.metadata.name), ['z']);
  c.delete(obj('b', 'z'));
  assert.deepEqual(c.byOwnerUid('u1'), []);
  assert.equal(c.size, 3);
  assert.throws(() => c.addIndexers({ [OWNER_UID_INDEX]: () => [] }), /already exists/);
});

test('indexers added later index existing objects', () => {
  const c = new Indexer();
  c.upsert(obj('a', 'x', {}, 'u1'));
  c.addIndexers({ byName: (o) => [o.metadata.name ?? ''] });
  assert.equal(c.byIndex('byName', 'x').length, 1);
  assert.equal(c.byOwnerUid('u1').length, 1, 'owner index is added on first use');
});

test('property: index lookups agree with a linear scan after any sequence of upserts and deletes', () => {
  const op = fc.record({
    del: fc.boolean(),
    ns: fc.constantFrom('a', 'b', ''),
    name: fc.constantFrom('p', 'q', 'r'),
    labels: fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('1', '2')),
  });
  fc.assert(
    fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const c = new Indexer();
      const model = new Map<string, KubeObject>();
      for (const o of ops) {
        const key = o.ns ? `${o.ns}/${o.name}` : o.name;
        if (o.del) {
          c.delete(obj(o.ns, o.name));
          model.delete(key);
        } else {
          const created = obj(o.ns, o.name, o.labels);
          c.upsert(created);
          model.set(key, created);
        }
      }
      const names = (xs: KubeObject[]): string[] => xs.map((x) => `${x.metadata.namespace ?? ''}/${x.metadata.name}`).sort();
      for (const ns of ['a', 'b', '']) assert.deepEqual(names(c.list(ns)), names([...model.values()].filter((x) => (x.metadata.namespace ?? '') === ns)));
      const selectors: Record<string, string>[] = [{ app: '1' }, { app: '2', tier: '1' }, {}];
      for (const sel of selectors) {
        const expected = [...model.values()].filter((x) => Object.entries(sel).every(([k, v]) => x.metadata.labels?.[k] === v));
        assert.deepEqual(names(c.byLabels(sel)), names(expected));
      }
    }),
  );
});
