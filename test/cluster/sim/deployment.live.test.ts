import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimCluster, type SimCluster } from '../../helpers/sim-cluster.ts';
import { eventually } from '../../helpers/local-cluster.ts';
import { deploymentYaml, jsonpath, pods } from './kubectl.ts';

let c: SimCluster;
before(async () => {
  c = await startSimCluster();
});
after(async () => {
  await c?.stop();
});

test('apply a Deployment: pods scheduled across the nodes, Running and Ready; rollout status succeeds', async () => {
  await c.kubectlOk(['apply', '-f', '-'], deploymentYaml('web'));
  const out = await c.kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  assert.match(out, /deployment "web" successfully rolled out/);
  const ps = await pods(c, 'app=web');
  assert.equal(ps.length, 3);
  assert.ok(ps.every((p) => p.phase === 'Running' && p.ready), JSON.stringify(ps));
  assert.equal(new Set(ps.map((p) => p.node)).size, 3, 'spread over the three nodes');
  assert.equal(new Set(ps.map((p) => p.ip)).size, 3, 'unique pod IPs');
  assert.ok(ps.every((p) => /^10\.244\.\d+\.\d+$/.test(p.ip)));
  assert.equal(await jsonpath(c, ['deploy', 'web'], '{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'), '1');
  const table = await c.kubectlOk(['get', 'deploy', 'web']);
  assert.match(table, /web\s+3\/3\s+3\s+3/);
  const rs = await c.kubectlOk(['get', 'rs', '-l', 'app=web', '-o', 'name']);
  assert.match(rs.trim(), /^replicaset\.apps\/web-[bcdfghjklmnpqrstvwxz2456789]+$/);
});

test('kubectl scale up and down', async () => {
  await c.kubectlOk(['scale', 'deployment/web', '--replicas=5']);
  await c.kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  await eventually(async () => (await pods(c, 'app=web')).filter((p) => p.ready).length === 5);
  await c.kubectlOk(['scale', 'deployment/web', '--replicas=2']);
  await c.kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  await eventually(async () => (await pods(c, 'app=web')).length === 2);
  assert.equal(await jsonpath(c, ['deploy', 'web'], '{.status.availableReplicas}'), '2');
});

test('a new image rolls out through a new ReplicaSet; rollout undo goes back', async () => {
  await c.kubectlOk(['set', 'image', 'deployment/web', 'app=nginx:1.28']);
  await c.kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  assert.equal(await jsonpath(c, ['deploy', 'web'], '{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'), '2');
  const rses = (await c.kubectlOk(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.spec.template.spec.containers[0].image}={.spec.replicas}{"\\n"}{end}'])).trim().split('\n').sort();
  assert.deepEqual(rses, ['nginx:1.27=0', 'nginx:1.28=2']);
  const history = await c.kubectlOk(['rollout', 'history', 'deployment/web']);
  assert.match(history, /1\s+<none>/);
  assert.match(history, /2\s+<none>/);

  await c.kubectlOk(['rollout', 'undo', 'deployment/web']);
  await c.kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  assert.equal(await jsonpath(c, ['deploy', 'web'], '{.spec.template.spec.containers[0].image}'), 'nginx:1.27');
  assert.equal(await jsonpath(c, ['deploy', 'web'], '{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'), '3');
  const conds = await jsonpath(c, ['deploy', 'web'], '{range .status.conditions[*]}{.type}={.reason}{"\\n"}{end}');
  assert.match(conds, /Available=MinimumReplicasAvailable/);
  assert.match(conds, /Progressing=NewReplicaSetAvailable/);
});

test('Recreate: the old pods go before the new ones come', async () => {
  await c.kubectlOk(['apply', '-f', '-'], deploymentYaml('rec', { replicas: 2, strategy: 'Recreate' }));
  await c.kubectlOk(['rollout', 'status', 'deployment/rec', '--timeout=60s']);
  await c.kubectlOk(['set', 'image', 'deployment/rec', 'app=nginx:1.28']);
  await c.kubectlOk(['rollout', 'status', 'deployment/rec', '--timeout=60s']);
  const rses = (await c.kubectlOk(['get', 'rs', '-l', 'app=rec', '-o', 'jsonpath={range .items[*]}{.spec.template.spec.containers[0].image}={.status.replicas}{"\\n"}{end}'])).trim().split('\n').sort();
  assert.deepEqual(rses, ['nginx:1.27=0', 'nginx:1.28=2']);
});

test('a rollout that never becomes ready exceeds its progress deadline', async () => {
  await c.kubectlOk(['apply', '-f', '-'], deploymentYaml('stuck', { replicas: 1, annotations: { 'vane.dev/never-ready': 'true' }, extra: 'progressDeadlineSeconds: 2' }));
  const r = await c.kubectl(['rollout', 'status', 'deployment/stuck', '--timeout=60s']);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /exceeded its progress deadline/);
  assert.equal(await jsonpath(c, ['deploy', 'stuck'], '{.status.conditions[?(@.type=="Progressing")].reason}'), 'ProgressDeadlineExceeded');
});

test('deleting a Deployment removes its ReplicaSets and pods', async () => {
  await c.kubectlOk(['delete', 'deployment', 'rec']);
  await eventually(async () => (await c.kubectlOk(['get', 'rs,pods', '-l', 'app=rec', '-o', 'name'])).trim() === '', 30_000);
});
