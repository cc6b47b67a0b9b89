/** rest.DefaultTableConvertor: NAME and CREATED AT (RFC 3339, UTC) for kinds without a printer. */
import { CREATION_TIMESTAMP } from './descriptions.ts';
import { parseTimestamp } from './duration.ts';
import { column, NAME_COLUMN, text, type TablePrinter } from './printer.ts';

/** metav1.Time's RFC 3339 form in UTC, second precision; Go's zero time when unset. */
export function createdAt(timestamp: unknown): string {
  const t = parseTimestamp(timestamp);
  if (t === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const defaultPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Created At', 'date', CREATION_TIMESTAMP)],
  cells: (obj) => [text(obj.metadata?.name), createdAt(obj.metadata?.creationTimestamp)],
};
