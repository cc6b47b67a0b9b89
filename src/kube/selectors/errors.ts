/**
 * The one error type of the selector parsers and converters. Messages follow
 * k8s.io/apimachinery's wording so that users see what kubectl would print.
 */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}
