/**
 * Evaluation of action steps over a list of current values (client-go's walk/eval* functions).
 * Every step maps the whole list: e.g. `.name` on [a, b] gives [a.name, b.name].
 */
import type { SliceParam, Step } from './ast.ts';
import { JsonPathError } from './errors.ts';
import { compareFilterValues } from './filter-compare.ts';
import { compareBytes, goTypeName } from './go-format.ts';

export interface EvalOptions {
  /** A missing key gives no result instead of the error `<key> is not found` (kubectl's default). */
  readonly allowMissingKeys?: boolean;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The children of an array (in order) or an object (sorted by key); undefined if neither. */
function children(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.keys(v).sort(compareBytes).map((k) => v[k]);
  return undefined;
}

function evalField(input: readonly unknown[], name: string, opts: EvalOptions): unknown[] {
  if (input.length === 0) return [];
  const results: unknown[] = [];
  for (const v of input) {
    if (isObject(v) && Object.prototype.hasOwnProperty.call(v, name)) results.push(v[name]);
  }
  if (results.length === 0 && !opts.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
  return results;
}

function evalWildcard(input: readonly unknown[]): unknown[] {
  return input.flatMap((v) => children(v) ?? []);
}

function evalRecursive(input: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown): void => {
    const kids = children(v);
    if (kids === undefined || kids.length === 0) return;
    out.push(v);
    kids.forEach(visit);
  };
  input.forEach(visit);
  return out;
}

function evalSlice(input: readonly unknown[], params: readonly [SliceParam, SliceParam, SliceParam]): unknown[] {
  const results: unknown[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
    const len = v.length;
    let start = params[0].known ? params[0].value : 0;
    if (start < 0) start += len;
    let end = params[1].known ? params[1].value : len;
    if (end < 0 || (end === 0 && params[1].derived)) end += len;
    if (start === end) continue;
    if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
    if (end > len || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
    if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
    let step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) throw new JsonPathError('step must be > 0');
      step = params[2].value;
    }
    for (let i = start; i < end; i += step) results.push(v[i]);
  }
  return results;
}

function evalFilter(input: readonly unknown[], step: Extract<Step, { kind: 'filter' }>, opts: EvalOptions): unknown[] {
  const results: unknown[] = [];
  for (const v of input) {
    // A value that is neither array nor object is filtered as a one-element list.
    for (const item of children(v) ?? [v]) {
      let lefts: unknown[];
      try {
        lefts = evalSteps([item], step.left, opts);
      } catch (err) {
        // client-go fails the whole filter here unless missing keys are allowed; for an existence
        // test `[?(@.x)]` a path that cannot be followed simply means "does not exist".
        const tolerated = opts.allowMissingKeys || step.operator === 'exists';
        if (!tolerated || !(err instanceof JsonPathError)) throw err;
        lefts = [];
      }
      const rights = evalSteps([item], step.right, opts);
      if (lefts.length === 0) continue;
      if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
      if (step.operator === 'exists') {
        results.push(item);
        continue;
      }
      if (rights.length === 0) continue;
      if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
      if (compareFilterValues(step.operator, lefts[0], rights[0])) results.push(item);
    }
  }
  return results;
}

function evalStep(input: readonly unknown[], step: Step, opts: EvalOptions): unknown[] {
  switch (step.kind) {
    case 'field':
      return evalField(input, step.name, opts);
    case 'wildcard':
      return evalWildcard(input);
    case 'recursive':
      return evalRecursive(input);
    case 'slice':
      return evalSlice(input, step.params);
    case 'union':
      return step.branches.flatMap((branch) => evalSteps(input, branch, opts));
    case 'filter':
      return evalFilter(input, step, opts);
    case 'text':
      return [step.text];
    case 'number':
    case 'bool':
      return input.map(() => step.value);
  }
}

/** Applies the steps in order, starting from `input` (the current values). */
export function evalSteps(input: readonly unknown[], steps: readonly Step[], opts: EvalOptions): unknown[] {
  let current: unknown[] = [...input];
  for (const step of steps) current = evalStep(current, step, opts);
  return current;
}
