/** Array keywords: items (each element first), then minItems, maxItems, uniqueItems. */
import { jsonEqual } from '../../../util/json.ts';
import { flag, itemsSchema, itemsTuple, num, type Schema } from './access.ts';
import { invalid, tooMany } from './causes.ts';
import { indexPath } from './path.ts';
import { emptyResult, merge, type Recurse, type Result } from './result.ts';

function hasDuplicates(list: unknown[]): boolean {
  for (let i = 1; i < list.length; i++) {
    for (let j = 0; j < i; j++) if (jsonEqual(list[i], list[j])) return true;
  }
  return false;
}

export function checkArray(s: Schema, value: unknown[], path: string, recurse: Recurse): Result {
  const result = emptyResult();
  const items = itemsSchema(s);
  if (items) value.forEach((v, i) => merge(result, recurse(items, v, indexPath(path, i))));
  const tuple = itemsTuple(s);
  if (tuple) tuple.forEach((schema, i) => i < value.length && merge(result, recurse(schema, value[i], indexPath(path, i))));
  const minItems = num(s, 'minItems');
  const maxItems = num(s, 'maxItems');
  if (minItems !== undefined && value.length < minItems) {
    result.causes.push(invalid(path, value.length, `${path} in body should have at least ${Math.trunc(minItems)} items`));
  }
  if (maxItems !== undefined && value.length > maxItems) result.causes.push(tooMany(path, value.length, Math.trunc(maxItems)));
  if (flag(s, 'uniqueItems') && hasDuplicates(value)) {
    result.causes.push(invalid(path, '', `${path} in body shouldn't contain duplicates`));
  }
  result.matchCount++;
  return result;
}
