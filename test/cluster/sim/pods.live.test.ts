import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimCluster, type SimCluster } from '../../helpers/sim-cluster.ts';
import { eventually } from '../../helpers/local-cluster.ts';
import { jsonpath } from './kubectl.ts';

let c: SimCluster;
before(async () => {
  c = await startSimCluster();
});
after(async () => {
  await c?.stop();
});

function podYaml(name: string, o: { image?: string; command?: string; annotations?: Record<string, string>; gates?: string[]; restartPolicy?: string; labels?: Record<string, string> } = {}): string {
  const annotations = Object.entries(o.annotations ?? {}).map(([k, v]) => `    ${k}: "${v}"`);
  const labels = Object.entries(o.labels ?? { app: name }).map(([k, v]) => `    ${k}: ${v}`);
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
${labels.join('\n')}
${annotations.length ? `  annotations:\n${annotations.join('\n')}` : ''}
spec:
  ${o.restartPolicy ? `restartPolicy: ${o.restartPolicy}` : ''}
  ${o.gates ? `readinessGates: [${o.gates.map((g) => `{conditionType: "${g}"}`).join(', ')}]` : ''}
  containers:
  - name: app
    image: ${o.image ?? 'nginx:1.27'}
    ${o.command ? `command: ${o.command}` : ''}
    ports: [{name: http, containerPort: 8080}]
`;
}

/** The STATUS and RESTARTS columns of `kubectl get pod`. */
async function statusColumns(name: string): Promise<{ status: string; restarts: number; ready: string }> {
  const line = (await c.kubectlOk(['get', 'pod', name, '--no-headers'])).trim().split(/\s+/);
  return { ready: line[1] ?? '', status: line[2] ?? '', restarts: Number(line[3] ?? 0) };
}

test('kubectl get nodes: three Ready nodes on v1.32.0', async () => {
  const out = await c.kubectlOk(['get', 'nodes', '--no-headers']);
  const rows = out.trim().split('\n').map((l) => l.split(/\s+/));
  assert.deepEqual(
    rows.map((r) => [r[0], r[1], r[4]]),
    [
      ['vane-node-1', 'Ready', 'v1.32.0'],
      ['vane-node-2', 'Ready', 'v1.32.0'],
      ['vane-node-3', 'Ready', 'v1.32.0'],
    ],
  );
});

test('an unpullable image: ErrImagePull / ImagePullBackOff, Pending, not ready', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('pull', { image: 'nginx:does-not-exist' }));
  const seen = await eventually(async () => {
    const s = await statusColumns('pull');
    return s.status === 'ImagePullBackOff' ? s : undefined;
  });
  assert.equal(seen.ready, '0/1');
  assert.equal(await jsonpath(c, ['pod', 'pull'], '{.status.phase}'), 'Pending');
  const events = await c.kubectlOk(['get', 'events', '--field-selector', 'involvedObject.name=pull', '-o', 'jsonpath={.items[*].reason}']);
  assert.match(events, /Failed/);
});

test('a failing command: CrashLoopBackOff with a growing restart count and the exit code', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('crash', { command: '["sh", "-c", "exit 3"]' }));
  const s = await eventually(async () => {
    const cols = await statusColumns('crash');
    return cols.status === 'CrashLoopBackOff' && cols.restarts >= 3 ? cols : undefined;
  }, 30_000);
  assert.equal(s.ready, '0/1');
  assert.equal(await jsonpath(c, ['pod', 'crash'], '{.status.containerStatuses[0].lastState.terminated.exitCode}'), '3');
  assert.equal(await jsonpath(c, ['pod', 'crash'], '{.status.phase}'), 'Running');
});

test('the crash annotation works on any image', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('crash2', { annotations: { 'vane.dev/crash': 'true' } }));
  await eventually(async () => (await statusColumns('crash2')).status === 'CrashLoopBackOff');
});

test('never-ready: Running, 0/1', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('lazy', { annotations: { 'vane.dev/never-ready': 'true' } }));
  await eventually(async () => (await statusColumns('lazy')).status === 'Running');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await statusColumns('lazy')).ready, '0/1');
});

test('start-delay: ContainerCreating first, Running after the delay', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('slow', { annotations: { 'vane.dev/start-delay': '1500ms' } }));
  await eventually(async () => (await statusColumns('slow')).status === 'ContainerCreating');
  const created = Date.now();
  await eventually(async () => (await statusColumns('slow')).ready === '1/1', 10_000);
  assert.ok(Date.now() - created > 700, 'not before the delay');
});

test('a run-to-completion pod ends Succeeded or Failed by its exit code', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('done', { restartPolicy: 'Never', command: '["sh", "-c", "sleep 10; exit 0"]' }));
  await c.kubectlOk(['apply', '-f', '-'], podYaml('failed', { restartPolicy: 'Never', command: '["false"]' }));
  await eventually(async () => (await statusColumns('done')).status === 'Completed');
  await eventually(async () => (await statusColumns('failed')).status === 'Error');
  assert.equal(await jsonpath(c, ['pod', 'failed'], '{.status.phase}'), 'Failed');
});

test('readiness gates: Ready only once the gate condition is set True through pods/status', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('gated', { gates: ['example.com/lb-ready'], labels: { app: 'gated', tier: 'front' } }));
  await eventually(async () => (await statusColumns('gated')).status === 'Running');
  assert.equal((await statusColumns('gated')).ready, '1/1', 'containers ready');
  assert.equal(await jsonpath(c, ['pod', 'gated'], '{.status.conditions[?(@.type=="Ready")].status}'), 'False');
  assert.equal(await jsonpath(c, ['pod', 'gated'], '{.status.conditions[?(@.type=="Ready")].reason}'), 'ReadinessGatesNotReady');
  const wide = await c.kubectlOk(['get', 'pod', 'gated', '-o', 'wide', '--no-headers']);
  assert.match(wide, /0\/1\s*$/, 'READINESS GATES 0/1');

  // A service's endpoints follow the pod's readiness.
  await c.kubectlOk(['apply', '-f', '-'], `apiVersion: v1
kind: Service
metadata: {name: front}
spec:
  selector: {tier: front}
  ports: [{name: web, port: 80, targetPort: http}]
`);
  const ip = await jsonpath(c, ['pod', 'gated'], '{.status.podIP}');
  await eventually(async () => (await jsonpath(c, ['endpoints', 'front'], '{.subsets[0].notReadyAddresses[0].ip}')) === ip);
  assert.equal(await jsonpath(c, ['endpoints', 'front'], '{.subsets[0].ports[0].port}'), '8080');
  const slice = await eventually(async () => (await c.kubectlOk(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=front', '-o', 'name'])).trim() || undefined);
  assert.equal(await jsonpath(c, [slice], '{.endpoints[0].conditions.ready}'), 'false');

  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await c.kubectlOk([
    'patch', 'pod', 'gated', '--subresource=status', '--type=strategic',
    '-p', JSON.stringify({ status: { conditions: [{ type: 'example.com/lb-ready', status: 'True', lastTransitionTime: now }] } }),
  ]);
  await eventually(async () => (await jsonpath(c, ['pod', 'gated'], '{.status.conditions[?(@.type=="Ready")].status}')) === 'True');
  assert.match(await c.kubectlOk(['get', 'pod', 'gated', '-o', 'wide', '--no-headers']), /1\/1\s*$/);
  await eventually(async () => (await jsonpath(c, ['endpoints', 'front'], '{.subsets[0].addresses[0].ip}')) === ip);
  await eventually(async () => (await jsonpath(c, [slice], '{.endpoints[0].conditions.ready}')) === 'true');

  // Flip it back: the address moves to notReadyAddresses again.
  await c.kubectlOk(['patch', 'pod', 'gated', '--subresource=status', '--type=strategic', '-p', JSON.stringify({ status: { conditions: [{ type: 'example.com/lb-ready', status: 'False', lastTransitionTime: now }] } })]);
  await eventually(async () => (await jsonpath(c, ['endpoints', 'front'], '{.subsets[0].notReadyAddresses[0].ip}')) === ip);

  // Deleting the service removes its Endpoints and EndpointSlices.
  await c.kubectlOk(['delete', 'service', 'front']);
  await eventually(async () => (await c.kubectlOk(['get', 'endpoints,endpointslices', '-l', 'kubernetes.io/service-name=front', '-o', 'name'])).trim() === '');
  await eventually(async () => (await c.kubectl(['get', 'endpoints', 'front'])).code !== 0);
});

test('kubectl delete pod: the pod terminates and disappears quickly', async () => {
  await c.kubectlOk(['apply', '-f', '-'], podYaml('short'));
  await eventually(async () => (await statusColumns('short')).ready === '1/1');
  const t = Date.now();
  await c.kubectlOk(['delete', 'pod', 'short', '--timeout=30s']);
  assert.ok(Date.now() - t < 10_000);
  assert.notEqual((await c.kubectl(['get', 'pod', 'short'])).code, 0);
});

test('a pod that fits no node stays Pending with PodScheduled=False Unschedulable; cordon is honoured', async () => {
  await c.kubectlOk(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: nowhere}
spec:
  nodeSelector: {disk: nvme}
  containers: [{name: app, image: nginx}]
`);
  await eventually(async () => (await jsonpath(c, ['pod', 'nowhere'], '{.status.conditions[?(@.type=="PodScheduled")].reason}')) === 'Unschedulable');
  assert.match(await jsonpath(c, ['pod', 'nowhere'], '{.status.conditions[?(@.type=="PodScheduled")].message}'), /^0\/3 nodes are available: 3 node\(s\) didn't match Pod's node affinity\/selector\./);
  await c.kubectlOk(['label', 'node', 'vane-node-2', 'disk=nvme']);
  await eventually(async () => (await jsonpath(c, ['pod', 'nowhere'], '{.spec.nodeName}')) === 'vane-node-2');
  await eventually(async () => (await statusColumns('nowhere')).ready === '1/1');

  await c.kubectlOk(['cordon', 'vane-node-1']);
  try {
    for (let i = 0; i < 4; i++) await c.kubectlOk(['apply', '-f', '-'], podYaml(`c${i}`, { labels: { app: 'cordon' } }));
    await eventually(async () => (await jsonpath(c, ['pods', '-l', 'app=cordon'], '{.items[*].spec.nodeName}')).split(' ').filter(Boolean).length === 4);
    assert.ok(!(await jsonpath(c, ['pods', '-l', 'app=cordon'], '{.items[*].spec.nodeName}')).includes('vane-node-1'));
  } finally {
    await c.kubectlOk(['uncordon', 'vane-node-1']);
  }
});
