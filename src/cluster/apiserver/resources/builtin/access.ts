/**
 * Defensive access to free-form JSON objects. Built-in hooks run on whatever a client sent,
 * so every read tolerates a missing or mistyped field instead of throwing.
 */
export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or undefined. */
export function obj(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined;
}

/** The object at parent[key], created (replacing a non-object) when absent. */
export function child(parent: Obj, key: string): Obj {
  const existing = parent[key];
  if (isObj(existing)) return existing;
  const created: Obj = {};
  parent[key] = created;
  return created;
}

/** The value as an array, or an empty array. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The object elements of an array value. */
export function objs(value: unknown): Obj[] {
  return arr(value).filter(isObj);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A string map (labels, annotations, selectors); non-string values are dropped. */
export function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const o = obj(value);
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Go zero-value semantics: undefined, null and "" count as unset. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Sets o[key] to value when it is unset (see isUnset). */
export function setDefault(o: Obj, key: string, value: unknown): void {
  if (isUnset(o[key])) o[key] = value;
}
