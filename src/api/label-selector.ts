/**
 * Minimal metav1.LabelSelector semantics needed by validation and status: matching a label set,
 * and formatting a selector string the way `metav1.FormatLabelSelector` does.
 */
import type { LabelSelector } from './types/meta.ts';

export function isEmptySelector(sel: LabelSelector | undefined): boolean {
  if (!sel) return true;
  return Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}

/** True if `labels` satisfy every requirement of the selector (an empty selector matches all). */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  const set = labels ?? {};
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) {
    if (set[k] !== v) return false;
  }
  for (const req of sel?.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(set, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(set[req.key] as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(set[req.key] as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Operators Kubernetes accepts in matchExpressions. */
export function isValidSelectorOperator(op: string): boolean {
  return op === 'In' || op === 'NotIn' || op === 'Exists' || op === 'DoesNotExist';
}

/**
 * `metav1.FormatLabelSelector`: requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a,b)`,
 * `k`, `!k`, joined by commas; `<none>` when empty.
 */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const reqs: Array<{ key: string; text: string }> = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const req of sel?.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    switch (req.operator) {
      case 'In':
        reqs.push({ key: req.key, text: `${req.key} in (${values})` });
        break;
      case 'NotIn':
        reqs.push({ key: req.key, text: `${req.key} notin (${values})` });
        break;
      case 'Exists':
        reqs.push({ key: req.key, text: req.key });
        break;
      case 'DoesNotExist':
        reqs.push({ key: req.key, text: `!${req.key}` });
        break;
      default:
        return '<error>';
    }
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const s = reqs.map((r) => r.text).join(',');
  return s === '' ? '<none>' : s;
}
