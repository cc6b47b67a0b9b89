/**
 * Errors raised by the patch engine. Both extend the API server's ApiError, so a handler can
 * render them as a Kubernetes Status without translating.
 */
import { ApiError, type StatusCause } from '../errors.ts';

/**
 * A malformed patch. `code` follows the API server: 400 BadRequest for patches that cannot be
 * read (bad directive format, not a JSON Patch array), 422 Invalid for patches that are readable
 * but cannot be applied to this object (failed `test` op, missing path, missing merge key).
 */
export class PatchError extends ApiError {
  constructor(message: string, code: 400 | 422 = 422) {
    super(code, code === 400 ? 'BadRequest' : 'Invalid', message);
    this.name = 'PatchError';
  }
}

/** One field that server-side apply refused to take from another manager. */
export interface ApplyConflict {
  /** The other manager's name, as in its managedFields entry. */
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  /** Field path as Kubernetes prints it: `.spec.template.spec.containers[name="app"].image`. */
  path: string;
}

/** How Kubernetes names a manager in conflict messages: `"kubectl" using apps/v1`. */
export function describeManager(c: Pick<ApplyConflict, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  let text = JSON.stringify(c.manager);
  if (c.subresource) text += ` with subresource ${JSON.stringify(c.subresource)}`;
  if (c.operation === 'Update') text += ` using ${c.apiVersion}`;
  return text;
}

function conflictMessage(conflicts: readonly ApplyConflict[]): string {
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    return `Apply failed with 1 conflict: conflict with ${describeManager(c)}: ${c.path}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const who = describeManager(c);
    byManager.set(who, [...(byManager.get(who) ?? []), c.path]);
  }
  const lines: string[] = [];
  for (const who of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${who}:`);
    for (const path of byManager.get(who)!) lines.push(`- ${path}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** 409 Conflict from server-side apply, with one `FieldManagerConflict` cause per field. */
export class ApplyConflictError extends ApiError {
  readonly conflicts: readonly ApplyConflict[];

  constructor(conflicts: readonly ApplyConflict[]) {
    const causes: StatusCause[] = conflicts.map((c) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with ${describeManager(c)}`,
      field: c.path,
    }));
    super(409, 'Conflict', conflictMessage(conflicts), { causes });
    this.name = 'ApplyConflictError';
    this.conflicts = conflicts;
  }
}
