import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { KubeObject } from '../../../../src/cluster/store/object.ts';
import {
  allocateServiceAddresses,
  ClusterIpAllocator,
  NodePortAllocator,
  releaseServiceAddresses,
  restoreServiceAddresses,
  type ServiceAllocators,
} from '../../../../src/cluster/apiserver/resources/builtin/index.ts';
import { messages } from './helpers.ts';

const allocators = (): ServiceAllocators => ({ clusterIps: new ClusterIpAllocator(), nodePorts: new NodePortAllocator() });
const svc = (spec: Record<string, unknown>, name = 'web'): KubeObject => ({ metadata: { name }, spec: { type: 'ClusterIP', ports: [{ port: 80 }], ...spec } });
const spec = (o: KubeObject) => o['spec'] as Record<string, unknown>;

test('ClusterIpAllocator hands out 10.96.0.1, .2, ... deterministically and next-fit after release', () => {
  const a = new ClusterIpAllocator();
  assert.equal(a.cidr, '10.96.0.0/12');
  assert.equal(a.capacity, 2 ** 20 - 2);
  assert.deepEqual([a.allocate(), a.allocate(), a.allocate()], ['10.96.0.1', '10.96.0.2', '10.96.0.3']);
  a.release('10.96.0.2');
  assert.equal(a.allocate(), '10.96.0.4');
  assert.equal(a.reserve('10.96.0.2'), 'ok');
  assert.equal(a.reserve('10.96.0.2'), 'allocated');
  assert.equal(a.reserve('10.96.0.0'), 'out-of-range');
  assert.equal(a.reserve('10.111.255.255'), 'out-of-range');
  assert.equal(a.reserve('10.111.255.254'), 'ok');
  assert.equal(a.reserve('10.112.0.1'), 'out-of-range');
  assert.equal(a.reserve('nope'), 'invalid');
});

test('a small range is exhausted, then reuses released addresses', () => {
  const a = new ClusterIpAllocator('192.168.0.0/30');
  assert.deepEqual([a.allocate(), a.allocate()], ['192.168.0.1', '192.168.0.2']);
  assert.throws(() => a.allocate(), /range is full/);
  a.release('192.168.0.1');
  assert.equal(a.allocate(), '192.168.0.1');
});

test('allocations never collide (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (ops) => {
      const a = new ClusterIpAllocator('10.0.0.0/26');
      const held: string[] = [];
      for (const allocate of ops) {
        if (allocate || held.length === 0) {
          const ip = a.allocate();
          assert.ok(!held.includes(ip));
          held.push(ip);
        } else a.release(held.shift()!);
      }
      assert.equal(a.allocatedCount, held.length);
    }),
  );
});

test('create: ClusterIP service gets an address and single-stack IPv4', () => {
  const alloc = allocators();
  const s = svc({});
  assert.deepEqual(allocateServiceAddresses(s, undefined, alloc), []);
  assert.equal(spec(s)['clusterIP'], '10.96.0.1');
  assert.deepEqual(spec(s)['clusterIPs'], ['10.96.0.1']);
  assert.deepEqual(spec(s)['ipFamilies'], ['IPv4']);
  assert.equal(spec(s)['ipFamilyPolicy'], 'SingleStack');
});

test('create: headless and ExternalName services take no address', () => {
  const alloc = allocators();
  const headless = svc({ clusterIP: 'None', selector: { app: 'x' } });
  assert.deepEqual(allocateServiceAddresses(headless, undefined, alloc), []);
  assert.deepEqual(spec(headless)['clusterIPs'], ['None']);
  const ext: KubeObject = { metadata: { name: 'e' }, spec: { type: 'ExternalName', externalName: 'example.com' } };
  assert.deepEqual(allocateServiceAddresses(ext, undefined, alloc), []);
  assert.equal(spec(ext)['clusterIP'], undefined);
  assert.equal(alloc.clusterIps.allocatedCount, 0);
});

test('create: requested addresses and node ports, with kube-apiserver messages on conflict', () => {
  const alloc = allocators();
  assert.deepEqual(allocateServiceAddresses(svc({ clusterIP: '10.96.0.10' }), undefined, alloc), []);
  assert.deepEqual(messages(allocateServiceAddresses(svc({ clusterIP: '10.96.0.10' }), undefined, alloc)), [
    'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
  ]);
  assert.deepEqual(messages(allocateServiceAddresses(svc({ clusterIP: '10.0.0.1' }), undefined, alloc)), [
    'spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
  ]);
  const np = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }, { port: 81 }] });
  assert.deepEqual(allocateServiceAddresses(np, undefined, alloc), []);
  assert.deepEqual((spec(np)['ports'] as Array<{ nodePort: number }>).map((p) => p.nodePort), [30080, 30000]);
  const clash = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
  const before = alloc.clusterIps.allocatedCount;
  assert.deepEqual(messages(allocateServiceAddresses(clash, undefined, alloc)), ['spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated']);
  assert.equal(alloc.clusterIps.allocatedCount, before, 'a failed call leaves nothing allocated');
  assert.deepEqual(messages(allocateServiceAddresses(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }), undefined, alloc)), [
    'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
  ]);
});

test('update and delete release what is no longer used; restore re-claims stored addresses', () => {
  const alloc = allocators();
  const np = svc({ type: 'NodePort' });
  allocateServiceAddresses(np, undefined, alloc);
  const port = (spec(np)['ports'] as Array<{ nodePort: number }>)[0]!.nodePort;
  const asClusterIp: KubeObject = { metadata: { name: 'web' }, spec: { ...spec(np), type: 'ClusterIP', ports: [{ port: 80 }] } };
  assert.deepEqual(allocateServiceAddresses(asClusterIp, np, alloc), []);
  assert.equal(alloc.nodePorts.isAllocated(port), false);
  assert.equal(alloc.clusterIps.isAllocated('10.96.0.1'), true);
  releaseServiceAddresses(asClusterIp, alloc);
  assert.equal(alloc.clusterIps.allocatedCount, 0);

  const fresh = allocators();
  restoreServiceAddresses(np, fresh);
  assert.equal(fresh.clusterIps.isAllocated('10.96.0.1'), true);
  assert.equal(fresh.nodePorts.isAllocated(port), true);
});
