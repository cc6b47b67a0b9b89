/**
 * How client-go's JSONPath prints values (PrintResults): strings raw, numbers and booleans with
 * fmt.Print, null as <nil>, objects and arrays with encoding/json (sorted keys, HTML-safe escapes).
 *
 * JSON numbers come from kubectl's decoder as int64 when integral, so integral numbers below 2^63
 * print as integers; others print as Go prints a float64 (%v: shortest digits, exponent form when
 * the exponent is below -4 or at least 6, e.g. 1.5e+06).
 */
import { isJsonObject } from '../../util/json.ts';

const INT64_BOUND = 2 ** 63;

/** Go's %v of a float64. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

/** An integral number below 2^63 prints as the int64 it decodes to (exact digits), others as float64. */
export function goNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < INT64_BOUND ? BigInt(n).toString() : goFloat(n);
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** encoding/json's string escaping: JSON plus \u003c \u003e \u0026 \u2028 \u2029. */
function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.Marshal of a JSON-like value; object keys sorted bytewise as Go sorts map keys. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < INT64_BOUND) return BigInt(value).toString();
    // encoding/json's float64 format is the same as JavaScript's (shortest digits, exponent from 1e21).
    return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isJsonObject(value)) {
    const entries = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort(compareBytes)
      .map((k) => `${goJsonString(k)}:${goJson(value[k])}`);
    return `{${entries.join(',')}}`;
  }
  return 'null';
}

/** The text of one result, as kubectl prints it. */
export function goText(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return goJson(value);
}

/** The Go type name client-go shows in errors about a value decoded from JSON. */
export function goTypeName(value: unknown): string {
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (value === null || value === undefined) return '<nil>';
  return 'map[string]interface {}';
}

export { compareBytes };
