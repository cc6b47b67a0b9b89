/**
 * apimachinery's field.Error text for "Invalid value" errors and its error aggregation, so that
 * selector validation messages read like the ones kubectl prints.
 */

/** Go's %#v of a []string, e.g. []string{"a", "b"}. */
function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

/** `<path>: Invalid value: <value>: <detail>` (a string value is quoted, a list printed as Go does). */
export function invalidValue(path: string, value: string | readonly string[], detail: string): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : goStringSlice(value);
  return `${path}: Invalid value: ${shown}${detail ? `: ${detail}` : ''}`;
}

/** utilerrors.Aggregate: one message as is, several (deduplicated) as `[a, b]`. */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
