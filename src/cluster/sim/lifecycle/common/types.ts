/** Typed views of the objects the lifecycle controllers read: kubernetes-types shapes that are KubeObjects. */
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js';
import type { KubeObject } from '../../../store/object.ts';

/** A kubernetes-types shape with KubeObject's (writable, always present) metadata. */
type Obj<T> = Omit<T, 'metadata'> & KubeObject;

export type PodObject = Obj<Pod>;
export type JobObject = Obj<Job>;
export type HpaObject = Obj<HorizontalPodAutoscaler>;
export type PdbObject = Obj<PodDisruptionBudget>;
