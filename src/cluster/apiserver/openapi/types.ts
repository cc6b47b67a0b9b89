/** The subset of OpenAPI 3.0 the apiserver publishes under /openapi/v3 (plain JSON shapes). */

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface Reference {
  $ref: string;
}

export type SchemaObject = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: SchemaObject;
  uniqueItems?: boolean;
}

export interface MediaType {
  schema: SchemaObject | Reference;
}

export interface Operation {
  tags: string[];
  description: string;
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: { content: Record<string, MediaType>; required: boolean };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
  'x-kubernetes-action': string;
  'x-kubernetes-group-version-kind': GroupVersionKind;
}

export interface PathItem {
  get?: Operation;
  put?: Operation;
  post?: Operation;
  patch?: Operation;
  delete?: Operation;
  parameters?: ParameterObject[];
}

export interface OpenApiDocument {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, SchemaObject> };
}

/** The /openapi/v3 discovery document. */
export interface OpenApiV3Index {
  paths: Record<string, { serverRelativeURL: string }>;
}
