/**
 * findJsonPathResults (client-go FindResults) and printJsonPath (what kubectl prints): one list of
 * results per top-level text or action; a range contributes the lists of its body once per item.
 *
 * Unlike client-go, a range over no items still goes on with what follows its {end}, and ranges nest.
 */
import type { JsonPathTemplate, Segment } from './ast.ts';
import { evalSteps, type EvalOptions } from './evaluate.ts';
import { goText } from './go-format.ts';

function findInSegments(segments: readonly Segment[], current: readonly unknown[], opts: EvalOptions, out: unknown[][]): void {
  for (const seg of segments) {
    if (seg.kind === 'text') {
      out.push([seg.text]);
    } else if (seg.kind === 'action') {
      out.push(evalSteps(current, seg.steps, opts));
    } else {
      for (const item of evalSteps(current, seg.steps, opts)) findInSegments(seg.body, [item], opts, out);
    }
  }
}

/** The results of each top-level action for `data`; throws JsonPathError (e.g. `x is not found`). */
export function findJsonPathResults(t: JsonPathTemplate, data: unknown, opts: EvalOptions = {}): unknown[][] {
  const out: unknown[][] = [];
  findInSegments(t.segments, [data], opts, out);
  return out;
}

/** The text kubectl prints for the template: results of one action joined by spaces, all concatenated. */
export function printJsonPath(t: JsonPathTemplate, data: unknown, opts: EvalOptions = {}): string {
  return findJsonPathResults(t, data, opts)
    .map((results) => results.map(goText).join(' '))
    .join('');
}
