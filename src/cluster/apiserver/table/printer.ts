/** The shape of a built-in kind's table printer and the column helpers they share. */
import type { JsonObject, JsonValue } from '../../../util/json.ts';
import type { KubeObject } from '../../store/object.ts';
import { CREATION_TIMESTAMP, NAME } from './descriptions.ts';

/** meta.k8s.io/v1 TableColumnDefinition. */
export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export type Cell = JsonValue;

/**
 * One kind's printer. `cells` returns every column's cell, wide ones included (kube-apiserver
 * always prints wide; kubectl hides priority > 0 columns unless -o wide).
 */
export interface TablePrinter {
  columns: TableColumn[];
  cells(obj: KubeObject, now: Date): Cell[];
  /** Row conditions (pods report Completed when Succeeded or Failed). */
  conditions?(obj: KubeObject): JsonObject[] | undefined;
}

export function column(name: string, type: string, description: string, priority = 0, format = ''): TableColumn {
  return { name, type, format, description, priority };
}

export const NAME_COLUMN = column('Name', 'string', NAME, 0, 'name');
export const AGE_COLUMN = column('Age', 'string', CREATION_TIMESTAMP);
export const CONTAINERS_COLUMN = column('Containers', 'string', 'Names of each container in the template.', 1);
export const IMAGES_COLUMN = column('Images', 'string', 'Images referenced by each container in the template.', 1);

/** A typed view of a stored object (fields stay optional; arrays go through `list`). */
export function view<T>(obj: KubeObject): T {
  return obj as unknown as T;
}

/** The value when it is an array, else empty: stored objects are not guaranteed well-typed. */
export function list<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** A count for a cell: Go prints an int32 field's zero value when the field is absent. */
export function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** A string field as Go sees it: absent means "". */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** layoutContainerCells: container names and images joined by commas. */
export function containerCells(containers: readonly { name?: string; image?: string }[] | undefined): [string, string] {
  const cs = list(containers);
  return [cs.map((c) => text(c.name)).join(','), cs.map((c) => text(c.image)).join(',')];
}
