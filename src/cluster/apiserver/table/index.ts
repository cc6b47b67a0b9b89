/**
 * meta.k8s.io/v1 Table output (`kubectl get`), as kube-apiserver produces it: column definitions
 * and one row per object with its cells and, per includeObject, the object or its metadata.
 */
import type { JsonObject, JsonValue } from '../../../util/json.ts';
import type { KubeObject } from '../../store/object.ts';
import type { ResourceType } from '../resources/types.ts';
import type { TablePrinter } from './printer.ts';
import { printerFor } from './registry.ts';

export interface TableOptions {
  now: Date;
  /** What each row carries in `object`: the object, a PartialObjectMetadata, or nothing. */
  includeObject: 'None' | 'Object' | 'Metadata';
  /** Include priority > 0 columns. kube-apiserver always does (kubectl hides them), so the default is true. */
  wide?: boolean;
  /** TableOptions.noHeaders: omit columnDefinitions (watch events after the first). */
  noHeaders?: boolean;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

function rowObject(obj: KubeObject, includeObject: TableOptions['includeObject']): JsonValue | undefined {
  if (includeObject === 'None') return undefined;
  if (includeObject === 'Object') return obj as unknown as JsonObject;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata as unknown as JsonObject };
}

function row(printer: TablePrinter, obj: KubeObject, opts: TableOptions, keep: boolean[]): JsonObject {
  let cells = printer.cells(obj, opts.now);
  if (keep.length > 0) cells = cells.filter((_, i) => keep[i] !== false);
  const out: JsonObject = { cells };
  const conditions = printer.conditions?.(obj);
  if (conditions) out['conditions'] = conditions;
  const object = rowObject(obj, opts.includeObject);
  if (object !== undefined) out['object'] = object;
  return out;
}

export function toTable(rt: ResourceType, objects: KubeObject[], opts: TableOptions): JsonObject {
  const printer = printerFor(rt);
  const wide = opts.wide ?? true;
  const keep = wide ? [] : printer.columns.map((c) => c.priority === 0);
  const columns = printer.columns.filter((_, i) => keep[i] !== false);
  const metadata: JsonObject = {};
  if (opts.resourceVersion !== undefined) metadata['resourceVersion'] = opts.resourceVersion;
  if (opts.continue) metadata['continue'] = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata['remainingItemCount'] = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.noHeaders ? null : columns.map((c) => ({ ...c })),
    rows: objects.map((o) => row(printer, o, opts, keep)),
  };
}

export { humanDuration, shortHumanDuration } from './duration.ts';
export { podSummary } from './pod-status.ts';
export { printerFor } from './registry.ts';
export type { TableColumn, TablePrinter } from './printer.ts';
