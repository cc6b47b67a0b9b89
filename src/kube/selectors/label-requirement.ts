/**
 * Label requirements (key, operator, values): construction with apimachinery's validation,
 * matching against a label map, and the canonical string form (labels.Requirement, internalSelector).
 */
import { aggregate, invalidValue } from './field-error.ts';
import { SelectorError } from './errors.ts';
import { isQualifiedName, isValidLabelValue } from './label-validation.ts';

/** selection.Operator values, spelled as apimachinery spells them. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export const LABEL_OPERATORS: readonly LabelOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt', 'exists', '!'];

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** In/NotIn: one or more; =, ==, !=, gt, lt: exactly one; exists, !: none. */
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>>;

/** Validation problems of a label key, as one field error (empty string when valid). */
export function labelKeyError(key: string, path: string): string {
  const errs = isQualifiedName(key);
  return errs.length === 0 ? '' : invalidValue(path, key, errs.join('; '));
}

const INT64_RE = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64), or undefined when s is not a base-10 int64. */
export function parseInt64(s: string): bigint | undefined {
  if (!INT64_RE.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * labels.NewRequirement: validates key, operator arity and every value, and throws a SelectorError
 * carrying all problems at once (apimachinery's aggregated field errors).
 */
export function newLabelRequirement(key: string, operator: LabelOperator, values: readonly string[]): LabelRequirement {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(invalidValue('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(invalidValue('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(invalidValue('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(invalidValue('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalidValue(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(`operator: Unsupported value: ${JSON.stringify(operator)}: supported values: ${LABEL_OPERATORS.map((o) => `"${o}"`).join(', ')}`);
  }
  values.forEach((v, i) => {
    const verrs = isValidLabelValue(v);
    if (verrs.length > 0) errs.push(invalidValue(`values[${i}][${key}]`, v, verrs.join('; ')));
  });
  if (errs.length > 0) throw new SelectorError(aggregate(errs));
  return { key, operator, values: [...values] };
}

function has(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** Requirement.Matches: note that '!=' and 'notin' match when the key is absent. */
export function matchesRequirement(req: LabelRequirement, labels: Labels): boolean {
  switch (req.operator) {
    case 'in':
    case '=':
    case '==':
      return has(labels, req.key) && req.values.includes(labels[req.key]!);
    case 'notin':
    case '!=':
      return !has(labels, req.key) || !req.values.includes(labels[req.key]!);
    case 'exists':
      return has(labels, req.key);
    case '!':
      return !has(labels, req.key);
    case 'gt':
    case 'lt': {
      if (!has(labels, req.key) || req.values.length !== 1) return false;
      const actual = parseInt64(labels[req.key]!);
      const wanted = parseInt64(req.values[0]!);
      if (actual === undefined || wanted === undefined) return false;
      return req.operator === 'gt' ? actual > wanted : actual < wanted;
    }
    default:
      return false;
  }
}

/** Go's sort.Strings order (bytewise UTF-8), which for label syntax equals UTF-16 order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Requirement.String: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, `k>1`, `k<1`.
 * Value lists are sorted and, unlike apimachinery, deduplicated: `in ("","")` would otherwise print
 * as `in (,)`... `(,,)`, which the parser (Go's too) rejects.
 */
export function formatRequirement(req: LabelRequirement): string {
  const values = req.values.length === 1 ? req.values[0]! : [...new Set(req.values)].sort(compareStrings).join(',');
  switch (req.operator) {
    case 'exists':
      return req.key;
    case '!':
      return `!${req.key}`;
    case 'in':
      return `${req.key} in (${values})`;
    case 'notin':
      return `${req.key} notin (${values})`;
    case 'gt':
      return `${req.key}>${values}`;
    case 'lt':
      return `${req.key}<${values}`;
    default:
      return `${req.key}${req.operator}${values}`;
  }
}

/** Stable sort by key, as labels.internalSelector.Add and the parser order requirements. */
export function sortByKey(reqs: readonly LabelRequirement[]): LabelRequirement[] {
  return [...reqs].sort((a, b) => compareStrings(a.key, b.key));
}

/** True when every requirement holds; a missing label map is an empty one. */
export function matchesLabels(reqs: readonly LabelRequirement[], labels: Labels | undefined): boolean {
  const ls = labels ?? {};
  return reqs.every((r) => matchesRequirement(r, ls));
}

/** Canonical string of requirements: sorted by key, values of in/notin sorted, joined with ','. */
export function formatLabelRequirements(reqs: readonly LabelRequirement[]): string {
  return sortByKey(reqs).map(formatRequirement).join(',');
}
