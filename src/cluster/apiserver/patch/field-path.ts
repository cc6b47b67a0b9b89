/**
 * Field paths as managedFields spell them: a list of path elements, each `f:<field>`,
 * `k:<json of key fields>` (an item of a list keyed by merge key), `v:<json value>` (an item of
 * a set list) or `i:<index>`. formatPath prints them the way API server conflict messages do:
 * `.spec.template.spec.containers[name="app"].image`.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import { BoundedCache } from './bounded-cache.ts';

export type FieldPath = readonly string[];

/** Elements by field name, key and value: the same few hundred recur in every object, and one string per element hashes once. */
const fieldElements = new BoundedCache<string, string>(10_000);
const valueElements = new BoundedCache<JsonValue, string>(10_000);

const makeFieldElement = (name: string): string => `f:${name}`;
const makeKeyElement = (key: string, value: JsonValue): string => `k:${JSON.stringify({ [key]: value })}`;
const makeValueElement = (value: JsonValue): string => `v:${JSON.stringify(value)}`;
const isObject = (value: JsonValue): boolean => typeof value === 'object' && value !== null;

/** `k:` elements of one merge key, by the item's (scalar) key value. */
class KeyElements {
  readonly cache = new BoundedCache<JsonValue, string>(10_000);
  readonly make: (value: JsonValue) => string;

  constructor(key: string) {
    this.make = (value) => makeKeyElement(key, value);
  }
}
const keyElements = new BoundedCache<string, KeyElements>(1_000);
const makeKeyElements = (key: string): KeyElements => new KeyElements(key);

export function fieldElement(name: string): string {
  return fieldElements.get(name, makeFieldElement);
}

export function keyElement(key: string, value: JsonValue): string {
  if (isObject(value)) return makeKeyElement(key, value);
  const elements = keyElements.get(key, makeKeyElements);
  return elements.cache.get(value, elements.make);
}

export function valueElement(value: JsonValue): string {
  return isObject(value) ? makeValueElement(value) : valueElements.get(value, makeValueElement);
}

export type DecodedElement =
  | { type: 'field'; name: string }
  | { type: 'key'; keys: JsonObject }
  | { type: 'value'; value: JsonValue }
  | { type: 'index'; index: number };

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function decode(element: string): DecodedElement | undefined {
  const body = element.slice(2);
  switch (element.slice(0, 2)) {
    case 'f:':
      return { type: 'field', name: body };
    case 'k:': {
      const keys = parseJson(body);
      return isJsonObject(keys) ? { type: 'key', keys: Object.freeze(keys) } : undefined;
    }
    case 'v:': {
      const value = parseJson(body);
      return value === undefined ? undefined : { type: 'value', value };
    }
    case 'i:':
      return /^\d+$/.test(body) ? { type: 'index', index: Number(body) } : undefined;
    default:
      return undefined;
  }
}

/** Decoded `k:`/`v:`/`i:` elements (null: unreadable), so hot paths parse each spelling once. */
const decodedItems = new BoundedCache<string, Readonly<DecodedElement> | null>(10_000);
const decodeItem = (element: string): Readonly<DecodedElement> | null => Object.freeze(decode(element)) ?? null;

/** The element's meaning, or undefined when it is malformed. Results are shared: do not mutate. */
export function decodeElement(element: string): DecodedElement | undefined {
  if (element.startsWith('f:')) return decode(element);
  return decodedItems.get(element, decodeItem) ?? undefined;
}

export function formatElement(element: string): string {
  const decoded = decodeElement(element);
  if (!decoded) return element;
  switch (decoded.type) {
    case 'field':
      return `.${decoded.name}`;
    case 'key':
      return `[${Object.entries(decoded.keys)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    case 'value':
      return `[=${JSON.stringify(decoded.value)}]`;
    case 'index':
      return `[${decoded.index}]`;
  }
}

export function formatPath(path: FieldPath): string {
  return path.map(formatElement).join('');
}
