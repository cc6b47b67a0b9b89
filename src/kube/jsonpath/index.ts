/**
 * kubectl JSONPath templates (client-go util/jsonpath): for CRD additionalPrinterColumns,
 * `kubectl get -o jsonpath=`, `kubectl wait --for=jsonpath` and Argo's web metric provider.
 *
 *   const t = parseJsonPath('{range .items[*]}{.metadata.name}{"\n"}{end}');
 *   printJsonPath(t, list, { allowMissingKeys: true });   // what kubectl prints
 *   findJsonPathResults(parseJsonPath('{$.data.ok}'), body)[0]?.[0];   // typed value, as Argo takes it
 *
 * Where this deliberately differs from client-go (all are cases client-go rejects or gets wrong):
 * - `["a.b"]` (double quotes) is the literal key "a.b"; `['a.b']` keeps client-go's meaning, the path .a.b;
 * - quoted strings and bracket keys are scanned with proper backslash escapes (`"a\\"`, `["x]y"]`);
 * - numbers are one kind, so filters compare them by value (client-go never matches kubectl's int64
 *   fields against a literal); and `[?(@.x)]` treats a path it cannot follow as absent instead of failing;
 * - a range over no items still prints what follows its `{end}`; `{[a:a]}` over several values goes on;
 * - unknown identifiers, misplaced `range`/`end` and bad filter operators fail at parse time;
 * - templates nested deeper than 32 levels are rejected.
 * Strings are not iterable for `*` and `..` (as in current client-go).
 */
export type { FilterOperator, JsonPathTemplate, Segment, SliceParam, Step } from './ast.ts';
export { JsonPathError } from './errors.ts';
export type { EvalOptions as JsonPathOptions } from './evaluate.ts';
export { findJsonPathResults, printJsonPath } from './find.ts';
export { goJson, goText } from './go-format.ts';
export { parseJsonPath } from './template-parser.ts';
