// Reference oracle: the straightforward path-list implementation this directory's property tests compare the
// optimised src/cluster/apiserver/patch against (frozen copy of the code before the FieldSet trie rewrite).
/**
 * Field paths as managedFields spell them: a list of path elements, each `f:<field>`,
 * `k:<json of key fields>` (an item of a list keyed by merge key), `v:<json value>` (an item of
 * a set list) or `i:<index>`. formatPath prints them the way API server conflict messages do:
 * `.spec.template.spec.containers[name="app"].image`.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../../src/util/json.ts';

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

export function decodeElement(element: string): DecodedElement | undefined {
  const body = element.slice(2);
  switch (element.slice(0, 2)) {
    case 'f:':
      return { type: 'field', name: body };
    case 'k:': {
      const keys = parseJson(body);
      return isJsonObject(keys) ? { type: 'key', keys } : undefined;
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
