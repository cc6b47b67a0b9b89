/**
 * Object keywords in kube-openapi's order: min/maxProperties (stop on failure), additional and
 * pattern properties, declared properties, then required.
 */
import { additionalProperties, num, patternProperties, properties, required, type Schema } from './access.ts';
import { invalid, required as requiredCause, tooMany } from './causes.ts';
import { childPath } from './path.ts';
import { compilePattern } from './regex.ts';
import { emptyResult, merge, type Recurse, type Result } from './result.ts';

function matchingPatterns(patterns: Map<string, Schema> | undefined, key: string): Schema[] {
  if (!patterns) return [];
  const out: Schema[] = [];
  for (const [pattern, schema] of patterns) {
    const re = compilePattern(pattern);
    if (typeof re !== 'string' && re.test(key)) out.push(schema);
  }
  return out;
}

export function checkObject(s: Schema, value: Record<string, unknown>, path: string, recurse: Recurse): Result {
  const result = emptyResult();
  const keys = Object.keys(value);
  const minProperties = num(s, 'minProperties');
  const maxProperties = num(s, 'maxProperties');
  if (minProperties !== undefined && keys.length < minProperties) {
    result.causes.push(invalid(path, keys.length, `${path} in body should have at least ${Math.trunc(minProperties)} properties`));
    return result;
  }
  if (maxProperties !== undefined && keys.length > maxProperties) {
    result.causes.push(tooMany(path, keys.length, Math.trunc(maxProperties)));
    return result;
  }
  const props = properties(s);
  const patterns = patternProperties(s);
  const additional = additionalProperties(s);
  for (const key of keys) {
    if (props?.has(key)) continue;
    const matched = matchingPatterns(patterns, key);
    for (const schema of matched) merge(result, recurse(schema, value[key], childPath(path, key)));
    if (matched.length > 0) continue;
    if (additional && !additional.allows) {
      result.causes.push(invalid(path, key, `${path}.${key} in body is a forbidden property`));
    } else if (additional?.schema) {
      merge(result, recurse(additional.schema, value[key], childPath(path, key)));
    }
  }
  if (props) {
    for (const [name, schema] of props) {
      if (Object.prototype.hasOwnProperty.call(value, name)) merge(result, recurse(schema, value[name], childPath(path, name)));
    }
  }
  for (const name of required(s)) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) result.causes.push(requiredCause(childPath(path, name)));
  }
  result.matchCount++;
  return result;
}
