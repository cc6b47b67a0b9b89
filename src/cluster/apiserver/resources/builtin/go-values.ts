/**
 * Values rendered the way Go's %#v renders them, for field error messages that quote
 * maps, slices and label selectors exactly as kube-apiserver does.
 */
import { arr, obj, str } from './access.ts';

/** Go's %q for a string (close to JSON for everything kubectl users type). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** map[string]string{"a":"1", "b":"2"} with sorted keys; map[string]string(nil) when absent. */
export function goStringMap(value: unknown): string {
  const m = obj(value);
  if (!m) return 'map[string]string(nil)';
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** []string{"a", "b"}; []string(nil) when absent. */
export function goStringSlice(value: unknown): string {
  if (!Array.isArray(value)) return '[]string(nil)';
  return `[]string{${value.map((v) => goQuote(String(v))).join(', ')}}`;
}

function goRequirement(value: unknown): string {
  const r = obj(value) ?? {};
  return `v1.LabelSelectorRequirement{Key:${goQuote(str(r['key']) ?? '')}, Operator:${goQuote(str(r['operator']) ?? '')}, Values:${goStringSlice(r['values'])}}`;
}

/** v1.LabelSelector{MatchLabels:..., MatchExpressions:...} as printed for a *metav1.LabelSelector. */
export function goLabelSelector(value: unknown): string {
  const sel = obj(value);
  if (!sel) return 'null';
  const exprs = sel['matchExpressions'];
  const exprText = Array.isArray(exprs)
    ? `[]v1.LabelSelectorRequirement{${arr(exprs).map(goRequirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel['matchLabels'])}, MatchExpressions:${exprText}}`;
}
