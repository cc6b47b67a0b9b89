/**
 * String keywords (maxLength, minLength, pattern — first failure only, like kube-openapi) and the
 * string `format` check.
 */
import type { StatusCause } from '../errors.ts';
import { num, str, type Schema } from './access.ts';
import { invalid, tooLong, typeInvalid } from './causes.ts';
import { isStringFormat, matchesFormat } from './formats.ts';
import { goQuote } from './go-format.ts';
import { compilePattern } from './regex.ts';
import { schemaFormat } from './validate-type.ts';

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function checkString(s: Schema, value: string, path: string): StatusCause | undefined {
  const maxLength = num(s, 'maxLength');
  const minLength = num(s, 'minLength');
  const pattern = str(s, 'pattern');
  const length = maxLength !== undefined || minLength !== undefined ? runeCount(value) : 0;
  if (maxLength !== undefined && length > maxLength) return tooLong(path, Math.trunc(maxLength));
  if (minLength !== undefined && length < minLength) {
    return invalid(path, value, `${path} in body should be at least ${Math.trunc(minLength)} chars long`);
  }
  if (pattern) {
    const re = compilePattern(pattern);
    if (typeof re === 'string') {
      return invalid(path, value, `${path} in body should match '${pattern}, but pattern is invalid: ${re}'`);
    }
    if (!re.test(value)) return invalid(path, value, `${path} in body should match '${pattern}'`);
  }
  return undefined;
}

export function checkFormat(s: Schema, value: string, path: string): StatusCause | undefined {
  const format = schemaFormat(s);
  if (!format || !isStringFormat(format) || matchesFormat(format, value)) return undefined;
  return typeInvalid(path, value, `${path} in body must be of type ${format}: ${goQuote(value)}`);
}
