/**
 * Go string-literal unquoting for single- or double-quoted strings (client-go's UnquoteExtend, i.e.
 * strconv.Unquote extended to single quotes): \a \b \f \n \r \t \v \\ \' \" \xHH \ooo \uHHHH \UHHHHHHHH.
 */
import { JsonPathError } from './errors.ts';

const SIMPLE: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

function syntax(literal: string): JsonPathError {
  return new JsonPathError(`unquote string ${literal} error invalid syntax`);
}

function codePoint(hex: string, literal: string): string {
  if (!/^[0-9A-Fa-f]+$/.test(hex)) throw syntax(literal);
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw syntax(literal);
  return String.fromCodePoint(cp);
}

/** Unquotes `literal`, which includes its quotes; throws JsonPathError on any malformed escape. */
export function unquote(literal: string): string {
  const quote = literal[0];
  if (literal.length < 2 || (quote !== '"' && quote !== "'") || literal[literal.length - 1] !== quote) throw syntax(literal);
  const body = literal.slice(1, -1);
  let out = '';
  // Bytes from \x and octal escapes are collected and decoded as UTF-8, as Go strings are bytes.
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8');
    bytes = [];
  };
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === quote) throw syntax(literal);
    if (c !== '\\') {
      flush();
      const cp = body.codePointAt(i)!;
      out += String.fromCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw syntax(literal);
    if (e === 'x' || (e >= '0' && e <= '7')) {
      const digits = e === 'x' ? body.slice(i + 2, i + 4) : body.slice(i + 1, i + 4);
      const valid = e === 'x' ? /^[0-9A-Fa-f]{2}$/.test(digits) : /^[0-7]{3}$/.test(digits);
      const value = valid ? parseInt(digits, e === 'x' ? 16 : 8) : 256;
      if (value > 255) throw syntax(literal);
      bytes.push(value);
      i += 4;
      continue;
    }
    flush();
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (hex.length !== n) throw syntax(literal);
      out += codePoint(hex, literal);
      i += 2 + n;
    } else if (e === quote) {
      out += e;
      i += 2;
    } else if (Object.prototype.hasOwnProperty.call(SIMPLE, e)) {
      out += SIMPLE[e]!;
      i += 2;
    } else {
      throw syntax(literal);
    }
  }
  flush();
  return out;
}
