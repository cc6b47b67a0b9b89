import type { KubeObject } from '../../store/object.ts';
import { apiVersionOf, type ResourceType } from '../resources/types.ts';
import { toTable } from '../table/index.ts';

export type OutputFormat = 'table' | 'metadata' | 'object';

/** The object as served at a given version (CRD versions share storage; no conversion). */
export function present(rt: ResourceType, version: string, obj: KubeObject): KubeObject {
  const apiVersion = apiVersionOf(rt, version);
  return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
}

function partialMetadata(obj: KubeObject): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

export function renderOne(rt: ResourceType, version: string, obj: KubeObject, format: OutputFormat, query: URLSearchParams, now: Date): unknown {
  const served = present(rt, version, obj);
  if (format === 'table') return toTable(rt, [served], { now, includeObject: includeObject(query) });
  if (format === 'metadata') return partialMetadata(served);
  return served;
}

export function renderList(
  rt: ResourceType,
  version: string,
  items: KubeObject[],
  listMeta: { resourceVersion: string; continue?: string; remainingItemCount?: number },
  format: OutputFormat,
  query: URLSearchParams,
  now: Date,
): unknown {
  const served = items.map((o) => present(rt, version, o));
  if (format === 'table') {
    const table = toTable(rt, served, { now, includeObject: includeObject(query) }) as { metadata?: Record<string, unknown> };
    table.metadata = { ...listMeta };
    return table;
  }
  if (format === 'metadata') {
    return { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: listMeta, items: served.map(partialMetadata) };
  }
  return { kind: rt.listKind, apiVersion: apiVersionOf(rt, version), metadata: listMeta, items: served };
}

function includeObject(query: URLSearchParams): 'None' | 'Object' | 'Metadata' {
  const v = query.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
