/** Table tests for what the controller injects into ReplicaSet templates and how it compares them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { Rollout } from '../../../src/api/types/rollout.ts';
import { computePodTemplateHash } from '../../../src/rollout/hash.ts';
import { findInjectedTerm, generateReplicaSetAffinity, injectedAntiAffinityNeedsUpdate, withoutInjectedAntiAffinity } from '../../../src/rollout/decide/anti-affinity.ts';
import { existingEphemeralMetadata, podMetadataPatch, syncReplicaSetEphemeralMetadata } from '../../../src/rollout/decide/ephemeral-metadata.ts';
import { podTemplateEqualIgnoreHash } from '../../../src/rollout/decide/template-equality.ts';
import { resolveWorkloadRef } from '../../../src/rollout/decide/workload-ref.ts';

const template: PodTemplateSpec = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'img:1', ports: [{ containerPort: 80 }] }] } };

function rollout(extra: Partial<Rollout['spec']['strategy']['canary']> = {}, status: Rollout['status'] = {}): Rollout {
  return { metadata: { name: 'r', namespace: 'ns' }, spec: { replicas: 2, template, selector: { matchLabels: { app: 'a' } }, strategy: { canary: { ...extra } } }, status };
}

function rsWith(t: PodTemplateSpec, annotations: Record<string, string> = {}): ReplicaSet {
  return { metadata: { name: 'r-x', annotations }, spec: { selector: {}, template: t } };
}

test('template equality ignores the hash label, API-server defaults, injected metadata and anti-affinity', () => {
  const defaulted: PodTemplateSpec = {
    metadata: { labels: { app: 'a', 'rollouts-pod-template-hash': 'h', role: 'canary' } },
    spec: {
      containers: [{ name: 'c', image: 'img:1', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      securityContext: {},
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchExpressions: [{ key: 'rollouts-pod-template-hash', operator: 'In', values: ['s'] }] }, namespaces: ['ns'], topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      },
    },
  };
  const rs = rsWith(defaulted, { 'rollout.argoproj.io/ephemeral-metadata': '{"labels":{"role":"canary"}}' });
  assert.equal(podTemplateEqualIgnoreHash(rs, template), true);
  const other = { ...template, spec: { containers: [{ name: 'c', image: 'img:2', ports: [{ containerPort: 80 }] }] } };
  assert.equal(podTemplateEqualIgnoreHash(rs, other), false, 'an image change is a different template');
  const pullAlways = { ...template, spec: { containers: [{ name: 'c', image: 'img:1', imagePullPolicy: 'Always', ports: [{ containerPort: 80 }] }] } };
  assert.equal(podTemplateEqualIgnoreHash(rs, pullAlways), false, 'an explicit non-default field counts');
});

test('anti-affinity: injected only while a distinct stable RS exists', () => {
  const hash = computePodTemplateHash(template);
  const rows: Array<[string, Rollout, boolean]> = [
    ['no antiAffinity', rollout({}, { stableRS: 'stable' }), false],
    ['no stable yet', rollout({ antiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } }), false],
    ['stable is the current template', rollout({ antiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } }, { stableRS: hash }), false],
    ['update in progress', rollout({ antiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } }, { stableRS: 'stable' }), true],
  ];
  for (const [name, ro, injected] of rows) {
    const affinity = generateReplicaSetAffinity(ro);
    assert.equal(!!findInjectedTerm(affinity), injected, name);
  }
  const ro = rollout({ antiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: { weight: 7 } } }, { stableRS: 'stable' });
  const affinity = generateReplicaSetAffinity(ro);
  assert.equal(affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0]?.weight, 7);
  assert.equal(injectedAntiAffinityNeedsUpdate(affinity, ro), false);
  assert.equal(injectedAntiAffinityNeedsUpdate(affinity, { ...ro, status: { stableRS: 'newer' } }), true);
  assert.equal(withoutInjectedAntiAffinity(affinity), undefined);
});

test('ephemeral metadata: inject, replace, remove; pods get the matching merge patch', () => {
  const rs = rsWith(template);
  const canary = syncReplicaSetEphemeralMetadata(rs, { labels: { role: 'canary' }, annotations: { note: 'x' } })!;
  assert.deepEqual(canary.spec?.template?.metadata?.labels, { app: 'a', role: 'canary' });
  assert.deepEqual(existingEphemeralMetadata(canary), { labels: { role: 'canary' }, annotations: { note: 'x' } });
  assert.equal(syncReplicaSetEphemeralMetadata(canary, { labels: { role: 'canary' }, annotations: { note: 'x' } }), undefined, 'no change, no write');
  const stable = syncReplicaSetEphemeralMetadata(canary, { labels: { role: 'stable' } })!;
  assert.deepEqual(stable.spec?.template?.metadata?.labels, { app: 'a', role: 'stable' });
  assert.equal(stable.spec?.template?.metadata?.annotations, undefined);
  const cleared = syncReplicaSetEphemeralMetadata(stable, undefined)!;
  assert.deepEqual(cleared.spec?.template?.metadata?.labels, { app: 'a' });
  assert.equal(cleared.metadata?.annotations?.['rollout.argoproj.io/ephemeral-metadata'], undefined);
  assert.deepEqual(podMetadataPatch({ labels: { role: 'canary' }, annotations: { note: 'x' } }, { labels: { role: 'stable' } }), {
    metadata: { labels: { role: 'stable' }, annotations: { note: null } },
  });
  assert.equal(podMetadataPatch(undefined, undefined), undefined);
});

test('workloadRef resolution per kind', () => {
  const base = rollout();
  delete base.spec.template;
  const rows: Array<[string, string, object, string | undefined]> = [
    ['Deployment', 'Deployment', { metadata: { generation: 4 }, spec: { selector: { matchLabels: { app: 'd' } }, template: { ...template, metadata: { labels: { app: 'd' } } } } }, 'd'],
    ['ReplicaSet', 'ReplicaSet', { metadata: { generation: 1 }, spec: { selector: { matchLabels: { app: 'x' } }, template: { ...template, metadata: { labels: { app: 'x' } } } } }, 'x'],
    ['PodTemplate keeps the rollout selector', 'PodTemplate', { metadata: { generation: 2 }, template }, 'a'],
  ];
  for (const [name, kind, object, selectorApp] of rows) {
    const ro: Rollout = { ...base, spec: { ...base.spec, workloadRef: { apiVersion: 'v1', kind, name: 'w' } } };
    const r = resolveWorkloadRef(ro, { kind, name: 'w', object });
    assert.equal(r.resolvedFromRef, true, name);
    assert.equal(r.rollout.spec.selector?.matchLabels?.['app'], selectorApp, name);
    assert.ok(r.rollout.spec.template?.spec?.containers.length, name);
    assert.equal(ro.spec.template, undefined, 'the input rollout is not modified');
  }
  const missing = resolveWorkloadRef({ ...base, spec: { ...base.spec, workloadRef: { kind: 'ReplicaSet', name: 'w' } } }, undefined);
  assert.equal(missing.error?.field, 'spec.workloadRef.name');
});
