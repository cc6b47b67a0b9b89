/**
 * Compiles schema `pattern`s (ECMA-262 per OpenAPI, RE2 on the real apiserver; the common subset
 * behaves the same). Compiled patterns are cached; an invalid pattern yields its error message.
 */
const cache = new Map<string, RegExp | string>();
const CACHE_LIMIT = 1000;

export function compilePattern(pattern: string): RegExp | string {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let compiled: RegExp | string;
  try {
    compiled = new RegExp(pattern, 'u');
  } catch {
    try {
      compiled = new RegExp(pattern);
    } catch (err) {
      compiled = err instanceof Error ? err.message : String(err);
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}
