/**
 * allOf / anyOf / oneOf / not, with kube-openapi's composite messages. Those errors carry no field
 * path in the apiserver (`<nil>: Invalid value: "": "spec.x" must validate at least one schema (anyOf)`);
 * the best failing branch's own errors are reported as well.
 */
import type { StatusCause } from '../errors.ts';
import { notSchema, subSchemas, type Schema } from './access.ts';
import { invalid } from './causes.ts';
import { goQuote } from './go-format.ts';
import { emptyResult, isValid, merge, type Recurse, type Result } from './result.ts';

function composite(message: string): StatusCause {
  return invalid('', '', message);
}

function anyOf(branches: Schema[], value: unknown, path: string, recurse: Recurse, out: Result): void {
  let best: Result | undefined;
  for (const branch of branches) {
    const r = recurse(branch, value, path);
    if (isValid(r)) {
      merge(out, r);
      return;
    }
    if (!best || r.matchCount > best.matchCount) best = r;
  }
  out.causes.push(composite(`${goQuote(path)} must validate at least one schema (anyOf)`));
  if (best) merge(out, best);
}

function oneOf(branches: Schema[], value: unknown, path: string, recurse: Recurse, out: Result): void {
  let best: Result | undefined;
  let firstSuccess: Result | undefined;
  let validated = 0;
  for (const branch of branches) {
    const r = recurse(branch, value, path);
    if (isValid(r)) {
      validated++;
      best = undefined;
      firstSuccess ??= r;
      continue;
    }
    if (validated === 0 && (!best || r.matchCount > best.matchCount)) best = r;
  }
  if (validated === 1 && firstSuccess) {
    merge(out, firstSuccess);
    return;
  }
  const detail = validated === 0 ? 'Found none valid' : `Found ${validated} valid alternatives`;
  out.causes.push(composite(`${goQuote(path)} must validate one and only one schema (oneOf). ${detail}`));
  if (best) merge(out, best);
}

function allOf(branches: Schema[], value: unknown, path: string, recurse: Recurse, out: Result): void {
  let validated = 0;
  for (const branch of branches) {
    const r = recurse(branch, value, path);
    if (isValid(r)) validated++;
    merge(out, r);
  }
  if (validated !== branches.length) {
    out.causes.push(composite(`${goQuote(path)} must validate all the schemas (allOf)${validated === 0 ? '. None validated' : ''}`));
  }
}

export function checkCombinators(s: Schema, value: unknown, path: string, recurse: Recurse): Result {
  const out = emptyResult();
  const any = subSchemas(s, 'anyOf');
  const one = subSchemas(s, 'oneOf');
  const all = subSchemas(s, 'allOf');
  const not = notSchema(s);
  if (any.length > 0) anyOf(any, value, path, recurse, out);
  if (one.length > 0) oneOf(one, value, path, recurse, out);
  if (all.length > 0) allOf(all, value, path, recurse, out);
  if (not && isValid(recurse(not, value, path))) out.causes.push(composite(`${goQuote(path)} must not validate the schema (not)`));
  out.matchCount++;
  return out;
}
