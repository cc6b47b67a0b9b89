/** Character classes of client-go's JSONPath parser. */

/** End of a field name or identifier: space, tab, line end, end of input, or one of . , [ ] $ @ { }. */
export function isTerminator(ch: string | undefined): boolean {
  return ch === undefined || ' \t\r\n.,[]$@{}'.includes(ch);
}

export function isEndOfLine(ch: string | undefined): boolean {
  return ch === '\r' || ch === '\n';
}

/** Letter, decimal digit or underscore (Go's unicode.IsLetter / unicode.IsDigit). */
export function isAlphaNumeric(ch: string | undefined): boolean {
  return ch !== undefined && (ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch));
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /^\p{Nd}$/u.test(ch);
}

/** Go's %#U: U+002A '*' (the character is shown when printable). */
export function goCharCode(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? `${hex} '${ch}'` : hex;
}
