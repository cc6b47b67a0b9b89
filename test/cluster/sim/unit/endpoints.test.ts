import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSubsets, desiredEndpoints } from '../../../../src/cluster/sim/endpoints/build-endpoints.ts';
import { desiredSliceContents, planSlices, sliceLabels } from '../../../../src/cluster/sim/endpoints/build-slices.ts';
import { endpointSignature, findPort, serviceSelects, shouldPodBeInEndpoints } from '../../../../src/cluster/sim/endpoints/pod-endpoint.ts';
import type { EndpointSliceObject } from '../../../../src/cluster/sim/util/types.ts';
import { pod, service } from '../fixtures.ts';

const web = (name: string, ip: string, ready: boolean, extra: Parameters<typeof pod>[0] = {}) =>
  pod({ name, ip, ready, node: 'vane-node-1', labels: { app: 'web' }, containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }], ...extra });

test('findPort resolves target ports by number or container port name (and protocol)', () => {
  const p = web('a', '10.0.0.1', true);
  assert.equal(findPort(p, { port: 80, targetPort: 'http' }), 8080);
  assert.equal(findPort(p, { port: 80, targetPort: 9000 }), 9000);
  assert.equal(findPort(p, { port: 80 }), 80);
  assert.equal(findPort(p, { port: 80, targetPort: 'metrics' }), undefined);
  assert.equal(findPort(p, { port: 80, targetPort: 'http', protocol: 'UDP' }), undefined);
});

test('which pods are endpoints', () => {
  assert.equal(shouldPodBeInEndpoints(web('a', '10.0.0.1', true), false), true);
  assert.equal(shouldPodBeInEndpoints(pod({ labels: { app: 'web' } }), false), false, 'no IP yet');
  assert.equal(shouldPodBeInEndpoints(web('a', '10.0.0.1', true, { phase: 'Succeeded' }), true), false, 'terminal');
  assert.equal(shouldPodBeInEndpoints(web('a', '10.0.0.1', true, { deleting: true }), false), false);
  assert.equal(shouldPodBeInEndpoints(web('a', '10.0.0.1', true, { deleting: true }), true), true);
  assert.equal(serviceSelects(service({ selector: { app: 'web' } }), web('a', '1', true)), true);
  assert.equal(serviceSelects(service({ selector: { app: 'api' } }), web('a', '1', true)), false);
  assert.equal(serviceSelects(service({ ports: [{ port: 80 }] }), web('a', '1', true)), false, 'no selector: user-managed');
  assert.notEqual(endpointSignature(web('a', '1', true)), endpointSignature(web('a', '1', false)));
});

test('Endpoints: ready and not-ready addresses, resolved ports, terminating pods left out', () => {
  const svc = service({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });
  const pods = [web('b', '10.0.0.2', false), web('a', '10.0.0.1', true), web('c', '10.0.0.3', true, { deleting: true }), pod({ name: 'noip', labels: { app: 'web' } })];
  assert.deepEqual(buildSubsets(svc, pods), [
    {
      addresses: [{ ip: '10.0.0.1', nodeName: 'vane-node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } }],
      notReadyAddresses: [{ ip: '10.0.0.2', nodeName: 'vane-node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  ]);
  const publish = service({ selector: { app: 'web' }, publishNotReadyAddresses: true, ports: [{ port: 80, targetPort: 8080 }] });
  assert.equal(buildSubsets(publish, pods)[0]?.addresses?.length, 3, 'publishNotReadyAddresses: all ready, terminating included');
});

test('Endpoints: pods serving different port sets land in different subsets; headless without ports', () => {
  const svc = service({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'm', port: 9090, targetPort: 'metrics' }] });
  const withMetrics = web('b', '10.0.0.2', true, { containers: [{ name: 'app', image: 'x', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] }] });
  const subsets = buildSubsets(svc, [web('a', '10.0.0.1', true), withMetrics]);
  assert.deepEqual(
    subsets.map((s) => [s.addresses?.map((a) => a.ip), s.ports?.map((p) => p.port)]),
    [
      [['10.0.0.1', '10.0.0.2'], [8080]],
      [['10.0.0.2'], [9090]],
    ],
  );
  const headless = service({ selector: { app: 'web' }, clusterIP: 'None' });
  assert.deepEqual(buildSubsets(headless, [web('a', '10.0.0.1', true)]), [{ addresses: [{ ip: '10.0.0.1', nodeName: 'vane-node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } }] }]);
});

test('desiredEndpoints writes only when subsets or labels changed', () => {
  const svc = service({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
  const pods = [web('a', '10.0.0.1', true)];
  const first = desiredEndpoints(svc, pods, undefined);
  assert.equal(first?.metadata.name, 'web');
  assert.deepEqual(first?.metadata.labels, { team: 'a' });
  const stored = { ...first!, metadata: { ...first!.metadata, resourceVersion: '5' } };
  assert.equal(desiredEndpoints(svc, pods, stored), undefined);
  const changed = desiredEndpoints(svc, [web('a', '10.0.0.1', false)], stored);
  assert.equal(changed?.metadata.resourceVersion, '5', 'an update of the stored object');
  assert.equal(changed?.subsets?.[0]?.notReadyAddresses?.length, 1);
});

test('EndpointSlices: conditions ready/serving/terminating, zone, ports, chunks of 100', () => {
  const svc = service({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
  const zone = (n: string) => (n === 'vane-node-1' ? 'vane-zone-1' : undefined);
  const [content] = desiredSliceContents(svc, [web('a', '10.0.0.1', true), web('b', '10.0.0.2', false), web('c', '10.0.0.3', true, { deleting: true })], zone);
  assert.deepEqual(content?.ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
  assert.deepEqual(
    content?.endpoints.map((e) => [e.addresses[0], e.conditions]),
    [
      ['10.0.0.1', { ready: true, serving: true, terminating: false }],
      ['10.0.0.2', { ready: false, serving: false, terminating: false }],
      ['10.0.0.3', { ready: false, serving: true, terminating: true }],
    ],
  );
  assert.equal(content?.endpoints[0]?.zone, 'vane-zone-1');
  assert.equal(content?.endpoints[0]?.nodeName, 'vane-node-1');
  const many = Array.from({ length: 250 }, (_, i) => web(`p${i}`, `10.0.${Math.floor(i / 200)}.${(i % 200) + 1}`, true));
  assert.deepEqual(desiredSliceContents(svc, many, zone).map((c) => c.endpoints.length), [100, 100, 50]);
  assert.deepEqual(desiredSliceContents(svc, [], zone), [{ ports: [], endpoints: [] }], 'an empty placeholder slice');
});

test('planSlices: create, update in place, reuse, delete surplus', () => {
  const svc = service({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
  const desired = desiredSliceContents(svc, [web('a', '10.0.0.1', true)], () => undefined);
  const created = planSlices(svc, desired, []);
  assert.equal(created.create.length, 1);
  const s = created.create[0]!;
  assert.equal(s.metadata.generateName, 'web-');
  assert.deepEqual(s.metadata.labels, { team: 'a', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
  assert.deepEqual(s.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'uid-svc-web', controller: true, blockOwnerDeletion: true }]);
  const stored: EndpointSliceObject = { ...s, metadata: { ...s.metadata, name: 'web-abcde' } };
  assert.deepEqual(planSlices(svc, desired, [stored]), { create: [], update: [], delete: [] });
  const notReady = desiredSliceContents(svc, [web('a', '10.0.0.1', false)], () => undefined);
  const upd = planSlices(svc, notReady, [stored]);
  assert.equal(upd.update.length, 1);
  assert.equal(upd.update[0]?.metadata.name, 'web-abcde');
  const extra: EndpointSliceObject = { ...stored, metadata: { ...stored.metadata, name: 'web-zzzzz' } };
  assert.deepEqual(planSlices(svc, desired, [stored, extra]).delete.map((x) => x.metadata.name), ['web-zzzzz']);
  const headless = service({ selector: { app: 'web' }, clusterIP: 'None' });
  assert.equal(sliceLabels(headless)['service.kubernetes.io/headless'], '');
});
