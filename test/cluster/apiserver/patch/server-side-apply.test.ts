import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApplyConflictError,
  PatchError,
  recordUpdate,
  serverSideApply,
  type ManagedFieldsEntry,
  type ServerSideApplyOptions,
} from '../../../../src/cluster/apiserver/patch/index.ts';
import type { JsonObject } from '../../../../src/util/json.ts';

const T0 = new Date('2025-01-01T10:00:00Z');
const T1 = new Date('2025-01-01T11:00:00Z');
const T2 = new Date('2025-01-01T12:00:00Z');

function config(spec: JsonObject, metadata: JsonObject = {}): JsonObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...metadata }, spec };
}

/** `replicas: null` leaves the field out of the configuration. */
const appSpec = (image = 'nginx:1', replicas: number | null = 3): JsonObject => ({
  ...(replicas === null ? {} : { replicas }),
  template: { spec: { containers: [{ name: 'app', image }] } },
});

function apply(live: JsonObject | undefined, applied: JsonObject, more: Partial<ServerSideApplyOptions> = {}) {
  return serverSideApply({ live, applied, manager: 'kubectl', force: false, apiVersion: 'apps/v1', now: T0, ...more });
}

const managed = (obj: JsonObject): ManagedFieldsEntry[] => (obj['metadata'] as any).managedFields;
const entryOf = (entries: ManagedFieldsEntry[], manager: string) => entries.find((e) => e.manager === manager);

/** A write by another manager through update/patch, recorded the way the API server does. */
function update(obj: JsonObject, change: (o: any) => void, manager: string, now = T1): JsonObject {
  const after = structuredClone(obj) as any;
  change(after);
  after.metadata.managedFields = recordUpdate({ before: obj, after, manager, apiVersion: 'apps/v1', now, managedFields: managed(obj) });
  return after;
}

test('SSA create: the object is the applied configuration, owned by the manager via Apply', () => {
  const { object, managedFields } = apply(undefined, config(appSpec(), { labels: { app: 'web' } }));
  assert.deepEqual(managedFields, [
    {
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'apps/v1',
      time: '2025-01-01T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
        },
      },
    },
  ]);
  assert.deepEqual(object, { ...config(appSpec(), { labels: { app: 'web' } }), metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, managedFields } });
});

test('SSA update: re-applying a changed value updates it and the time; re-applying the same is a no-op', () => {
  const first = apply(undefined, config(appSpec('nginx:1'))).object;
  const second = apply(first, config(appSpec('nginx:2')), { now: T1 });
  assert.equal((second.object as any).spec.template.spec.containers[0].image, 'nginx:2');
  assert.equal(second.managedFields[0]!.time, '2025-01-01T11:00:00Z');
  const third = apply(second.object, config(appSpec('nginx:2')), { now: T2 });
  assert.deepEqual(third.object, second.object);
  assert.equal(third.managedFields[0]!.time, '2025-01-01T11:00:00Z');
});

test('SSA keeps fields other managers set', () => {
  const first = apply(undefined, config(appSpec())).object;
  const scaled = update(first, (o) => (o.spec.paused = true), 'dashboard');
  const { object, managedFields } = apply(scaled, config(appSpec('nginx:2')), { now: T2 });
  assert.equal((object as any).spec.paused, true);
  assert.deepEqual(entryOf(managedFields, 'dashboard')!.fieldsV1, { 'f:spec': { 'f:paused': {} } });
});

test('SSA removes a field the manager applied before and no longer applies', () => {
  const first = apply(undefined, config(appSpec(), { labels: { app: 'web', tier: 'front' } })).object;
  const { object, managedFields } = apply(first, config(appSpec(), { labels: { app: 'web' } }), { now: T1 });
  assert.deepEqual((object as any).metadata.labels, { app: 'web' });
  assert.deepEqual((entryOf(managedFields, 'kubectl')!.fieldsV1 as any)['f:metadata'], { 'f:labels': { 'f:app': {} } });
});

test('SSA keeps a dropped field that another manager also owns', () => {
  const byA = apply(undefined, config(appSpec('nginx:1', 3)), { manager: 'a' }).object;
  const byB = apply(byA, config({ replicas: 3 }), { manager: 'b', now: T1 }).object;
  assert.ok((entryOf(managed(byB), 'a')!.fieldsV1 as any)['f:spec']['f:replicas']);
  const { object, managedFields } = apply(byB, config(appSpec('nginx:1', null)), { manager: 'a', now: T2 });
  assert.equal((object as any).spec.replicas, 3);
  assert.equal((entryOf(managedFields, 'a')!.fieldsV1 as any)['f:spec']['f:replicas'], undefined);
  assert.deepEqual(entryOf(managedFields, 'b')!.fieldsV1, { 'f:spec': { 'f:replicas': {} } });
});

test('SSA removes a list item it applied before; keeps it (with its key) when another manager owns a field in it', () => {
  const two = config({ template: { spec: { containers: [{ name: 'app', image: 'a' }, { name: 'side', image: 's' }] } } });
  const first = apply(undefined, two).object;
  const dropped = apply(first, config({ template: { spec: { containers: [{ name: 'app', image: 'a' }] } } }), { now: T1 }).object;
  assert.deepEqual((dropped as any).spec.template.spec.containers, [{ name: 'app', image: 'a' }]);

  const envSet = update(first, (o) => (o.spec.template.spec.containers[1].env = [{ name: 'X', value: '1' }]), 'injector');
  const kept = apply(envSet, config({ template: { spec: { containers: [{ name: 'app', image: 'a' }] } } }), { now: T2 }).object;
  assert.deepEqual((kept as any).spec.template.spec.containers, [{ name: 'app', image: 'a' }, { name: 'side', env: [{ name: 'X', value: '1' }] }]);
});

test('SSA conflict: a field another manager owns with a different value', () => {
  const created = update({ ...config(appSpec()), metadata: { name: 'web', namespace: 'default' } }, () => {}, 'unused');
  const csa = update(created, (o) => (o.spec.replicas = 5), 'kubectl-client-side-apply');
  assert.throws(
    () => apply(csa, config(appSpec('nginx:1', 3)), { now: T2 }),
    (err: unknown) => {
      assert.ok(err instanceof ApplyConflictError);
      assert.equal(err.message, 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
      assert.equal(err.code, 409);
      assert.equal(err.reason, 'Conflict');
      assert.deepEqual(err.details?.causes, [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' }]);
      assert.deepEqual(err.conflicts, [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', path: '.spec.replicas' }]);
      return true;
    },
  );
});

test('SSA: the same value owned by another manager is shared, not a conflict', () => {
  const first = apply(undefined, config(appSpec('nginx:1', 3)), { manager: 'a' }).object;
  const { managedFields } = apply(first, config(appSpec('nginx:1', 3)), { manager: 'b', now: T1 });
  assert.deepEqual(entryOf(managedFields, 'a')!.fieldsV1, entryOf(managedFields, 'b')!.fieldsV1);
});

test('SSA force: conflicting fields move to the applier; other shared fields stay shared', () => {
  const first = apply(undefined, config(appSpec('nginx:1', 3)), { manager: 'a' }).object;
  const { object, managedFields } = apply(first, config(appSpec('nginx:1', 7)), { manager: 'b', force: true, now: T1 });
  assert.equal((object as any).spec.replicas, 7);
  assert.equal((entryOf(managedFields, 'a')!.fieldsV1 as any)['f:spec']['f:replicas'], undefined);
  assert.ok((entryOf(managedFields, 'a')!.fieldsV1 as any)['f:spec']['f:template']);
  assert.ok((entryOf(managedFields, 'b')!.fieldsV1 as any)['f:spec']['f:replicas']);
});

test('SSA: a controller that scaled the Deployment conflicts with the next apply of replicas (list-item paths too)', () => {
  const first = apply(undefined, config(appSpec('nginx:1', 3))).object;
  const changed = update(first, (o) => {
    o.spec.replicas = 5;
    o.spec.template.spec.containers[0].image = 'nginx:hotfix';
  }, 'vane-controller');
  assert.throws(() => apply(changed, config(appSpec('nginx:2', 3)), { now: T2 }), {
    message:
      'Apply failed with 2 conflicts: conflicts with "vane-controller" using apps/v1:\n' +
      '- .spec.replicas\n' +
      '- .spec.template.spec.containers[name="app"].image',
  });
});

test('SSA conflict messages group by manager, sorted, and name Apply managers without apiVersion', () => {
  const first = apply(undefined, config(appSpec('nginx:1', 3)), { manager: 'zeta' }).object;
  const labelled = update(first, (o) => (o.metadata.labels = { tier: 'x' }), 'alpha', T1);
  assert.throws(() => apply(labelled, config(appSpec('nginx:2', 3), { labels: { tier: 'y' } }), { manager: 'me', now: T2 }), {
    message:
      'Apply failed with 2 conflicts: conflicts with "alpha" using apps/v1:\n' +
      '- .metadata.labels.tier\n' +
      'conflicts with "zeta":\n' +
      '- .spec.template.spec.containers[name="app"].image',
  });
});

test('SSA on an object without managedFields conflicts with "before-first-apply"', () => {
  const legacy = config(appSpec('nginx:1', 2));
  assert.throws(() => apply(legacy, config(appSpec('nginx:1', 4))), {
    message: 'Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas',
  });
  const { managedFields } = apply(legacy, config(appSpec('nginx:1', 2)));
  assert.deepEqual(managedFields.map((e) => [e.manager, e.operation]), [['kubectl', 'Apply'], ['before-first-apply', 'Update']]);
});

test('SSA: finalizers merge as a set; dropping one removes only that one', () => {
  const first = apply(undefined, config({}, { finalizers: ['a/one'] })).object;
  const more = update(first, (o) => o.metadata.finalizers.push('b/two'), 'controller');
  const again = apply(more, config({}, { finalizers: ['a/one'] }), { now: T2 }).object;
  assert.deepEqual((again as any).metadata.finalizers, ['a/one', 'b/two']);
  const dropped = apply(again, config({}, { finalizers: [] }), { now: T2 }).object;
  assert.deepEqual((dropped as any).metadata.finalizers, ['b/two']);
});

test('SSA: atomic lists are replaced and owned as a whole', () => {
  const first = apply(undefined, config({ template: { spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } } })).object;
  const { object, managedFields } = apply(first, config({ template: { spec: { tolerations: [{ key: 'c' }] } } }), { now: T1 });
  assert.deepEqual((object as any).spec.template.spec.tolerations, [{ key: 'c' }]);
  assert.deepEqual(managedFields[0]!.fieldsV1, { 'f:spec': { 'f:template': { 'f:spec': { 'f:tolerations': {} } } } });
});

test('SSA: list-map order follows the applied order, live-only items keep their place', () => {
  const live = update(
    apply(undefined, config({ template: { spec: { containers: [{ name: 'a' }, { name: 'b' }] } } })).object,
    (o) => o.spec.template.spec.containers.splice(1, 0, { name: 'injected' }),
    'injector',
  );
  const { object } = apply(live, config({ template: { spec: { containers: [{ name: 'b' }, { name: 'a' }, { name: 'c' }] } } }), { now: T2 });
  assert.deepEqual((object as any).spec.template.spec.containers.map((c: any) => c.name), ['b', 'a', 'injected', 'c']);
});

test('SSA: null in the applied configuration removes the field', () => {
  const first = apply(undefined, config({ replicas: 3, paused: true })).object;
  const { object, managedFields } = apply(first, config({ replicas: 3, paused: null }), { now: T1 });
  assert.equal((object as any).spec.paused, undefined);
  assert.deepEqual(managedFields[0]!.fieldsV1, { 'f:spec': { 'f:replicas': {} } });
});

test('SSA on the status subresource is its own manager', () => {
  const first = apply(undefined, config(appSpec())).object;
  const { managedFields } = apply(first, { ...config({}), status: { replicas: 3 } }, { subresource: 'status', now: T1 });
  assert.deepEqual(managedFields.map((e) => e.subresource ?? ''), ['', 'status']);
});

test('SSA rejects managedFields in the applied configuration, and bad list items', () => {
  assert.throws(() => apply(undefined, config({}, { managedFields: [{ manager: 'x' }] })), (e: unknown) => e instanceof PatchError && e.code === 400 && e.message === 'metadata.managedFields must be nil');
  assert.throws(() => apply(undefined, config({ template: { spec: { containers: [{ image: 'x' }] } } })), {
    message: 'failed to create typed patch object: .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name"',
  });
  assert.throws(() => apply(undefined, config({ template: { spec: { containers: [{ name: 'x' }, { name: 'x' }] } } })), {
    message: 'failed to create typed patch object: .spec.template.spec.containers: duplicate entries for key [name="x"]',
  });
});

test('SSA never mutates its inputs', () => {
  const live = apply(undefined, config(appSpec(), { labels: { a: '1' } })).object;
  const applied = config(appSpec('nginx:9'), { labels: { b: '2' } });
  const live0 = structuredClone(live);
  const applied0 = structuredClone(applied);
  const { object } = apply(live, applied, { now: T1 });
  (object as any).spec.template.spec.containers[0].image = 'changed';
  (object as any).metadata.managedFields[0].fieldsV1['f:spec'] = {};
  assert.deepEqual(live, live0);
  assert.deepEqual(applied, applied0);
});
