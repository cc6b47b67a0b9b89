/**
 * metav1.LabelSelector semantics (LabelSelectorAsSelector): matching, the canonical string
 * form (`app=web,tier in (a,b)`), and the printers' formatting of selectors and label maps.
 */
import { arr, obj, str } from './access.ts';

type Op = '=' | 'in' | 'notin' | 'exists' | '!';

interface Requirement {
  key: string;
  op: Op;
  values: string[];
}

/** A parsed selector: 'nothing' for a nil selector, requirements otherwise (empty = everything). */
type Parsed = { kind: 'nothing' } | { kind: 'reqs'; reqs: Requirement[] };

const OPS: Record<string, Op> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

function parse(selector: unknown): Parsed | undefined {
  const sel = obj(selector);
  if (!sel) return { kind: 'nothing' };
  const reqs: Requirement[] = [];
  const matchLabels = obj(sel['matchLabels']) ?? {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (typeof value !== 'string') return undefined;
    reqs.push({ key, op: '=', values: [value] });
  }
  for (const e of arr(sel['matchExpressions'])) {
    const expr = obj(e);
    const key = str(expr?.['key']);
    const op = OPS[str(expr?.['operator']) ?? ''];
    if (!expr || key === undefined || op === undefined) return undefined;
    const values = arr(expr['values']).map(String);
    if ((op === 'in' || op === 'notin') && values.length === 0) return undefined;
    if ((op === 'exists' || op === '!') && values.length > 0) return undefined;
    reqs.push({ key, op, values });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { kind: 'reqs', reqs };
}

function reqMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case '=':
    case 'in':
      return has && r.values.includes(value ?? '');
    case 'notin':
      return !has || !r.values.includes(value ?? '');
    case 'exists':
      return has;
    case '!':
      return !has;
  }
}

/** Whether the selector matches the labels; undefined when the selector is invalid. A nil selector matches nothing. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean | undefined {
  const parsed = parse(selector);
  if (!parsed) return undefined;
  if (parsed.kind === 'nothing') return false;
  return parsed.reqs.every((r) => reqMatches(r, labels));
}

/** Whether the selector selects everything (non-nil with no requirements). */
export function selectorIsEmpty(selector: unknown): boolean {
  const parsed = parse(selector);
  return parsed?.kind === 'reqs' && parsed.reqs.length === 0;
}

function reqString(r: Requirement): string {
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  switch (r.op) {
    case '=':
      return `${r.key}=${values}`;
    case 'in':
      return `${r.key} in (${values})`;
    case 'notin':
      return `${r.key} notin (${values})`;
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
  }
}

/** labels.Selector.String() of LabelSelectorAsSelector(selector); '' for nil or empty, undefined when invalid. */
export function labelSelectorToString(selector: unknown): string | undefined {
  const parsed = parse(selector);
  if (!parsed) return undefined;
  if (parsed.kind === 'nothing') return '';
  return parsed.reqs.map(reqString).join(',');
}

/** metav1.FormatLabelSelector: `<error>` when invalid, `<none>` when empty. */
export function formatLabelSelector(selector: unknown): string {
  const s = labelSelectorToString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/**
 * The `status.selector` string of a Scale: the value found at a kind's labelSelectorPath is a
 * string for custom resources and a LabelSelector object for built-in kinds.
 */
export function scaleSelectorString(value: unknown): string {
  if (typeof value === 'string') return value;
  return labelSelectorToString(value) ?? '';
}

/** labels.FormatLabels: `k=v,k2=v2` with sorted keys, `<none>` when empty. */
export function formatLabels(value: unknown): string {
  const m = obj(value) ?? {};
  const keys = Object.keys(m).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${String(m[k])}`).join(',');
}
