/** The OpenAPI v3 documents kubectl reads: /openapi/v3 and one document per group-version. */
export { buildOpenApiV3Index, documentHash } from './discovery.ts';
export { buildOpenApiV3Document } from './document.ts';
export { PATCH_CONTENT_TYPES } from './operations.ts';
export type { OpenApiDocument, OpenApiV3Index } from './types.ts';
