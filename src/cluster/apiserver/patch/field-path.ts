/**
 * Field paths as managedFields spell them: a list of path elements, each `f:<field>`,
 * `k:<json of key fields>` (an item of a list keyed by merge key), `v:<json value>` (an item of
 * a set list) or `i:<index>`. formatPath prints them the way API server conflict messages do:
 * `.spec.template.spec.containers[name="app"].image`.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';

export type FieldPath = readonly string[];

export const fieldElement = (name: string): string => `f:${name}`;
export const keyElement = (key: string, value: JsonValue): string => `k:${JSON.stringify({ [key]: value })}`;
export const valueElement = (value: JsonValue): string => `v:${JSON.stringify(value)}`;

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
const decodedItems = new Map<string, Readonly<DecodedElement> | null>();
const MAX_DECODED_ITEMS = 10_000;

/** The element's meaning, or undefined when it is malformed. Results are shared: do not mutate. */
export function decodeElement(element: string): DecodedElement | undefined {
  if (element.startsWith('f:')) return decode(element);
  let decoded = decodedItems.get(element);
  if (decoded === undefined) {
    if (decodedItems.size >= MAX_DECODED_ITEMS) decodedItems.clear();
    decoded = Object.freeze(decode(element)) ?? null;
    decodedItems.set(element, decoded);
  }
  return decoded ?? undefined;
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
