import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasVerbs, parseResourceList, preferredGroupVersions } from '../../../../../src/cluster/sim/lifecycle/common/discovery.ts';
import { setCondition, type StatusCondition } from '../../../../../src/cluster/sim/lifecycle/common/conditions.ts';
import { gcResources } from '../../../../../src/cluster/sim/lifecycle/gc/graph.ts';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

test('parseResourceList folds subresources into their resource', () => {
  const got = parseResourceList({
    groupVersion: 'argoproj.io/v1alpha1',
    resources: [
      { name: 'rollouts', singularName: 'rollout', namespaced: true, kind: 'Rollout', verbs: ALL },
      { name: 'rollouts/status', singularName: '', namespaced: true, kind: 'Rollout', verbs: ['get', 'patch', 'update'] },
      { name: 'rollouts/scale', singularName: '', namespaced: true, kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
      { name: 'clusteranalysistemplates', singularName: '', namespaced: false, kind: 'ClusterAnalysisTemplate', verbs: ALL },
    ],
  });
  assert.deepEqual(got, [
    { ref: { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', namespaced: true, kind: 'Rollout' }, verbs: ALL, subresources: ['status', 'scale'] },
    { ref: { group: 'argoproj.io', version: 'v1alpha1', resource: 'clusteranalysistemplates', namespaced: false, kind: 'ClusterAnalysisTemplate' }, verbs: ALL, subresources: [] },
  ]);
});

test('preferredGroupVersions: core v1 then each group preferred version', () => {
  const gvs = preferredGroupVersions(
    { versions: ['v1'], serverAddressByClientCIDRs: [] },
    {
      groups: [
        { name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } },
        { name: 'x.io', versions: [{ groupVersion: 'x.io/v2', version: 'v2' }, { groupVersion: 'x.io/v1', version: 'v1' }] },
      ],
    },
  );
  assert.deepEqual(gvs, ['v1', 'apps/v1', 'x.io/v2']);
});

test('gcResources skips events, leases and what cannot be listed, watched and deleted', () => {
  const list = (gv: string, name: string, verbs = ALL): ReturnType<typeof parseResourceList> =>
    parseResourceList({ groupVersion: gv, resources: [{ name, singularName: '', namespaced: true, kind: 'K', verbs }] });
  const all = [
    ...list('v1', 'pods'),
    ...list('v1', 'events'),
    ...list('events.k8s.io/v1', 'events'),
    ...list('coordination.k8s.io/v1', 'leases'),
    ...list('authorization.k8s.io/v1', 'selfsubjectaccessreviews', ['create']),
    ...list('argoproj.io/v1alpha1', 'rollouts'),
  ];
  assert.deepEqual(gcResources(all).map((r) => `${r.ref.group}/${r.ref.resource}`), ['/pods', 'argoproj.io/rollouts']);
  assert.equal(hasVerbs(all[0]!, 'list', 'watch'), true);
});

test('setCondition keeps lastTransitionTime while the status holds', () => {
  const t1 = '2024-01-01T00:00:00Z';
  const t2 = '2024-01-01T00:01:00Z';
  const first = setCondition<StatusCondition>([], { type: 'A', status: 'True', reason: 'R1' }, t1);
  assert.deepEqual(first, [{ type: 'A', status: 'True', reason: 'R1', lastTransitionTime: t1 }]);
  assert.equal(setCondition(first, { type: 'A', status: 'True', reason: 'R1' }, t2)[0], first[0]);
  assert.deepEqual(setCondition(first, { type: 'A', status: 'True', reason: 'R2' }, t2)[0], { type: 'A', status: 'True', reason: 'R2', lastTransitionTime: t1 });
  assert.deepEqual(setCondition(first, { type: 'A', status: 'False', reason: 'R2' }, t2, true)[0], {
    type: 'A',
    status: 'False',
    reason: 'R2',
    lastProbeTime: t2,
    lastTransitionTime: t2,
  });
});
