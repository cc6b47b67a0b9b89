/**
 * apimachinery's `Semantic.DeepDerivative(a, b)` on JSON values: true when `b` matches `a` in every
 * field `a` sets. Unset (null/absent) values, empty strings and empty maps in `a` match anything.
 */
export function deepDerivative(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return true;
  if (typeof a === 'string') return a === '' || a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepDerivative(x, b[i]));
  }
  if (typeof a === 'object') {
    const keys = Object.keys(a as object);
    if (keys.length === 0) return true;
    if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
    if (keys.length > Object.keys(b).length) return false;
    return keys.every((k) => k in b && deepDerivative((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}
