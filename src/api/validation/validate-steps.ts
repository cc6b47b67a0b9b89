import type { CanaryStep, StringMatch } from '../types/canary-steps.ts';
import { CANARY_STEP_KINDS } from '../types/canary-steps.ts';
import type { AnalysisRunArgument } from '../types/rollout-analysis.ts';
import type { CanaryStrategy } from '../types/rollout-strategy.ts';
import type { Rollout } from '../types/rollout.ts';
import { pauseDurationSeconds } from '../duration.ts';
import { getMaxTrafficWeight } from '../defaults.ts';
import { child, index, invalid, required, type FieldError } from './field-error.ts';
import { ValidationMessage as M } from './messages.ts';

/** Validates every `steps[i]`; `path` is `spec.strategy.canary`. */
export function validateSteps(ro: Rollout, canary: CanaryStrategy, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (canary.steps ?? []).forEach((step, i) => errs.push(...validateStep(ro, canary, step, i, path)));
  return errs;
}

function validateStep(ro: Rollout, canary: CanaryStrategy, step: CanaryStep, i: number, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const stepPath = index(child(path, 'steps'), i);
  const tr = canary.trafficRouting;

  const kinds = CANARY_STEP_KINDS.filter((k) => step[k] !== undefined && step[k] !== null);
  if (kinds.length !== 1) {
    const value = CANARY_STEP_KINDS.map((k) => `step.${k}: ${step[k] !== undefined && step[k] !== null}`).join(' ');
    errs.push(invalid(stepPath, value, M.invalidStep));
  }

  if (step.setWeight !== undefined && step.setWeight !== null) {
    const max = getMaxTrafficWeight(ro);
    if (step.setWeight < 0 || step.setWeight > max) {
      errs.push(invalid(child(stepPath, 'setWeight'), step.setWeight, M.invalidSetWeight(max)));
    }
  }

  if (step.pause) {
    const seconds = pauseDurationSeconds(step.pause.duration);
    if (seconds < 0) errs.push(invalid(child(stepPath, 'pause', 'duration'), seconds, M.invalidDuration));
  }

  if (step.setCanaryScale && !tr) {
    errs.push(required(child(path, 'trafficRouting'), M.setCanaryScaleTrafficPolicy));
  }

  if (step.setHeaderRoute) {
    const hrPath = child(stepPath, 'setHeaderRoute');
    const supported = tr && (tr.istio || tr.alb || tr.apisix || hasPlugins(tr.plugins));
    if (!supported) {
      errs.push(invalid(hrPath, step.setHeaderRoute, M.setHeaderRouteTrafficPolicy));
    } else {
      (step.setHeaderRoute.match ?? []).forEach((m, j) => {
        const matchPath = index(child(hrPath, 'match'), j);
        errs.push(...(tr.alb ? albExactOnly(m.headerValue, matchPath) : exactlyOneMatch(m.headerValue, matchPath)));
      });
    }
  }

  if (step.setMirrorRoute) {
    const mrPath = child(stepPath, 'setMirrorRoute');
    if (!tr || (!tr.istio && !hasPlugins(tr.plugins))) {
      errs.push(invalid(mrPath, step.setMirrorRoute, M.setMirrorRouteTrafficPolicy));
    }
    (step.setMirrorRoute.match ?? []).forEach((m, j) => {
      const matchPath = index(child(mrPath, 'match'), j);
      if (m.method) errs.push(...exactlyOneMatch(m.method, matchPath));
      if (m.path) errs.push(...exactlyOneMatch(m.path, matchPath));
      for (const h of Object.values(m.headers ?? {})) errs.push(...exactlyOneMatch(h, matchPath));
    });
  }

  if (tr && (step.setHeaderRoute || step.setMirrorRoute)) {
    if (!tr.managedRoutes) {
      errs.push(
        required(
          child(path, 'trafficRouting', 'managedRoutes'),
          M.missingField('spec.strategy.canary.trafficRouting.managedRoutes'),
        ),
      );
    } else {
      const names = new Set(tr.managedRoutes.map((r) => r.name));
      if (step.setHeaderRoute && !names.has(step.setHeaderRoute.name ?? '')) {
        errs.push(invalid(child(stepPath, 'setHeaderRoute'), step.setHeaderRoute.name ?? '', M.stepRouteNotInManagedRoutes));
      }
      if (step.setMirrorRoute && !names.has(step.setMirrorRoute.name)) {
        errs.push(invalid(child(stepPath, 'setMirrorRoute'), step.setMirrorRoute.name, M.stepRouteNotInManagedRoutes));
      }
    }
  }

  const args: AnalysisRunArgument[] = [];
  if (step.experiment) {
    (step.experiment.templates ?? []).forEach((t, j) => {
      if (t.weight === undefined || t.weight === null) return;
      const wPath = child(index(child(stepPath, 'experiment', 'templates'), j), 'weight');
      if (!tr) errs.push(invalid(wPath, t.weight, M.experimentWeightWithoutTrafficRouting));
      else if (!tr.alb && !tr.smi && !tr.istio && !hasPlugins(tr.plugins)) {
        errs.push(invalid(wPath, t.weight, M.experimentWeightUnsupportedRouter));
      }
    });
    for (const a of step.experiment.analyses ?? []) args.push(...(a.args ?? []));
  }
  if (step.analysis) args.push(...(step.analysis.args ?? []));
  for (const arg of args) {
    const fieldPath = arg.valueFrom?.fieldRef?.fieldPath;
    if (fieldPath !== undefined && fieldPath.startsWith('metadata') && !isDownwardApiMetadataPath(fieldPath)) {
      errs.push(invalid(child(stepPath, 'analyses'), args, M.invalidAnalysisArgs));
    }
  }
  return errs;
}

function hasPlugins(plugins: Record<string, unknown> | undefined): boolean {
  return plugins !== undefined && plugins !== null && Object.keys(plugins).length > 0;
}

function exactlyOneMatch(match: StringMatch | undefined, path: string): FieldError[] {
  if (!match) return [invalid(path, null, M.stringMatchMissedValue)];
  const set = [match.exact, match.regex, match.prefix].filter((v) => v !== undefined && v !== '').length;
  if (set > 1) return [invalid(path, match, M.stringMatchMultipleValues)];
  if (set === 0) return [invalid(path, match, M.stringMatchMissedValue)];
  return [];
}

function albExactOnly(match: StringMatch | undefined, path: string): FieldError[] {
  if (!match) return [invalid(path, null, M.stringMatchMissedValue)];
  if (!match.exact || match.regex || match.prefix) return [invalid(path, match, M.setHeaderRouteAlbValue)];
  return [];
}

const DOWNWARD_METADATA = /^metadata\.(name|namespace|uid|labels|annotations|generateName)$|^metadata\.(labels|annotations)\['[^']*'\]$/;

/** Field paths `fieldpath.ExtractFieldPathAsString` accepts for object metadata. */
export function isDownwardApiMetadataPath(fieldPath: string): boolean {
  return DOWNWARD_METADATA.test(fieldPath);
}
