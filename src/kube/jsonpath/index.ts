/**
 * kubectl JSONPath templates (client-go util/jsonpath): for printer columns, `-o jsonpath=`,
 * `kubectl wait --for=jsonpath` and Argo's web metric provider.
 */
export type { FilterOperator, JsonPathTemplate, Segment, SliceParam, Step } from './ast.ts';
export { JsonPathError } from './errors.ts';
export type { EvalOptions as JsonPathOptions } from './evaluate.ts';
export { findJsonPathResults, printJsonPath } from './find.ts';
export { goJson, goText } from './go-format.ts';
export { parseJsonPath } from './template-parser.ts';
