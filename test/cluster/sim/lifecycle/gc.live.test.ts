import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSimCluster, type SimCluster } from '../../../helpers/sim-cluster.ts';
import { eventually } from '../../../helpers/local-cluster.ts';
import { getJson, names, replicaSet } from './live.ts';

let c: SimCluster;
before(async () => {
  c = await startSimCluster();
});
after(async () => {
  await c?.stop();
});

async function runningPods(app: string): Promise<string[]> {
  return eventually(async () => {
    const pods = await names(c, ['pods', '-l', `app=${app}`]);
    return pods.length === 3 ? pods : undefined;
  });
}

test('deleting a ReplicaSet (background) deletes its pods', async () => {
  await c.kubectlOk(['apply', '-f', '-'], replicaSet('bg', 3));
  await runningPods('bg');
  await c.kubectlOk(['delete', 'rs', 'bg']);
  await eventually(async () => (await names(c, ['pods', '-l', 'app=bg'])).length === 0);
});

test('--cascade=foreground: the ReplicaSet goes only after its pods', async () => {
  await c.kubectlOk(['apply', '-f', '-'], replicaSet('fg', 3));
  await runningPods('fg');
  // kubectl waits until the ReplicaSet is gone, which the garbage collector allows once no pod is left.
  await c.kubectlOk(['delete', 'rs', 'fg', '--cascade=foreground', '--timeout=60s']);
  assert.deepEqual(await names(c, ['pods', '-l', 'app=fg']), []);
});

test('--cascade=orphan leaves the pods, without their owner reference', async () => {
  await c.kubectlOk(['apply', '-f', '-'], replicaSet('orph', 3));
  const pods = await runningPods('orph');
  await c.kubectlOk(['delete', 'rs', 'orph', '--cascade=orphan', '--timeout=60s']);
  const list = await getJson(c, ['pods', '-l', 'app=orph']);
  assert.deepEqual(list.items.map((p) => p.metadata.name).sort(), pods);
  for (const p of list.items) {
    assert.equal(p.metadata.ownerReferences, undefined, `${p.metadata.name} still has owners`);
    assert.equal(p.metadata.deletionTimestamp, undefined);
  }
  await c.kubectlOk(['delete', 'pods', '-l', 'app=orph', '--wait=false']);
});

test('deleting a Deployment deletes its ReplicaSets and pods', async () => {
  await c.kubectlOk(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']);
  await eventually(async () => (await names(c, ['pods', '-l', 'app=web'])).length === 2);
  assert.equal((await names(c, ['rs', '-l', 'app=web'])).length, 1);
  await c.kubectlOk(['delete', 'deployment', 'web']);
  await eventually(async () => (await names(c, ['rs,pods', '-l', 'app=web'])).length === 0);
});

test('an object with two owners stays until both are gone; the dangling reference is dropped', async () => {
  await c.kubectlOk(['create', 'configmap', 'owner-a']);
  await c.kubectlOk(['create', 'configmap', 'owner-b']);
  const a = await getJson<{ metadata: { uid: string } }>(c, ['configmap', 'owner-a']);
  const b = await getJson<{ metadata: { uid: string } }>(c, ['configmap', 'owner-b']);
  const ref = (name: string, uid: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', name, uid });
  const dependent = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shared', ownerReferences: [ref('owner-a', a.metadata.uid), ref('owner-b', b.metadata.uid)] } };
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify(dependent));
  await c.kubectlOk(['delete', 'configmap', 'owner-a']);
  await eventually(async () => {
    const s = await getJson<{ metadata: { ownerReferences?: Array<{ name: string }> } }>(c, ['secret', 'shared']);
    return s.metadata.ownerReferences?.length === 1 && s.metadata.ownerReferences[0]?.name === 'owner-b';
  });
  await c.kubectlOk(['delete', 'configmap', 'owner-b']);
  await eventually(async () => (await c.kubectl(['get', 'secret', 'shared'])).code !== 0);
});

test('a dependent created for an owner that no longer exists is collected', async () => {
  const orphan = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'late', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'never', uid: '00000000-0000-0000-0000-000000000000' }] },
  };
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify(orphan));
  await eventually(async () => (await c.kubectl(['get', 'configmap', 'late'])).code !== 0);
});

test('custom resources from a CRD installed later are collected both ways (discovery is re-read)', async () => {
  const crd = readFileSync(new URL('../../../../manifests/crds/analysis-template-crd.yaml', import.meta.url), 'utf8');
  await c.kubectlOk(['apply', '-f', '-'], crd);
  await c.kubectlOk(['wait', '--for=condition=established', 'crd/analysistemplates.argoproj.io', '--timeout=30s']);
  await c.kubectlOk(['create', 'configmap', 'cr-owner']);
  const owner = await getJson<{ metadata: { uid: string } }>(c, ['configmap', 'cr-owner']);
  const template = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: 'owned', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'cr-owner', uid: owner.metadata.uid, blockOwnerDeletion: true }] },
    spec: { metrics: [{ name: 'm', provider: { job: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } } } } }] },
  };
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify(template));
  const cr = await getJson<{ metadata: { uid: string } }>(c, ['analysistemplate', 'owned']);
  await c.kubectlOk(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'cr-dependent', ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', name: 'owned', uid: cr.metadata.uid, blockOwnerDeletion: true }] },
  }));
  // Foreground from the top: the ConfigMap waits for the AnalysisTemplate, which (having a dependent
  // of its own) is deleted in the foreground too and waits for the Secret.
  await c.kubectlOk(['delete', 'configmap', 'cr-owner', '--cascade=foreground', '--timeout=60s']);
  assert.notEqual((await c.kubectl(['get', 'analysistemplate', 'owned'])).code, 0);
  assert.notEqual((await c.kubectl(['get', 'secret', 'cr-dependent'])).code, 0);
});
