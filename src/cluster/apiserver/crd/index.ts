/** CustomResourceDefinition handling: defaulting, validation, served resource types and status. */
export { defaultCrd } from './defaults.ts';
export { validateCrd, type NameInUse } from './validate.ts';
export { crdToResourceTypes, CUSTOM_RESOURCE_VERBS, DEFAULT_AGE_COLUMN } from './resource-types.ts';
export { crdStatus, crdStatusConditions, type CrdStatusOptions } from './status.ts';
export { compareVersionPriority, servedVersionNames, storageVersion } from './versions.ts';
