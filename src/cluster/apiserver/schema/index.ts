/** Structural schema engine for custom resources: pruning, defaulting and validation. */
export { prune, type PruneResult } from './prune.ts';
export { applyDefaults } from './defaults.ts';
export { validate } from './validate.ts';
export type { Schema } from './access.ts';
