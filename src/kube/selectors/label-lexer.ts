/**
 * Tokenizer of the label selector grammar (k8s.io/apimachinery/pkg/labels Lexer): identifiers,
 * the keywords `in`/`notin`, and the symbols ( ) , ! = == != > <. Whitespace separates tokens.
 */

export type LabelTokenKind =
  | 'end'
  | 'error'
  | 'identifier'
  | 'in'
  | 'notin'
  | '('
  | ')'
  | ','
  | '!'
  | '='
  | '=='
  | '!='
  | '>'
  | '<';

export interface LabelToken {
  readonly kind: LabelTokenKind;
  readonly literal: string;
}

const SYMBOLS: ReadonlySet<string> = new Set(['(', ')', ',', '!', '=', '==', '!=', '>', '<']);
const KEYWORDS: ReadonlySet<string> = new Set(['in', 'notin']);

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

/** Splits a selector string into tokens; the last token is always `end`. NUL ends the input, as in Go. */
export function lexLabelSelector(input: string): LabelToken[] {
  const tokens: LabelToken[] = [];
  let pos = 0;
  const read = (): string => (pos < input.length ? input[pos++]! : '\0');

  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') {
      tokens.push({ kind: 'end', literal: '' });
      return tokens;
    }
    if (isSpecialSymbol(ch)) {
      // Longest run of symbol characters that still forms a known symbol.
      let buffer = ch;
      let last = ch;
      while (pos < input.length && isSpecialSymbol(input[pos]!) && SYMBOLS.has(buffer + input[pos]!)) {
        buffer += input[pos++]!;
        last = buffer;
      }
      tokens.push({ kind: last as LabelTokenKind, literal: last });
      continue;
    }
    let word = ch;
    for (;;) {
      const next = read();
      if (next === '\0') break;
      if (isSpecialSymbol(next) || isWhitespace(next)) {
        pos--;
        break;
      }
      word += next;
    }
    tokens.push({ kind: KEYWORDS.has(word) ? (word as 'in' | 'notin') : 'identifier', literal: word });
  }
}
