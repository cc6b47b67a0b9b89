/**
 * String formats the apiserver validates in CRD schemas (the kube-openapi strfmt registry, limited
 * to the formats apiextensions keeps). Unknown formats are ignored, as on a real cluster.
 * isbn and creditcard are accepted without checking.
 */
import { isIP } from 'node:net';

type Check = (s: string) => boolean;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const HOSTNAME =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z0-9\p{S}\p{L}])(-?[a-zA-Z0-9\p{S}\p{L}]){1,62})$/u;
const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{2}[:-]){7}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const UNIT_DURATION = /^\d+\s*(?:ns|nanoseconds?|us|µs|microseconds?|ms|milliseconds?|s|seconds?|m|minutes?|h|hours?|d|days?|w|weeks?)$/i;
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;
const HEXCOLOR = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const RGBCOLOR = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/;
const SSN = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const BSON_OBJECT_ID = /^[0-9a-fA-F]{24}$/;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+$/;
const REQUEST_URI = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/)\S*$/;

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

function isDateTime(s: string): boolean {
  const t = s.toLowerCase().indexOf('t');
  if (t < 0 || !isDate(s.slice(0, t))) return false;
  const m = TIME.exec(s.slice(t + 1).toLowerCase());
  if (!m) return false;
  return Number(m[1]) < 24 && Number(m[2]) < 60 && (m[3] === undefined || Number(m[3]) < 60);
}

function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const ip = isIP(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (ip === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (ip === 4 ? 32 : 128);
}

function isHostname(s: string): boolean {
  return HOSTNAME.test(s) && s.length <= 255 && s.split('.').every((p) => Buffer.byteLength(p) <= 63);
}

function isRgb(s: string): boolean {
  const m = RGBCOLOR.exec(s);
  return m !== null && [m[1], m[2], m[3]].every((x) => Number(x) <= 255);
}

const checks: Record<string, Check> = {
  bsonobjectid: (s) => BSON_OBJECT_ID.test(s),
  uri: (s) => REQUEST_URI.test(s),
  email: (s) => EMAIL.test(s),
  hostname: isHostname,
  ipv4: (s) => isIP(s) === 4,
  ipv6: (s) => isIP(s) === 6,
  cidr: isCidr,
  mac: (s) => MAC.test(s),
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID3.test(s),
  uuid4: (s) => UUID4.test(s),
  uuid5: (s) => UUID5.test(s),
  isbn: () => true,
  isbn10: () => true,
  isbn13: () => true,
  creditcard: () => true,
  ssn: (s) => SSN.test(s),
  hexcolor: (s) => HEXCOLOR.test(s),
  rgbcolor: isRgb,
  byte: (s) => BASE64.test(s),
  password: () => true,
  date: isDate,
  duration: (s) => s === '0' || GO_DURATION.test(s) || UNIT_DURATION.test(s),
  datetime: isDateTime,
  quantity: (s) => QUANTITY.test(s),
};

/**
 * The format apiextensions keeps for a schema of the given type (others are stripped before
 * validation): supported string formats, int32/int64 for integers, float/double for numbers.
 */
export function effectiveFormat(type: string | undefined, format: string | undefined): string | undefined {
  if (!format) return undefined;
  switch (type ?? '') {
    case '':
    case 'string':
      return Object.prototype.hasOwnProperty.call(checks, format.replaceAll('-', '')) ? format : undefined;
    case 'integer':
      return format === 'int32' || format === 'int64' ? format : undefined;
    case 'number':
      return format === 'float' || format === 'double' ? format : undefined;
    default:
      return undefined;
  }
}

/** Whether the string satisfies a string format; true for formats that are not string formats. */
export function matchesFormat(format: string, value: string): boolean {
  const check = checks[format.replaceAll('-', '')];
  return check ? check(value) : true;
}

export function isStringFormat(format: string): boolean {
  return Object.prototype.hasOwnProperty.call(checks, format.replaceAll('-', ''));
}
