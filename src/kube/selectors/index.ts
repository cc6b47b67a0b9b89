/**
 * Label and field selectors, as the API server (list/watch filtering), controllers and CLI use them.
 *
 * Labels (k8s.io/apimachinery/pkg/labels): `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`,
 * `k`, `!k`, and apimachinery's `k>n` / `k<n`; commas AND requirements. `!=` and `notin` also match
 * objects without the key. metav1.LabelSelector: null selects nothing, {} selects everything.
 *
 * Fields (k8s.io/apimachinery/pkg/fields): `path=value`, `path==value`, `path!=value` with `\,` `\=`
 * `\\` escapes in values. A missing field compares as ''. Allowed paths are the server's decision.
 *
 * Every parse or validation failure throws SelectorError with apimachinery's wording.
 */
export * from './labels.ts';
export * from './fields.ts';
export { SelectorError } from './errors.ts';
