import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { KubeObject } from '../../../../../src/cluster/store/object.ts';
import {
  blockingDependents,
  decideDependent,
  decideForegroundOwner,
  deletionWork,
  withoutFinalizer,
  withoutOwner,
  type DependentDecision,
  type OwnerState,
} from '../../../../../src/cluster/sim/lifecycle/gc/decide.ts';

function owner(uid: string, extra: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, ...extra };
}

function obj(uid: string, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${uid}`, namespace: 'default', uid, resourceVersion: '1', ...meta } };
}

const DELETING = '2024-01-01T00:00:00Z';

interface Row {
  name: string;
  item: KubeObject;
  states: Record<string, OwnerState>;
  hasDependents?: boolean;
  want: DependentDecision;
}

const rows: Row[] = [
  { name: 'no owners: nothing to do', item: obj('p'), states: {}, want: { action: 'none' } },
  { name: 'owner exists: keep', item: obj('p', { ownerReferences: [owner('a')] }), states: { a: 'solid' }, want: { action: 'none' } },
  { name: 'owner gone: background delete', item: obj('p', { ownerReferences: [owner('a')] }), states: { a: 'dangling' }, want: { action: 'delete', propagationPolicy: 'Background' } },
  {
    name: 'one of two owners gone: drop the dangling reference',
    item: obj('p', { ownerReferences: [owner('a'), owner('b')] }),
    states: { a: 'dangling', b: 'solid' },
    want: { action: 'patchOwnerRefs', ownerReferences: [owner('b')] },
  },
  {
    name: 'all owners gone: delete',
    item: obj('p', { ownerReferences: [owner('a'), owner('b')] }),
    states: { a: 'dangling', b: 'dangling' },
    want: { action: 'delete', propagationPolicy: 'Background' },
  },
  {
    name: 'owner waits for dependents, item has none: background delete',
    item: obj('p', { ownerReferences: [owner('a', { blockOwnerDeletion: true })] }),
    states: { a: 'waiting' },
    want: { action: 'delete', propagationPolicy: 'Background' },
  },
  {
    name: 'owner waits, item has dependents: foreground delete',
    item: obj('p', { ownerReferences: [owner('a', { blockOwnerDeletion: true })] }),
    states: { a: 'waiting' },
    hasDependents: true,
    want: { action: 'delete', propagationPolicy: 'Foreground' },
  },
  {
    name: 'waiting owner plus a solid one: drop the waiting reference, keep the item',
    item: obj('p', { ownerReferences: [owner('a'), owner('b')] }),
    states: { a: 'waiting', b: 'solid' },
    want: { action: 'patchOwnerRefs', ownerReferences: [owner('b')] },
  },
  {
    name: 'owner of unknown kind counts as present',
    item: obj('p', { ownerReferences: [owner('a')] }),
    states: { a: 'unknown' },
    want: { action: 'none' },
  },
  {
    name: 'unknown and dangling owners: keep the unknown reference only',
    item: obj('p', { ownerReferences: [owner('a'), owner('b')] }),
    states: { a: 'unknown', b: 'dangling' },
    want: { action: 'patchOwnerRefs', ownerReferences: [owner('a')] },
  },
  {
    name: 'already being deleted: leave it',
    item: obj('p', { ownerReferences: [owner('a')], deletionTimestamp: DELETING }),
    states: { a: 'dangling' },
    want: { action: 'none' },
  },
  {
    name: 'own orphan finalizer is honoured',
    item: obj('p', { ownerReferences: [owner('a')], finalizers: ['orphan'] }),
    states: { a: 'dangling' },
    want: { action: 'delete', propagationPolicy: 'Orphan' },
  },
  {
    name: 'own foreground finalizer is honoured',
    item: obj('p', { ownerReferences: [owner('a')], finalizers: ['foregroundDeletion'] }),
    states: { a: 'dangling' },
    want: { action: 'delete', propagationPolicy: 'Foreground' },
  },
];

for (const row of rows) {
  test(`decideDependent: ${row.name}`, () => {
    const got = decideDependent(row.item, (ref) => row.states[ref.uid] ?? 'unknown', row.hasDependents ?? false);
    assert.deepEqual(got, row.want);
  });
}

test('deletionWork: orphan before foreground, only while being deleted', () => {
  assert.equal(deletionWork(obj('a', { finalizers: ['orphan'] })), undefined);
  assert.equal(deletionWork(obj('a', { finalizers: ['orphan'], deletionTimestamp: DELETING })), 'orphan');
  assert.equal(deletionWork(obj('a', { finalizers: ['foregroundDeletion'], deletionTimestamp: DELETING })), 'foreground');
  assert.equal(deletionWork(obj('a', { finalizers: ['x'], deletionTimestamp: DELETING })), undefined);
});

test('decideForegroundOwner: waits for blocking dependents only', () => {
  const rs = obj('rs', { deletionTimestamp: DELETING, finalizers: ['foregroundDeletion'] });
  const blocking = obj('p1', { ownerReferences: [owner('rs', { blockOwnerDeletion: true })] });
  const terminating = obj('p2', { ownerReferences: [owner('rs', { blockOwnerDeletion: true })], deletionTimestamp: DELETING });
  const loose = obj('p3', { ownerReferences: [owner('rs')] });
  assert.deepEqual(decideForegroundOwner(rs, [loose]), { action: 'removeFinalizer' });
  assert.deepEqual(decideForegroundOwner(rs, []), { action: 'removeFinalizer' });
  assert.deepEqual(decideForegroundOwner(rs, [blocking, terminating, loose]), { action: 'wait', toDelete: [blocking] });
  assert.deepEqual(decideForegroundOwner(rs, [terminating]), { action: 'wait', toDelete: [] });
  assert.deepEqual(blockingDependents('rs', [blocking, loose]), [blocking]);
});

test('withoutOwner / withoutFinalizer', () => {
  const p = obj('p', { ownerReferences: [owner('a'), owner('b')], finalizers: ['orphan', 'x'] });
  assert.deepEqual(withoutOwner(p, 'a'), [owner('b')]);
  assert.deepEqual(withoutFinalizer(p, 'orphan'), ['x']);
});
