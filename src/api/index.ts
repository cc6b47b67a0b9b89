/** argoproj.io/v1alpha1 API: types, constants, defaults, validation, CRDs. */
export type * from './types/index.ts';
export { CANARY_STEP_KINDS, METRIC_PROVIDER_KEYS } from './types/index.ts';
export * from './constants.ts';
export * from './defaults.ts';
export * from './intstr.ts';
export * from './duration.ts';
export * from './label-selector.ts';
export { validateRollout, type RolloutValidationContext } from './validation/validate-rollout.ts';
export { formatFieldError, type FieldError, type FieldErrorType } from './validation/field-error.ts';
export { ValidationMessage } from './validation/messages.ts';
export type {
  RolloutReferencedResources,
  ReferencedService,
  ReferencedAnalysisTemplate,
  ReferencedIngress,
  ServiceRole,
  AnalysisRole,
} from './validation/validate-references.ts';
export { CRD_DEFINITIONS, buildCustomResourceDefinition, buildCustomResourceDefinitions, crdDefinitionForKind, type CrdDefinition } from './crds.ts';
export { renderCrdManifests } from './crd-manifests.ts';
export type { Schema } from './schema/builders.ts';
