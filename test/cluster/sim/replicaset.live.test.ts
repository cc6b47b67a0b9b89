import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimCluster, type SimCluster } from '../../helpers/sim-cluster.ts';
import { eventually } from '../../helpers/local-cluster.ts';
import { jsonpath, pods } from './kubectl.ts';

let c: SimCluster;
before(async () => {
  c = await startSimCluster();
});
after(async () => {
  await c?.stop();
});

function rsYaml(name: string, replicas: number, o: { gate?: string; minReadySeconds?: number } = {}): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  ${o.minReadySeconds ? `minReadySeconds: ${o.minReadySeconds}` : ''}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      ${o.gate ? `readinessGates: [{conditionType: "${o.gate}"}]` : ''}
      containers: [{name: app, image: nginx}]
`;
}

async function setGate(pod: string, gate: string, status: 'True' | 'False'): Promise<void> {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await c.kubectlOk(['patch', 'pod', pod, '--subresource=status', '--type=strategic', '-p', JSON.stringify({ status: { conditions: [{ type: gate, status, lastTransitionTime: now }] } })]);
}

test('pods get controller references and names <rs>-<5 chars>; status counts them', async () => {
  await c.kubectlOk(['apply', '-f', '-'], rsYaml('plain', 4));
  await eventually(async () => (await jsonpath(c, ['rs', 'plain'], '{.status.readyReplicas}')) === '4');
  const ps = await pods(c, 'app=plain');
  assert.equal(ps.length, 4);
  assert.ok(ps.every((p) => /^plain-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.name)), ps.map((p) => p.name).join());
  const refs = await jsonpath(c, ['pods', '-l', 'app=plain'], '{range .items[*]}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}/{.metadata.ownerReferences[0].controller}/{.metadata.ownerReferences[0].blockOwnerDeletion}{"\\n"}{end}');
  assert.deepEqual([...new Set(refs.split('\n'))], ['ReplicaSet/plain/true/true']);
  const status = await jsonpath(c, ['rs', 'plain'], '{.status.replicas}/{.status.fullyLabeledReplicas}/{.status.readyReplicas}/{.status.availableReplicas}/{.status.observedGeneration}');
  assert.equal(status, '4/4/4/4/1');
});

test('scale-down deletes the not-ready pods first', async () => {
  const gate = 'example.com/ok';
  await c.kubectlOk(['apply', '-f', '-'], rsYaml('gated', 3, { gate }));
  await eventually(async () => (await pods(c, 'app=gated')).filter((p) => p.phase === 'Running').length === 3);
  const ps = await pods(c, 'app=gated');
  await setGate(ps[0]!.name, gate, 'True');
  await setGate(ps[1]!.name, gate, 'True');
  await eventually(async () => (await jsonpath(c, ['rs', 'gated'], '{.status.readyReplicas}')) === '2');
  await c.kubectlOk(['scale', 'rs', 'gated', '--replicas=2']);
  await eventually(async () => (await pods(c, 'app=gated')).length === 2);
  assert.deepEqual((await pods(c, 'app=gated')).map((p) => p.name).sort(), [ps[0]!.name, ps[1]!.name].sort());
});

test('an orphan pod matching the selector is adopted, not duplicated; a relabelled pod is released and replaced', async () => {
  await c.kubectlOk(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: stray, labels: {app: adopt}}
spec: {containers: [{name: app, image: nginx}]}
`);
  await c.kubectlOk(['apply', '-f', '-'], rsYaml('adopt', 2));
  await eventually(async () => (await jsonpath(c, ['rs', 'adopt'], '{.status.readyReplicas}')) === '2');
  assert.equal((await pods(c, 'app=adopt')).length, 2);
  assert.equal(await jsonpath(c, ['pod', 'stray'], '{.metadata.ownerReferences[0].name}'), 'adopt');

  await c.kubectlOk(['label', 'pod', 'stray', 'app=gone', '--overwrite']);
  // (The server keeps an empty list where Kubernetes would omit the field.)
  await eventually(async () => ['', '[]'].includes(await jsonpath(c, ['pod', 'stray'], '{.metadata.ownerReferences}')));
  await eventually(async () => (await pods(c, 'app=adopt')).filter((p) => p.ready).length === 2);
});

test('availableReplicas waits for minReadySeconds', async () => {
  await c.kubectlOk(['apply', '-f', '-'], rsYaml('steady', 2, { minReadySeconds: 2 }));
  await eventually(async () => (await jsonpath(c, ['rs', 'steady'], '{.status.readyReplicas}')) === '2');
  assert.equal(await jsonpath(c, ['rs', 'steady'], '{.status.availableReplicas}'), '0');
  await eventually(async () => (await jsonpath(c, ['rs', 'steady'], '{.status.availableReplicas}')) === '2', 10_000);
});

test('a deleted pod is replaced', async () => {
  const [victim] = await pods(c, 'app=plain');
  await c.kubectlOk(['delete', 'pod', victim!.name, '--wait=false']);
  await eventually(async () => {
    const ps = await pods(c, 'app=plain');
    return ps.length === 4 && !ps.some((p) => p.name === victim!.name) && ps.every((p) => p.ready);
  });
});
