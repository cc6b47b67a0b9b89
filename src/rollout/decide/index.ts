/** The decide half of the Rollout reconcile: observation in, plan out, no I/O. */
export { decideRollout, needsPods, referencedServices, type DecideOptions } from './decide.ts';
export type * from './types.ts';
export { createMergePatch, applyMergePatch, normalizeJson } from './merge-patch.ts';
export { DEFAULT_STEP_HANDLERS, type StepHandlers } from './steps/registry.ts';
export type { CanaryStepHandler } from './steps/step-handler.ts';
export { STEP_NOT_SUPPORTED_REASON } from './steps/pending-step.ts';
export { isControlledBy, newReplicaSetName, findNewReplicaSet } from './new-replicaset.ts';
export { podTemplateEqualIgnoreHash } from './template-equality.ts';
export { WORKLOAD_KINDS, isWorkloadKind } from './workload-ref.ts';
export { invalidSpecMessage } from './invalid-spec.ts';
export { needsRestart } from './restart.ts';
