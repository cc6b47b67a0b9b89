/**
 * The /openapi/v3 discovery document: one entry per served group-version, whose URL carries a hash
 * of the document's content so that clients caching by URL (kubectl does) refetch after changes.
 */
import { createHash } from 'node:crypto';
import type { ResourceType } from '../resources/types.ts';
import { buildOpenApiV3Document } from './document.ts';
import { groupVersionPath } from './names.ts';
import type { OpenApiV3Index } from './types.ts';

export function groupVersionPaths(types: ResourceType[]): string[] {
  const paths = new Set<string>();
  for (const rt of types) {
    for (const version of rt.versions.length > 0 ? rt.versions : [rt.version]) paths.add(groupVersionPath({ group: rt.group, version }));
  }
  return [...paths].sort();
}

export function documentHash(doc: unknown): string {
  return createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase();
}

export function buildOpenApiV3Index(types: ResourceType[]): OpenApiV3Index {
  const index: OpenApiV3Index = { paths: {} };
  for (const path of groupVersionPaths(types)) {
    const doc = buildOpenApiV3Document(path, types);
    if (doc) index.paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${documentHash(doc)}` };
  }
  return index;
}
