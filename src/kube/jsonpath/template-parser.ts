/**
 * parseJsonPath: splits a kubectl JSONPath template into literal text and `{...}` actions, then
 * nests `{range ...}` ... `{end}` blocks. A range left open at the end of the template closes there,
 * as client-go tolerates; an `{end}` without a range is an error.
 */
import type { JsonPathTemplate, Segment, Step } from './ast.ts';
import { parseAction, withoutIdentifiers, type RawStep } from './action-parser.ts';
import { JsonPathError } from './errors.ts';

type Flat = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'action'; readonly steps: RawStep[] };

function scan(template: string): Flat[] {
  const items: Flat[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    if (open < 0) {
      items.push({ kind: 'text', text: template.slice(pos) });
      break;
    }
    if (open > pos) items.push({ kind: 'text', text: template.slice(pos, open) });
    const action = parseAction(template, open + 1, 'action');
    items.push({ kind: 'action', steps: action.steps });
    pos = action.end;
  }
  return items;
}

interface Frame {
  readonly steps: readonly Step[];
  readonly body: Segment[];
}

function isIdentifier(step: RawStep | undefined, name: string): boolean {
  return step !== undefined && step.kind === 'identifier' && step.name === name;
}

function nest(items: readonly Flat[]): Segment[] {
  const root: Segment[] = [];
  const open: Frame[] = [];
  const current = (): Segment[] => (open.length > 0 ? open[open.length - 1]!.body : root);
  const close = (): void => {
    const frame = open.pop()!;
    current().push({ kind: 'range', steps: frame.steps, body: frame.body });
  };

  for (const item of items) {
    if (item.kind === 'text') {
      current().push(item);
    } else if (isIdentifier(item.steps[0], 'range')) {
      open.push({ steps: withoutIdentifiers(item.steps.slice(1)), body: [] });
    } else if (isIdentifier(item.steps[0], 'end')) {
      if (item.steps.length > 1) throw new JsonPathError('end must be alone in its action');
      if (open.length === 0) throw new JsonPathError('not in range, nothing to end');
      close();
    } else {
      current().push({ kind: 'action', steps: withoutIdentifiers(item.steps) });
    }
  }
  while (open.length > 0) close();
  return root;
}

/** Parses a template such as `{range .items[*]}{.metadata.name}{"\n"}{end}`; throws JsonPathError. */
export function parseJsonPath(template: string): JsonPathTemplate {
  return { source: template, segments: nest(scan(template)) };
}
