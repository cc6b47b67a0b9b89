/** A Deployment's spec with apps/v1 defaults applied (in case the server did not default it). Pure. */
import type { IntOrString } from '../../../api/intstr.ts';
import type { DeploymentObject } from '../util/types.ts';

export interface DeploymentSpecView {
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurge: IntOrString;
  maxUnavailable: IntOrString;
  minReadySeconds: number;
  /** Undefined: keep every old ReplicaSet. */
  revisionHistoryLimit?: number;
  /** Undefined (or MaxInt32): no progress deadline. */
  progressDeadlineSeconds?: number;
  paused: boolean;
}

export const MAX_INT32 = 2147483647;

export function specOf(d: DeploymentObject): DeploymentSpecView {
  const spec = d.spec;
  const strategy = spec?.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  const ru = spec?.strategy?.rollingUpdate;
  const pds = spec?.progressDeadlineSeconds ?? 600;
  return {
    replicas: spec?.replicas ?? 1,
    strategy,
    maxSurge: ru?.maxSurge ?? '25%',
    maxUnavailable: ru?.maxUnavailable ?? '25%',
    minReadySeconds: spec?.minReadySeconds ?? 0,
    revisionHistoryLimit: spec?.revisionHistoryLimit ?? 10,
    progressDeadlineSeconds: pds === MAX_INT32 ? undefined : pds,
    paused: spec?.paused === true,
  };
}
