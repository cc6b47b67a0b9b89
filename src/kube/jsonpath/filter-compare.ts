/**
 * Comparison in `[?(left op right)]` filters, as client-go's evalOperator with text/template's
 * comparison functions: strings compare bytewise, numbers numerically, booleans only for equality.
 * Values of different kinds, nulls, objects and arrays never pass (client-go ignores the
 * "incompatible types" error and treats it as false), and neither do ordered comparisons of booleans.
 *
 * Unlike Go, all numbers are one kind: client-go with kubectl's int64 data never matches an integer
 * field against a literal (it compares int64 with float64 and fails), while this always compares
 * the values, as client-go does for JSON decoded into float64 (Argo's web metric provider).
 */
import type { FilterOperator } from './ast.ts';
import { compareBytes } from './go-format.ts';

type Basic = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'bool'; value: boolean };

function basic(v: unknown): Basic | undefined {
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  return undefined;
}

export function compareFilterValues(operator: FilterOperator, left: unknown, right: unknown): boolean {
  const l = basic(left);
  const r = basic(right);
  if (l === undefined || r === undefined || l.kind !== r.kind) return false;
  if (operator === '==') return l.value === r.value;
  if (operator === '!=') return l.value !== r.value;
  if (l.kind === 'bool') return false;
  const order = l.kind === 'string' ? compareBytes(l.value, r.value as string) : Math.sign((l.value as number) - (r.value as number));
  if (Number.isNaN(order)) return false;
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}
