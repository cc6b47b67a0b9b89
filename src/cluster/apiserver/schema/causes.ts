/**
 * StatusCause constructors mirroring apimachinery's field.Error types, with values printed the Go way.
 * A field path of "" is the object root, which apimachinery prints as `<nil>`.
 */
import { fieldRequired, type StatusCause } from '../errors.ts';
import { errorBodyValue, goQuote } from './go-format.ts';

export const ROOT_FIELD = '<nil>';

function fieldName(path: string): string {
  return path === '' ? ROOT_FIELD : path;
}

export function required(path: string, detail = ''): StatusCause {
  return fieldRequired(fieldName(path), detail);
}

export function invalid(path: string, value: unknown, detail: string): StatusCause {
  return { reason: 'FieldValueInvalid', field: fieldName(path), message: `Invalid value: ${errorBodyValue(value)}: ${detail}` };
}

export function typeInvalid(path: string, value: unknown, detail: string): StatusCause {
  return { reason: 'FieldValueTypeInvalid', field: fieldName(path), message: `Invalid value: ${errorBodyValue(value)}: ${detail}` };
}

export function notSupported(path: string, value: unknown, supported: string[]): StatusCause {
  const detail = supported.length > 0 ? `: supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { reason: 'FieldValueNotSupported', field: fieldName(path), message: `Unsupported value: ${errorBodyValue(value)}${detail}` };
}

export function tooLong(path: string, max: number): StatusCause {
  return { reason: 'FieldValueTooLong', field: fieldName(path), message: `Too long: may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}` };
}

export function tooMany(path: string, actual: number, max: number): StatusCause {
  return { reason: 'FieldValueTooMany', field: fieldName(path), message: `Too many: ${actual}: must have at most ${max} ${max === 1 ? 'item' : 'items'}` };
}

export function duplicate(path: string, value: unknown): StatusCause {
  return { reason: 'FieldValueDuplicate', field: fieldName(path), message: `Duplicate value: ${errorBodyValue(value)}` };
}
