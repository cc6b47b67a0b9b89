/** The one error type of the JSONPath template parser and evaluator; messages follow client-go's. */
export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}
