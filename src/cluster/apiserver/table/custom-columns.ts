/**
 * Table output for custom resources (apiextensions-apiserver's tableconvertor): Name first, then
 * the CRD's additionalPrinterColumns, or a single Age column when the CRD declares none. Each
 * column's JSONPath is wrapped in `{...}`, evaluated with missing keys allowed, and the first
 * result is formatted for the column type.
 */
import { findJsonPathResults, goText, parseJsonPath, type JsonPathTemplate } from '../../../kube/jsonpath/index.ts';
import type { PrinterColumn } from '../resources/types.ts';
import { CREATION_TIMESTAMP } from './descriptions.ts';
import { humanDuration } from './duration.ts';
import { column, NAME_COLUMN, text, type Cell, type TablePrinter } from './printer.ts';

/** serveDefaultColumnsIfEmpty. */
export const DEFAULT_CRD_COLUMNS: PrinterColumn[] = [
  { name: 'Age', type: 'date', description: CREATION_TIMESTAMP, jsonPath: '.metadata.creationTimestamp' },
];

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

/** A `date` cell: metav1.Time.UnmarshalQueryParameter, then the age (`<invalid>` when unparsable). */
function dateCell(value: string, now: Date): string {
  if (value === '' || value === 'null') return '<unknown>';
  const ms = RFC3339.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return '<invalid>';
  if (ms === ZERO_TIME) return '<unknown>';
  return humanDuration(now.getTime() - ms);
}

/** cellForJSONValue, plus the `string` type printed the way JSONPath prints a value. */
export function customCell(type: string, value: unknown, now: Date): Cell {
  if (type === 'string') return value === null || value === undefined ? '<no value>' : goText(value);
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? dateCell(value, now) : null;
    default:
      return null;
  }
}

interface CompiledColumn {
  def: PrinterColumn;
  path: JsonPathTemplate | undefined;
}

function compile(def: PrinterColumn): CompiledColumn {
  try {
    return { def, path: parseJsonPath(`{${def.jsonPath}}`) };
  } catch {
    return { def, path: undefined };
  }
}

function evaluate(col: CompiledColumn, data: unknown, now: Date): Cell {
  if (!col.path) return null;
  let results: unknown[][];
  try {
    results = findJsonPathResults(col.path, data, { allowMissingKeys: true });
  } catch {
    return null;
  }
  const first = results[0];
  if (!first || first.length === 0) return null;
  return customCell(col.def.type, first[0], now);
}

/** The printer for a custom resource with the given printer columns. */
export function customResourcePrinter(columns: PrinterColumn[] | undefined): TablePrinter {
  const defs = columns && columns.length > 0 ? columns : DEFAULT_CRD_COLUMNS;
  const compiled = defs.map(compile);
  return {
    columns: [
      NAME_COLUMN,
      ...defs.map((c) =>
        column(c.name, c.type, c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`, c.priority ?? 0, c.format ?? ''),
      ),
    ],
    cells: (obj, now) => [text(obj.metadata?.name), ...compiled.map((c) => evaluate(c, obj, now))],
  };
}
