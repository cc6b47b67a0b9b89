/**
 * The OpenAPI 3.0 document the apiserver serves at /openapi/v3/{api/v1 | apis/{group}/{version}}:
 * path items for every resource served in that group-version and component schemas tagged with
 * x-kubernetes-group-version-kind. Undefined when no resource is served in the group-version.
 */
import type { ResourceType } from '../resources/types.ts';
import { parseGroupVersionPath, schemaName, type GroupVersion } from './names.ts';
import { resourcePaths } from './paths.ts';
import { commonSchemas, kindSchema, listSchema, SCALE, scaleSchema } from './schemas.ts';
import type { OpenApiDocument } from './types.ts';

export const OPENAPI_INFO = { title: 'Kubernetes', version: 'v1.32.0' };

export function servesGroupVersion(rt: ResourceType, gv: GroupVersion): boolean {
  return rt.group === gv.group && (rt.versions.length > 0 ? rt.versions : [rt.version]).includes(gv.version);
}

export function buildOpenApiV3Document(groupVersionPath: string, types: ResourceType[]): OpenApiDocument | undefined {
  const gv = parseGroupVersionPath(groupVersionPath);
  if (!gv) return undefined;
  const served = types.filter((rt) => servesGroupVersion(rt, gv)).sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  if (served.length === 0) return undefined;
  const doc: OpenApiDocument = { openapi: '3.0.0', info: { ...OPENAPI_INFO }, paths: {}, components: { schemas: commonSchemas() } };
  for (const rt of served) {
    const kindRef = schemaName(rt, gv.version, rt.kind);
    const listRef = schemaName(rt, gv.version, rt.listKind);
    doc.components.schemas[kindRef] = kindSchema(rt, { group: rt.group, version: gv.version, kind: rt.kind });
    doc.components.schemas[listRef] = listSchema(kindRef, { group: rt.group, version: gv.version, kind: rt.listKind });
    if (rt.scale) doc.components.schemas[SCALE] = scaleSchema();
    Object.assign(doc.paths, resourcePaths(rt, gv, kindRef, listRef));
  }
  return doc;
}
