import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { podSummary } from '../../../../src/cluster/apiserver/table/pod-status.ts';

const NOW = new Date('2024-05-01T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

const running = { running: { startedAt: ago(600) } };
const ctr = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'x', ...extra });
const cs = (name: string, state: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name,
  image: 'x',
  imageID: '',
  ready: false,
  restartCount: 0,
  state,
  ...extra,
});

function pod(p: { spec?: Record<string, unknown>; status?: Record<string, unknown>; deleting?: boolean }): Pod {
  return {
    metadata: { name: 'p', ...(p.deleting ? { deletionTimestamp: ago(1) } : {}) },
    spec: { containers: [ctr('app')], ...p.spec },
    status: p.status ?? {},
  } as Pod;
}

const CASES: Array<{ name: string; pod: Pod; ready: string; status: string; restarts: string }> = [
  { name: 'pending, no statuses', pod: pod({ status: { phase: 'Pending' } }), ready: '0/1', status: 'Pending', restarts: '0' },
  {
    name: 'running and ready',
    pod: pod({ status: { phase: 'Running', containerStatuses: [cs('app', running, { ready: true })] } }),
    ready: '1/1',
    status: 'Running',
    restarts: '0',
  },
  {
    name: 'ContainerCreating',
    pod: pod({ status: { phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ContainerCreating' } })] } }),
    ready: '0/1',
    status: 'ContainerCreating',
    restarts: '0',
  },
  {
    name: 'ErrImagePull',
    pod: pod({ status: { phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ErrImagePull', message: 'rpc error' } })] } }),
    ready: '0/1',
    status: 'ErrImagePull',
    restarts: '0',
  },
  {
    name: 'ImagePullBackOff',
    pod: pod({ status: { phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ImagePullBackOff' } })] } }),
    ready: '0/1',
    status: 'ImagePullBackOff',
    restarts: '0',
  },
  {
    name: 'CrashLoopBackOff with restarts and last restart age',
    pod: pod({
      status: {
        phase: 'Running',
        containerStatuses: [
          cs('app', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(200) } } }),
        ],
      },
    }),
    ready: '0/1',
    status: 'CrashLoopBackOff',
    restarts: '4 (3m20s ago)',
  },
  {
    name: 'restarts without a termination time print only the count',
    pod: pod({ status: { phase: 'Running', containerStatuses: [cs('app', running, { ready: true, restartCount: 2 })] } }),
    ready: '1/1',
    status: 'Running',
    restarts: '2',
  },
  {
    name: 'Completed',
    pod: pod({ status: { phase: 'Succeeded', containerStatuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })] } }),
    ready: '0/1',
    status: 'Completed',
    restarts: '0',
  },
  {
    name: 'Error',
    pod: pod({ status: { phase: 'Failed', containerStatuses: [cs('app', { terminated: { exitCode: 1, reason: 'Error' } })] } }),
    ready: '0/1',
    status: 'Error',
    restarts: '0',
  },
  {
    name: 'terminated without reason: ExitCode / Signal',
    pod: pod({
      spec: { containers: [ctr('a'), ctr('b')] },
      status: { phase: 'Failed', containerStatuses: [cs('a', { terminated: { exitCode: 0, signal: 9 } }), cs('b', { terminated: { exitCode: 137 } })] },
    }),
    ready: '0/2',
    status: 'Signal:9',
    restarts: '0',
  },
  {
    name: 'one container Completed, another running: Running when the pod is Ready',
    pod: pod({
      spec: { containers: [ctr('a'), ctr('b')] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [cs('a', running, { ready: true }), cs('b', { terminated: { exitCode: 0, reason: 'Completed' } })],
      },
    }),
    ready: '1/2',
    status: 'Running',
    restarts: '0',
  },
  {
    name: '... and NotReady when it is not',
    pod: pod({
      spec: { containers: [ctr('a'), ctr('b')] },
      status: { phase: 'Running', containerStatuses: [cs('a', running, { ready: true }), cs('b', { terminated: { exitCode: 0, reason: 'Completed' } })] },
    }),
    ready: '1/2',
    status: 'NotReady',
    restarts: '0',
  },
  {
    name: 'Init:0/2 while the first init container runs',
    pod: pod({
      spec: { initContainers: [ctr('i1'), ctr('i2')] },
      status: { phase: 'Pending', initContainerStatuses: [cs('i1', running), cs('i2', { waiting: { reason: 'PodInitializing' } })], containerStatuses: [cs('app', { waiting: { reason: 'PodInitializing' } })] },
    }),
    ready: '0/1',
    status: 'Init:0/2',
    restarts: '0',
  },
  {
    name: 'Init:1/2 after the first completes',
    pod: pod({
      spec: { initContainers: [ctr('i1'), ctr('i2')] },
      status: { phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 0, reason: 'Completed' } }), cs('i2', running)] },
    }),
    ready: '0/1',
    status: 'Init:1/2',
    restarts: '0',
  },
  {
    name: 'Init:CrashLoopBackOff counts init restarts',
    pod: pod({
      spec: { initContainers: [ctr('i1')] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [cs('i1', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } })],
      },
    }),
    ready: '0/1',
    status: 'Init:CrashLoopBackOff',
    restarts: '3 (30s ago)',
  },
  {
    name: 'Init:ExitCode when an init container fails without a reason',
    pod: pod({ spec: { initContainers: [ctr('i1')] }, status: { phase: 'Failed', initContainerStatuses: [cs('i1', { terminated: { exitCode: 2 } })] } }),
    ready: '0/1',
    status: 'Init:ExitCode:2',
    restarts: '0',
  },
  {
    name: 'started sidecar (restartable init container) counts towards READY',
    pod: pod({
      spec: { initContainers: [ctr('proxy', { restartPolicy: 'Always' })] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [cs('proxy', running, { ready: true, started: true, restartCount: 1 })],
        containerStatuses: [cs('app', running, { ready: true })],
      },
    }),
    ready: '2/2',
    status: 'Running',
    restarts: '1',
  },
  { name: 'Terminating', pod: pod({ deleting: true, status: { phase: 'Running', containerStatuses: [cs('app', running, { ready: true })] } }), ready: '1/1', status: 'Terminating', restarts: '0' },
  { name: 'a terminal pod being deleted keeps its phase', pod: pod({ deleting: true, status: { phase: 'Succeeded' } }), ready: '0/1', status: 'Succeeded', restarts: '0' },
  { name: 'NodeLost while deleting is Unknown', pod: pod({ deleting: true, status: { phase: 'Running', reason: 'NodeLost' } }), ready: '0/1', status: 'Unknown', restarts: '0' },
  { name: 'status.reason wins over phase (Evicted)', pod: pod({ status: { phase: 'Failed', reason: 'Evicted' } }), ready: '0/1', status: 'Evicted', restarts: '0' },
  {
    name: 'SchedulingGated',
    pod: pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }),
    ready: '0/1',
    status: 'SchedulingGated',
    restarts: '0',
  },
];

for (const c of CASES) {
  test(`pod status cell: ${c.name}`, () => {
    assert.deepEqual(podSummary(c.pod, NOW), { ready: c.ready, status: c.status, restarts: c.restarts });
  });
}
