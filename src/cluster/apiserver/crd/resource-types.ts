/**
 * The ResourceType a CRD serves: one entry listing every served version (objects are stored in the
 * storage version; the schema, subresources, printer columns and selectable fields come from the
 * storage version). A CRD without served versions or without names serves nothing.
 */
import type { CustomResourceColumnDefinition, CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1.js';
import type { PrinterColumn, ResourceType } from '../resources/types.ts';
import { defaultCrd } from './defaults.ts';
import { selectableFieldReaders } from './selectable-fields.ts';
import { servedVersionNames, storageVersion } from './versions.ts';

export const CUSTOM_RESOURCE_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

/** The column Kubernetes serves when a version declares no additionalPrinterColumns. */
export const DEFAULT_AGE_COLUMN: PrinterColumn = {
  name: 'Age',
  type: 'date',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  jsonPath: '.metadata.creationTimestamp',
};

function printerColumn(c: CustomResourceColumnDefinition): PrinterColumn {
  const col: PrinterColumn = { name: c.name, type: c.type, jsonPath: c.jsonPath };
  if (c.format) col.format = c.format;
  if (c.description) col.description = c.description;
  if (c.priority !== undefined) col.priority = c.priority;
  return col;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function crdToResourceTypes(input: CustomResourceDefinition): ResourceType[] {
  const crd = defaultCrd(input);
  const spec = crd.spec;
  const names = spec?.names;
  const storage = storageVersion(crd);
  const served = servedVersionNames(crd);
  if (!spec?.group || !names?.plural || !names.kind || !storage?.name || served.length === 0) return [];
  const declared = storage.additionalPrinterColumns ?? [];
  const rt: ResourceType = {
    group: spec.group,
    version: storage.name,
    versions: served,
    resource: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    namespaced: spec.scope !== 'Cluster',
    shortNames: stringList(names.shortNames),
    categories: stringList(names.categories),
    verbs: [...CUSTOM_RESOURCE_VERBS],
    statusSubresource: storage.subresources?.status !== undefined && storage.subresources.status !== null,
    printerColumns: declared.length > 0 ? declared.map(printerColumn) : [{ ...DEFAULT_AGE_COLUMN }],
    crdName: crd.metadata?.name ?? `${names.plural}.${spec.group}`,
  };
  const scale = storage.subresources?.scale;
  if (scale?.specReplicasPath && scale.statusReplicasPath) {
    rt.scale = { specReplicasPath: scale.specReplicasPath, statusReplicasPath: scale.statusReplicasPath };
    if (scale.labelSelectorPath) rt.scale.labelSelectorPath = scale.labelSelectorPath;
  }
  const schema = storage.schema?.openAPIV3Schema;
  if (schema) rt.schema = schema;
  const selectable = selectableFieldReaders(storage.selectableFields);
  if (selectable) rt.selectableFields = selectable;
  return [rt];
}
