/**
 * metav1.LabelSelector (matchLabels + matchExpressions) as label requirements, following
 * metav1.LabelSelectorAsSelector exactly:
 *
 * - a null/undefined selector selects NOTHING (labels.Nothing()),
 * - an empty selector ({} or only empty maps/lists) selects EVERYTHING (labels.Everything()),
 * - otherwise every matchLabels entry becomes `key=value` and every matchExpressions entry
 *   In/NotIn/Exists/DoesNotExist becomes the matching requirement; all are ANDed.
 *
 * Invalid input (bad key or value syntax, In/NotIn without values, Exists with values, an unknown
 * operator such as Gt) throws a SelectorError, as LabelSelectorAsSelector returns an error.
 * matchExpressions values are kept as written (not deduplicated); requirements are sorted by key.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { SelectorError } from './errors.ts';
import {
  formatLabelRequirements,
  matchesLabels,
  newLabelRequirement,
  sortByKey,
  type LabelOperator,
  type LabelRequirement,
  type Labels,
} from './label-requirement.ts';

const EXPRESSION_OPERATORS: Readonly<Record<string, LabelOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** The requirements of a (non-null) LabelSelector; [] for an empty selector, which matches everything. */
export function labelSelectorToRequirements(sel: LabelSelector): LabelRequirement[] {
  const reqs: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    reqs.push(newLabelRequirement(key, '=', [value]));
  }
  for (const expr of sel.matchExpressions ?? []) {
    const op = Object.prototype.hasOwnProperty.call(EXPRESSION_OPERATORS, expr.operator)
      ? EXPRESSION_OPERATORS[expr.operator]
      : undefined;
    if (op === undefined) throw new SelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    reqs.push(newLabelRequirement(expr.key, op, expr.values ?? []));
  }
  return sortByKey(reqs);
}

/**
 * Whether `labels` is selected by `sel`: null/undefined selects nothing, {} selects everything.
 * Throws SelectorError when the selector itself is invalid.
 */
export function matchesLabelSelector(sel: LabelSelector | null | undefined, labels: Labels | undefined): boolean {
  if (sel === null || sel === undefined) return false;
  return matchesLabels(labelSelectorToRequirements(sel), labels);
}

/**
 * LabelSelectorAsSelector(sel).String(): '' for both null (nothing) and empty (everything) selectors,
 * so callers that need the distinction must check for null themselves. Throws on invalid selectors.
 */
export function labelSelectorToString(sel: LabelSelector | null | undefined): string {
  if (sel === null || sel === undefined) return '';
  return formatLabelRequirements(labelSelectorToRequirements(sel));
}

/** metav1.FormatLabelSelector, for display (kubectl describe): '<none>' when empty, '<error>' when invalid. */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  try {
    return labelSelectorToString(sel) || '<none>';
  } catch (err) {
    if (err instanceof SelectorError) return '<error>';
    throw err;
  }
}
