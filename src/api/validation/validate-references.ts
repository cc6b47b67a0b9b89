/**
 * Cross-object rules the controller checks after fetching what a rollout references (Argo's
 * `ValidateRolloutReferencedResources`): referenced Services/Ingresses/AnalysisTemplates exist,
 * Service selectors agree with the pod template, no Service is managed by another rollout,
 * ingresses have a rule for the stable (or root) service.
 */
import type { Service } from 'kubernetes-types/core/v1.js';
import type { Ingress } from 'kubernetes-types/networking/v1.js';
import type { Rollout } from '../types/rollout.ts';
import type { AnalysisTemplate, ClusterAnalysisTemplate } from '../types/analysis.ts';
import { ANNOTATION_MANAGED_BY_ROLLOUTS, ConditionMessage, LABEL_POD_TEMPLATE_HASH } from '../constants.ts';
import { child, index, invalid, type FieldError } from './field-error.ts';

export type ServiceRole = 'StableService' | 'CanaryService' | 'PingService' | 'PongService' | 'ActiveService' | 'PreviewService';

export interface ReferencedService {
  role: ServiceRole;
  name: string;
  /** undefined = not found. */
  service?: Service;
}

export type AnalysisRole = 'PrePromotionAnalysis' | 'PostPromotionAnalysis' | 'InlineAnalysis' | 'BackgroundAnalysis';

export interface ReferencedAnalysisTemplate {
  role: AnalysisRole;
  /** Step index for InlineAnalysis. */
  stepIndex?: number;
  templateName: string;
  clusterScope?: boolean;
  /** undefined = not found. */
  template?: AnalysisTemplate | ClusterAnalysisTemplate;
}

export interface ReferencedIngress {
  /** Path of the field naming it, e.g. `spec.strategy.canary.trafficRouting.nginx.stableIngress`. */
  field: string;
  name: string;
  /** undefined = not found. */
  ingress?: Ingress;
}

export interface RolloutReferencedResources {
  services?: ReferencedService[];
  analysisTemplates?: ReferencedAnalysisTemplate[];
  ingresses?: ReferencedIngress[];
}

const SERVICE_FIELD: Record<ServiceRole, string> = {
  StableService: 'spec.strategy.canary.stableService',
  CanaryService: 'spec.strategy.canary.canaryService',
  PingService: 'spec.strategy.canary.pingPong.pingService',
  PongService: 'spec.strategy.canary.pingPong.pongService',
  ActiveService: 'spec.strategy.blueGreen.activeService',
  PreviewService: 'spec.strategy.blueGreen.previewService',
};

export function analysisTemplateField(role: AnalysisRole, stepIndex = 0): string {
  switch (role) {
    case 'PrePromotionAnalysis':
      return 'spec.strategy.blueGreen.prePromotionAnalysis.templates';
    case 'PostPromotionAnalysis':
      return 'spec.strategy.blueGreen.postPromotionAnalysis.templates';
    case 'BackgroundAnalysis':
      return 'spec.strategy.canary.analysis.templates';
    case 'InlineAnalysis':
      return child(index('spec.strategy.canary.steps', stepIndex), 'analysis', 'templates');
  }
}

export function validateReferencedResources(ro: Rollout, refs: RolloutReferencedResources): FieldError[] {
  const errs: FieldError[] = [];
  for (const ref of refs.services ?? []) errs.push(...validateService(ro, ref));
  for (const ref of refs.analysisTemplates ?? []) errs.push(...validateAnalysisTemplateRef(ref));
  for (const ref of refs.ingresses ?? []) errs.push(...validateIngress(ro, ref));
  return errs;
}

function validateService(ro: Rollout, ref: ReferencedService): FieldError[] {
  const field = SERVICE_FIELD[ref.role];
  if (!ref.service) return [invalid(field, ref.name, `service ${JSON.stringify(ref.name)} not found`)];
  const errs: FieldError[] = [];
  const templateLabels = ro.spec.template?.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(ref.service.spec?.selector ?? {})) {
    if (k === LABEL_POD_TEMPLATE_HASH) continue;
    if (templateLabels[k] !== v) {
      errs.push(invalid(field, ref.name, `Service ${JSON.stringify(ref.name)} has unmatch label ${JSON.stringify(k)} in rollout`));
    }
  }
  const managedBy = ref.service.metadata?.annotations?.[ANNOTATION_MANAGED_BY_ROLLOUTS];
  if (managedBy !== undefined && managedBy !== ro.metadata?.name) {
    errs.push(invalid(field, ref.name, ConditionMessage.serviceManagedByOther(ref.name)));
  }
  return errs;
}

function validateAnalysisTemplateRef(ref: ReferencedAnalysisTemplate): FieldError[] {
  if (ref.template) return [];
  const resource = ref.clusterScope ? 'clusteranalysistemplate' : 'analysistemplate';
  return [
    invalid(analysisTemplateField(ref.role, ref.stepIndex), ref.templateName, `${resource} ${JSON.stringify(ref.templateName)} not found`),
  ];
}

function validateIngress(ro: Rollout, ref: ReferencedIngress): FieldError[] {
  if (!ref.ingress) return [invalid(ref.field, ref.name, `ingress ${JSON.stringify(ref.name)} not found`)];
  const canary = ro.spec.strategy.canary;
  const isAlb = ref.field.includes('.alb.');
  const serviceName = (isAlb ? canary?.trafficRouting?.alb?.rootService : undefined) || canary?.stableService || '';
  const rules = ref.ingress.spec?.rules ?? [];
  const hasRule = rules.some((r) => (r.http?.paths ?? []).some((p) => p.backend?.service?.name === serviceName));
  if (!hasRule) {
    return [invalid(ref.field, ref.name, `ingress \`${ref.name}\` has no rules using service ${serviceName} backend`)];
  }
  return [];
}
