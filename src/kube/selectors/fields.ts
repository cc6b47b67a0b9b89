/**
 * Field selectors (k8s.io/apimachinery/pkg/fields): `path=value`, `path==value`, `path!=value`,
 * comma-separated and ANDed. Values use the escapes of field-escape.ts; paths are taken verbatim
 * (no whitespace trimming, as in apimachinery). `=` and `==` mean the same and are both stored as '='.
 *
 * Which paths are allowed depends on the resource kind; that is the API server's decision, made
 * from fieldPaths(). A missing field compares as the empty string, like fields.Set.Get.
 */
import { SelectorError } from './errors.ts';
import { escapeFieldValue, splitFieldTerms, unescapeFieldValue } from './field-escape.ts';

export type FieldOperator = '=' | '!=';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  readonly value: string;
}

/** Longest operators first at each position, as apimachinery's splitTerm tries them. */
const TERM_OPERATORS = ['!=', '==', '='] as const;

function splitTerm(term: string): { field: string; op: (typeof TERM_OPERATORS)[number]; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** fields.ParseSelector: requirements in the order of their sorted source terms; '' gives none. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const terms = splitFieldTerms(selector).sort(compareStrings);
  const reqs: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const parts = splitTerm(term);
    if (parts === undefined) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const value = unescapeFieldValue(parts.rhs);
    reqs.push({ field: parts.field, operator: parts.op === '!=' ? '!=' : '=', value });
  }
  return reqs;
}

/** True when every requirement holds; getField returns undefined for a missing field (compared as ''). */
export function matchesFields(reqs: readonly FieldRequirement[], getField: (path: string) => string | undefined): boolean {
  return reqs.every((r) => {
    const actual = getField(r.field) ?? '';
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
}

/** The distinct field paths the requirements refer to, in order of first use. */
export function fieldPaths(reqs: readonly FieldRequirement[]): string[] {
  return [...new Set(reqs.map((r) => r.field))];
}

/** One requirement as `path=value` / `path!=value`, with the value escaped. */
export function formatFieldRequirement(req: FieldRequirement): string {
  return `${req.field}${req.operator}${escapeFieldValue(req.value)}`;
}

/** Canonical string: formatted terms sorted and joined with ','. parseFieldSelector reads it back. */
export function formatFieldRequirements(reqs: readonly FieldRequirement[]): string {
  return reqs.map(formatFieldRequirement).sort(compareStrings).join(',');
}

export { escapeFieldValue, unescapeFieldValue };
