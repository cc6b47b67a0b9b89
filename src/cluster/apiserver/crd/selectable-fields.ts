/**
 * CRD `selectableFields` as field selector readers: `.spec.color` becomes the selector key
 * `spec.color`, answering the string form of a scalar found at that path.
 */
import type { SelectableField } from 'kubernetes-types/apiextensions/v1.js';
import type { KubeObject } from '../../store/object.ts';

function read(obj: unknown, segments: string[]): string | undefined {
  let cur: unknown = obj;
  for (const seg of segments) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (typeof cur === 'string') return cur;
  if (typeof cur === 'number' || typeof cur === 'boolean') return String(cur);
  return undefined;
}

export function selectableFieldReaders(fields: SelectableField[] | undefined): Record<string, (obj: KubeObject) => string | undefined> | undefined {
  if (!Array.isArray(fields) || fields.length === 0) return undefined;
  const out: Record<string, (obj: KubeObject) => string | undefined> = {};
  for (const f of fields) {
    if (typeof f?.jsonPath !== 'string') continue;
    const key = f.jsonPath.replace(/^\./, '');
    const segments = key.split('.').filter((s) => s !== '');
    if (segments.length > 0) out[key] = (obj) => read(obj, segments);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
