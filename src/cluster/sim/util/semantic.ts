/**
 * Semantic equality in the spirit of apimachinery's: null, empty maps and empty lists equal absence,
 * so a value that a server normalises on the way in still compares equal to what was written.
 */
import { jsonEqual } from '../../../util/json.ts';

export function normalizeSemantic(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeSemantic);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const n = normalizeSemantic(v);
      if (n === undefined || n === null) continue;
      if (Array.isArray(n) && n.length === 0) continue;
      if (typeof n === 'object' && !Array.isArray(n) && Object.keys(n as object).length === 0) continue;
      out[k] = n;
    }
    return out;
  }
  return value;
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  return jsonEqual(normalizeSemantic(a), normalizeSemantic(b));
}
