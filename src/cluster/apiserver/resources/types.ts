import type { JSONSchemaProps } from 'kubernetes-types/apiextensions/v1.js';
import type { KubeObject } from '../../store/object.ts';
import type { StatusCause } from '../errors.ts';

/** A column of `kubectl get` output (CRD additionalPrinterColumns, or a built-in kind's usual columns). */
export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

/** Where a kind keeps its replica counts, for the `scale` subresource. */
export interface ScaleSubresource {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

/**
 * Everything the API server needs to know to serve one resource: naming for discovery,
 * subresources, and the hooks that give built-in kinds their server-side behaviour.
 */
export interface ResourceType {
  group: string;
  /** The version objects are stored in. */
  version: string;
  /** Every served version; objects are served in each by rewriting apiVersion (no conversion). */
  versions: string[];
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  statusSubresource: boolean;
  scale?: ScaleSubresource;
  /** Extra subresources served by dedicated handlers (e.g. pods/eviction). */
  extraSubresources?: string[];
  /** Printer columns for Table output; built-in kinds use their own table printers when absent. */
  printerColumns?: PrinterColumn[];
  /** CRD structural schema: validation, pruning and defaulting. */
  schema?: JSONSchemaProps;
  /** Field selector values beyond metadata.name / metadata.namespace. */
  selectableFields?: Record<string, (obj: KubeObject) => string | undefined>;
  /** Set for resources defined by a CustomResourceDefinition. */
  crdName?: string;
  /** Built-in defaulting, run on create and update before validation. */
  defaults?: (obj: KubeObject, old: KubeObject | undefined) => void;
  /** Built-in validation; returns field causes for a 422. */
  validate?: (obj: KubeObject, old: KubeObject | undefined) => StatusCause[];
  /** Fields reset on create (e.g. status of a Deployment, pod phase Pending). */
  prepareForCreate?: (obj: KubeObject) => void;
}

export function apiVersionOf(rt: Pick<ResourceType, 'group'>, version: string): string {
  return rt.group ? `${rt.group}/${version}` : version;
}
