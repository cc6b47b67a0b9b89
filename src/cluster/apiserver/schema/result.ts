/**
 * The outcome of validating one value against one schema node: its causes plus a match count
 * (how many checks ran), which anyOf/oneOf use to pick the most relevant failing branch.
 */
import type { StatusCause } from '../errors.ts';
import type { Schema } from './access.ts';

export interface Result {
  causes: StatusCause[];
  matchCount: number;
}

export function emptyResult(): Result {
  return { causes: [], matchCount: 0 };
}

/** Appends other results into target (causes and match counts), returning target. */
export function merge(target: Result, ...others: Result[]): Result {
  for (const o of others) {
    target.causes.push(...o.causes);
    target.matchCount += o.matchCount;
  }
  return target;
}

export function isValid(r: Result): boolean {
  return r.causes.length === 0;
}

/** A validator that recurses into a child value; supplied by the orchestrator to keyword checks. */
export type Recurse = (schema: Schema, value: unknown, path: string) => Result;
