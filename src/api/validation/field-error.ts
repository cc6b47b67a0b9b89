/**
 * Field errors as Kubernetes' `field.Error`: a path (`spec.strategy.canary.steps[2].setWeight`),
 * a type, the offending value and a detail message. `formatFieldError` reproduces Go's
 * `Error()` string, which is what Argo puts in the InvalidSpec condition message.
 */

export type FieldErrorType = 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueForbidden' | 'InternalError';

export interface FieldError {
  field: string;
  message: string;
  type: FieldErrorType;
  /** The bad value (FieldValueInvalid only). */
  value?: unknown;
}

export function invalid(field: string, value: unknown, message: string): FieldError {
  return { field, message, type: 'FieldValueInvalid', value };
}

export function required(field: string, message: string): FieldError {
  return { field, message, type: 'FieldValueRequired' };
}

export function forbidden(field: string, message: string): FieldError {
  return { field, message, type: 'FieldValueForbidden' };
}

export function internalError(field: string, message: string): FieldError {
  return { field, message, type: 'InternalError' };
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueForbidden: 'Forbidden',
  InternalError: 'Internal error',
};

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Go's `field.Error.Error()`: `<field>: <Type>[: <value>]: <detail>`. */
export function formatFieldError(e: FieldError): string {
  let body = TYPE_TEXT[e.type];
  if (e.type === 'FieldValueInvalid') body += `: ${formatValue(e.value)}`;
  if (e.message) body += `: ${e.message}`;
  return `${e.field}: ${body}`;
}

/** Path helpers: `child('spec', 'strategy')`, `index('steps', 2)`. */
export function child(path: string, ...names: string[]): string {
  return [path, ...names].filter((p) => p !== '').join('.');
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}
