import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseNode, needsScheduling } from '../../../../src/cluster/sim/nodes/schedule.ts';
import { NodeLoad } from '../../../../src/cluster/sim/nodes/node-load.ts';
import { buildNode, buildNodeStatus, nodeStatusCurrent } from '../../../../src/cluster/sim/nodes/node-object.ts';
import { node, pod } from '../fixtures.ts';

const three = [node('vane-node-1', { labels: { disk: 'ssd' } }), node('vane-node-2'), node('vane-node-3')];

test('spreads pods: the node with the fewest pods wins, ties to the lower-numbered node', () => {
  const load = new NodeLoad();
  const placed: string[] = [];
  for (let i = 0; i < 6; i++) {
    const d = chooseNode(pod({ name: `p${i}` }), three, (n) => load.count(n));
    assert.ok('node' in d);
    load.set(`default/p${i}`, d.node);
    placed.push(d.node);
  }
  assert.deepEqual(placed, ['vane-node-1', 'vane-node-2', 'vane-node-3', 'vane-node-1', 'vane-node-2', 'vane-node-3']);
});

test('filters: nodeSelector, required node affinity, cordoned nodes, NoSchedule taints', () => {
  const load = () => 0;
  const sel = pod();
  sel.spec!.nodeSelector = { disk: 'ssd' };
  assert.deepEqual(chooseNode(sel, three, load), { node: 'vane-node-1' });

  const aff = pod();
  aff.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['vane-node-3'] }] }] } } };
  assert.deepEqual(chooseNode(aff, three, load), { node: 'vane-node-3' });

  const cordoned = [node('a', { unschedulable: true }), node('b', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }), node('c')];
  assert.deepEqual(chooseNode(pod(), cordoned, load), { node: 'c' });
  const tolerant = pod();
  tolerant.spec!.tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }];
  assert.deepEqual(chooseNode(tolerant, cordoned.slice(0, 2), load), { node: 'b' });
});

test('unschedulable pods get the scheduler’s message', () => {
  const p = pod();
  p.spec!.nodeSelector = { zone: 'mars' };
  const d = chooseNode(p, [node('a'), node('b', { unschedulable: true }), node('c', { labels: { zone: 'mars' }, taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] })], () => 0);
  assert.deepEqual(d, {
    unschedulable:
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {k: v}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  });
});

test('needsScheduling: unbound, live, default scheduler, no gates', () => {
  assert.equal(needsScheduling(pod()), true);
  assert.equal(needsScheduling(pod({ node: 'n' })), false);
  assert.equal(needsScheduling(pod({ deleting: true })), false);
  const other = pod();
  other.spec!.schedulerName = 'my-scheduler';
  assert.equal(needsScheduling(other), false);
  const gated = pod();
  gated.spec!.schedulingGates = [{ name: 'wait' }];
  assert.equal(needsScheduling(gated), false);
  assert.equal(needsScheduling(pod({ phase: 'Succeeded' })), false);
});

test('NodeLoad moves a pod between nodes and forgets it', () => {
  const l = new NodeLoad();
  l.set('a', 'n1');
  l.set('b', 'n1');
  l.set('a', 'n2');
  assert.equal(l.count('n1'), 1);
  assert.equal(l.count('n2'), 1);
  l.set('a', undefined);
  l.set('a', undefined);
  assert.equal(l.count('n2'), 0);
});

test('nodes carry kubelet version, addresses, capacity and Ready', () => {
  const n = buildNode(2);
  assert.equal(n.metadata.name, 'vane-node-2');
  assert.equal(n.metadata.labels?.['kubernetes.io/hostname'], 'vane-node-2');
  const st = buildNodeStatus(2, Date.parse('2024-01-01T00:00:00Z'));
  assert.equal(st.nodeInfo?.kubeletVersion, 'v1.32.0');
  assert.deepEqual(st.addresses, [
    { type: 'InternalIP', address: '172.18.0.3' },
    { type: 'Hostname', address: 'vane-node-2' },
  ]);
  assert.equal(st.conditions?.find((c) => c.type === 'Ready')?.status, 'True');
  assert.equal(nodeStatusCurrent({ ...n, status: st }, 2), true);
  assert.equal(nodeStatusCurrent(n, 2), false);
});
