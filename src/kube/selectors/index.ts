/** Label and field selectors, as the API server, controllers and CLI use them. */
export * from './labels.ts';
export * from './fields.ts';
export { SelectorError } from './errors.ts';
