/**
 * Parser of what is inside one `{...}` action of a JSONPath template, following client-go's
 * parseInsideAction: `$`/`@` (current value), `.field`, `..`, `[...]` (index, slice, union, key),
 * `[?(...)]` filters, quoted strings, numbers, booleans and the identifiers `range`/`end`.
 *
 * Deliberate differences from client-go: quotes are scanned with proper backslash escaping, `]` and
 * `,` inside quoted bracket keys do not end the key, and `["a.b"]` (double quotes) is the literal
 * key "a.b". Single-quoted keys keep client-go's meaning: `['a.b']` is the path `.a.b`.
 */
import type { FilterOperator, SliceParam, Step } from './ast.ts';
import { goCharCode, isAlphaNumeric, isDigit, isEndOfLine, isTerminator } from './chars.ts';
import { JsonPathError } from './errors.ts';
import { unquote } from './unquote.ts';

export type RawStep = Step | { readonly kind: 'identifier'; readonly name: string };

export interface ActionParse {
  readonly steps: RawStep[];
  /** Index just past the closing `}` (action mode) or the input length (fragment mode). */
  readonly end: number;
}

/** 'action': input continues after a closing `}`; 'fragment': the whole input is one action body. */
type Mode = 'action' | 'fragment';

const MAX_DEPTH = 32;
const FILTER_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);
const SLICE_RE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const FILTER_RE = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;
const INT_RE = /^[+-]?[0-9]+$/;
const FLOAT_RE = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/;
const INT64_LIMIT = 2n ** 63n;

function charAt(s: string, i: number): string | undefined {
  if (i >= s.length) return undefined;
  return String.fromCodePoint(s.codePointAt(i)!);
}

/** Parses the action body starting at `start` (just after `{` in action mode). */
export function parseAction(input: string, start: number, mode: Mode, depth = 0): ActionParse {
  if (depth > MAX_DEPTH) throw new JsonPathError('template is nested too deeply');
  const steps: RawStep[] = [];
  let pos = start;
  const fragment = (text: string): RawStep[] => parseAction(text, 0, 'fragment', depth + 1).steps;

  for (;;) {
    if (mode === 'action' && input.startsWith('}', pos)) return { steps, end: pos + 1 };
    if (mode === 'fragment' && pos >= input.length) return { steps, end: pos };
    if (input.startsWith('[?(', pos)) {
      pos = parseFilter(input, pos, steps, fragment);
      continue;
    }
    if (input.startsWith('..', pos)) {
      if (steps.length > 0 && steps[steps.length - 1]!.kind === 'recursive') {
        throw new JsonPathError('invalid multiple recursive descent');
      }
      steps.push({ kind: 'recursive' });
      pos += 2;
      if (isAlphaNumeric(charAt(input, pos))) pos = parseField(input, pos, steps);
      continue;
    }
    const ch = charAt(input, pos);
    if (ch === undefined || isEndOfLine(ch)) throw new JsonPathError('unclosed action');
    if (ch === ' ' || ch === '@' || ch === '$') {
      pos += 1;
    } else if (ch === '[') {
      pos = parseBracket(input, pos, steps, fragment);
    } else if (ch === '"' || ch === "'") {
      pos = parseQuote(input, pos, steps);
    } else if (ch === '.') {
      pos = parseField(input, pos + 1, steps);
    } else if (ch === '+' || ch === '-' || isDigit(ch)) {
      pos = parseNumber(input, pos, steps);
    } else if (isAlphaNumeric(ch)) {
      pos = parseIdentifier(input, pos, steps);
    } else {
      throw new JsonPathError(`unrecognized character in action: ${goCharCode(ch)}`);
    }
  }
}

/** Rejects identifiers (only `range`/`end`, at the top of an action, are meaningful). */
export function withoutIdentifiers(steps: readonly RawStep[]): Step[] {
  return steps.map((s) => {
    if (s.kind === 'identifier') throw new JsonPathError(`unrecognized identifier ${s.name}`);
    return s;
  });
}

/** `.name` (pos is just after the dot): up to the next unescaped terminator; `\` escapes one character. */
function parseField(input: string, pos: number, steps: RawStep[]): number {
  const start = pos;
  for (;;) {
    const ch = charAt(input, pos);
    if (ch === '\\') {
      pos += 1;
      const escaped = charAt(input, pos);
      if (escaped !== undefined) pos += escaped.length;
    } else if (isTerminator(ch)) {
      break;
    } else {
      pos += ch!.length;
    }
  }
  const value = input.slice(start, pos);
  steps.push(value === '*' ? { kind: 'wildcard' } : { kind: 'field', name: value.replaceAll('\\', '') });
  return pos;
}

function parseIdentifier(input: string, pos: number, steps: RawStep[]): number {
  const start = pos;
  while (!isTerminator(charAt(input, pos))) pos += charAt(input, pos)!.length;
  const word = input.slice(start, pos);
  if (word === 'true' || word === 'false') steps.push({ kind: 'bool', value: word === 'true' });
  else steps.push({ kind: 'identifier', name: word });
  return pos;
}

function parseNumber(input: string, pos: number, steps: RawStep[]): number {
  const start = pos;
  if (input[pos] === '+' || input[pos] === '-') pos += 1;
  for (;;) {
    const ch = charAt(input, pos);
    if (ch !== '.' && !isDigit(ch)) break;
    pos += ch!.length;
  }
  const text = input.slice(start, pos);
  if (INT_RE.test(text) && BigInt(text) < INT64_LIMIT && BigInt(text) >= -INT64_LIMIT) {
    steps.push({ kind: 'number', value: Number(text) });
  } else if (FLOAT_RE.test(text)) {
    steps.push({ kind: 'number', value: Number(text) });
  } else {
    throw new JsonPathError(`cannot parse number ${text}`);
  }
  return pos;
}

/** Index just past the quoted string starting at `pos` (a backslash escapes the next character). */
function endOfQuote(input: string, pos: number, onUnterminated: string): number {
  const quote = input[pos];
  let i = pos + 1;
  for (;;) {
    const ch = input[i];
    if (ch === undefined || ch === '\n') throw new JsonPathError(onUnterminated);
    if (ch === '\\') i += 2;
    else if (ch === quote) return i + 1;
    else i += 1;
  }
}

function parseQuote(input: string, pos: number, steps: RawStep[]): number {
  const end = endOfQuote(input, pos, 'unterminated quoted string');
  steps.push({ kind: 'text', text: unquote(input.slice(pos, end)) });
  return end;
}

/** Splits on commas outside quotes. */
function splitUnion(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = endOfQuote(text, i, 'unterminated array');
    } else {
      if (ch === ',') {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
      i += 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '');
}

/** `[...]` at pos: slice/index, `*`, a quoted key, or a union of those. */
function parseBracket(input: string, pos: number, steps: RawStep[], fragment: (t: string) => RawStep[]): number {
  let i = pos + 1;
  for (;;) {
    const ch = input[i];
    if (ch === undefined || ch === '\n') throw new JsonPathError('unterminated array');
    if (ch === ']') break;
    i = ch === '"' || ch === "'" ? endOfQuote(input, i, 'unterminated array') : i + 1;
  }
  let text = input.slice(pos + 1, i);
  if (text === '*') text = ':';

  const parts = splitUnion(text);
  if (parts.length > 1) {
    const branches = parts.map((p) => withoutIdentifiers(fragment(`[${trimSpaces(p)}]`)));
    steps.push({ kind: 'union', branches });
    return i + 1;
  }

  const single = /^'([^']*)'$/.exec(text);
  if (single) {
    steps.push(...withoutIdentifiers(fragment(`.${single[1]}`)));
    return i + 1;
  }
  if (/^"(?:[^"\\]|\\.)*"$/s.test(text)) {
    steps.push({ kind: 'field', name: unquote(text) });
    return i + 1;
  }
  steps.push({ kind: 'slice', params: sliceParams(text) });
  return i + 1;
}

/** client-go's slice parameters: `[n]` becomes n:n+1 (derived), absent bounds are unknown. */
function sliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const m = SLICE_RE.exec(text);
  if (!m) throw new JsonPathError(`invalid array index ${text}`);
  const params: SliceParam[] = [];
  for (let k = 0; k < 3; k++) {
    let raw = m[k + 1] ?? '';
    if (raw !== '') {
      if (k > 0) raw = raw.slice(1);
      if (k > 0 && raw === '') {
        params.push({ known: false, value: 0, derived: false });
      } else {
        if (!INT_RE.test(raw) || BigInt(raw) >= INT64_LIMIT || BigInt(raw) < -INT64_LIMIT) {
          throw new JsonPathError(`array index ${raw} is not a number`);
        }
        params.push({ known: true, value: Number(raw), derived: false });
      }
    } else if (k === 1) {
      params.push({ known: true, value: params[0]!.value + 1, derived: true });
    } else {
      params.push({ known: false, value: 0, derived: false });
    }
  }
  return [params[0]!, params[1]!, params[2]!];
}

/** `[?(left op right)]` or `[?(path)]`, scanned as client-go does (quotes may hide a `)`). */
function parseFilter(input: string, pos: number, steps: RawStep[], fragment: (t: string) => RawStep[]): number {
  let i = pos + 3;
  let begin = false;
  let end = false;
  let pair = '';
  for (;;) {
    const ch = input[i];
    i += 1;
    if (ch === undefined || ch === '\n') throw new JsonPathError('unterminated filter');
    if (ch === '"' || ch === "'") {
      if (!begin) {
        begin = true;
        pair = ch;
        continue;
      }
      if (input[i - 2] !== '\\' && ch === pair) end = true;
    } else if (ch === ')' && begin === end) {
      break;
    }
  }
  if (input[i] !== ']') throw new JsonPathError('unclosed array expect ]');
  const text = input.slice(pos + 3, i - 1);
  const m = FILTER_RE.exec(text);
  if (!m) {
    steps.push({ kind: 'filter', left: withoutIdentifiers(fragment(text)), operator: 'exists', right: [] });
  } else {
    // Both sides are parsed before the operator is checked, so errors come in client-go's order.
    const left = withoutIdentifiers(fragment(m[1]!));
    const right = withoutIdentifiers(fragment(m[3]!));
    const operator = m[2]!;
    if (!FILTER_OPERATORS.has(operator)) throw new JsonPathError(`unrecognized filter operator ${operator}`);
    steps.push({ kind: 'filter', left, operator: operator as FilterOperator, right });
  }
  return i + 1;
}
