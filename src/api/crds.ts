/**
 * The five argoproj.io/v1alpha1 CustomResourceDefinitions, built from code (names, scope,
 * printer columns, subresources and structural schemas) exactly as Argo Rollouts ships them.
 * `scripts/gen-crds.ts` writes them to manifests/crds/.
 */
import { API_VERSION, GROUP, VERSION } from './constants.ts';
import type { Schema } from './schema/builders.ts';
import { rolloutSchema } from './schema/rollout-schema.ts';
import { analysisRunSchema, analysisTemplateSchema, clusterAnalysisTemplateSchema, experimentSchema } from './schema/experiment-schema.ts';

export interface PrinterColumnDef {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
}

export interface CrdDefinition {
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  /** Argo's CRDs declare no categories; kept for callers that want them. */
  categories: string[];
  scope: 'Namespaced' | 'Cluster';
  printerColumns: PrinterColumnDef[];
  statusSubresource: boolean;
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath: string };
  schema: Schema;
  /** File name under manifests/crds/. */
  file: string;
}

const AGE: PrinterColumnDef = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'Time since resource was created' };

export const CRD_DEFINITIONS: readonly CrdDefinition[] = [
  {
    kind: 'Rollout',
    listKind: 'RolloutList',
    plural: 'rollouts',
    singular: 'rollout',
    shortNames: ['ro'],
    categories: [],
    scope: 'Namespaced',
    printerColumns: [
      { name: 'Desired', type: 'integer', jsonPath: '.spec.replicas', description: 'Number of desired pods' },
      { name: 'Current', type: 'integer', jsonPath: '.status.replicas', description: 'Total number of non-terminated pods targeted by this rollout' },
      {
        name: 'Up-to-date',
        type: 'integer',
        jsonPath: '.status.updatedReplicas',
        description: 'Total number of non-terminated pods targeted by this rollout that have the desired template spec',
      },
      {
        name: 'Available',
        type: 'integer',
        jsonPath: '.status.availableReplicas',
        description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this rollout',
      },
      AGE,
    ],
    statusSubresource: true,
    scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas', labelSelectorPath: '.status.selector' },
    schema: rolloutSchema(),
    file: 'rollout-crd.yaml',
  },
  {
    kind: 'AnalysisTemplate',
    listKind: 'AnalysisTemplateList',
    plural: 'analysistemplates',
    singular: 'analysistemplate',
    shortNames: ['at'],
    categories: [],
    scope: 'Namespaced',
    printerColumns: [AGE],
    statusSubresource: false,
    schema: analysisTemplateSchema(),
    file: 'analysis-template-crd.yaml',
  },
  {
    kind: 'ClusterAnalysisTemplate',
    listKind: 'ClusterAnalysisTemplateList',
    plural: 'clusteranalysistemplates',
    singular: 'clusteranalysistemplate',
    shortNames: ['cat'],
    categories: [],
    scope: 'Cluster',
    printerColumns: [AGE],
    statusSubresource: false,
    schema: clusterAnalysisTemplateSchema(),
    file: 'cluster-analysis-template-crd.yaml',
  },
  {
    kind: 'AnalysisRun',
    listKind: 'AnalysisRunList',
    plural: 'analysisruns',
    singular: 'analysisrun',
    shortNames: ['ar'],
    categories: [],
    scope: 'Namespaced',
    printerColumns: [{ name: 'Status', type: 'string', jsonPath: '.status.phase', description: 'AnalysisRun status' }, AGE],
    statusSubresource: false,
    schema: analysisRunSchema(),
    file: 'analysis-run-crd.yaml',
  },
  {
    kind: 'Experiment',
    listKind: 'ExperimentList',
    plural: 'experiments',
    singular: 'experiment',
    shortNames: ['exp'],
    categories: [],
    scope: 'Namespaced',
    printerColumns: [{ name: 'Status', type: 'string', jsonPath: '.status.phase', description: 'Experiment status' }, AGE],
    statusSubresource: false,
    schema: experimentSchema(),
    file: 'experiment-crd.yaml',
  },
];

/** The CRD object (apiextensions.k8s.io/v1) for one definition, as plain JSON. */
export function buildCustomResourceDefinition(def: CrdDefinition): Record<string, unknown> {
  const names: Record<string, unknown> = { kind: def.kind, listKind: def.listKind, plural: def.plural, singular: def.singular, shortNames: def.shortNames };
  if (def.categories.length > 0) names['categories'] = def.categories;
  const subresources: Record<string, unknown> = {};
  if (def.scale) subresources['scale'] = { ...def.scale };
  if (def.statusSubresource) subresources['status'] = {};
  const version: Record<string, unknown> = {
    name: VERSION,
    served: true,
    storage: true,
    additionalPrinterColumns: def.printerColumns.map((c) => ({ ...c })),
    schema: { openAPIV3Schema: def.schema },
  };
  if (Object.keys(subresources).length > 0) version['subresources'] = subresources;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${def.plural}.${GROUP}`,
      labels: {
        'app.kubernetes.io/component': 'rollouts-controller',
        'app.kubernetes.io/name': 'argo-rollouts',
        'app.kubernetes.io/part-of': 'argo-rollouts',
      },
    },
    spec: { group: GROUP, names, scope: def.scope, versions: [version] },
  };
}

export function buildCustomResourceDefinitions(): Array<Record<string, unknown>> {
  return CRD_DEFINITIONS.map(buildCustomResourceDefinition);
}

export function crdDefinitionForKind(kind: string): CrdDefinition | undefined {
  return CRD_DEFINITIONS.find((d) => d.kind === kind);
}

export { API_VERSION };
