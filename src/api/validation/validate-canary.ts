import type { Rollout } from '../types/rollout.ts';
import type { CanaryStrategy } from '../types/rollout-strategy.ts';
import { getMaxSurgeOrDefault, getMaxUnavailableOrDefault } from '../defaults.ts';
import { intOrPercentValue } from '../intstr.ts';
import { child, internalError, invalid, type FieldError } from './field-error.ts';
import { ValidationMessage as M } from './messages.ts';
import { validateAntiAffinity, validateScaleDownDelayRevisionLimit } from './validate-common.ts';
import { validateSteps } from './validate-steps.ts';

/** Canary and stable services are required with trafficRouting, except Istio subset-level and ping-pong. */
function requireCanaryStableServices(canary: CanaryStrategy): boolean {
  const tr = canary.trafficRouting;
  if (!tr) return false;
  if (tr.istio?.destinationRule) return false;
  if (canary.pingPong) return false;
  return true;
}

/** Rules of `spec.strategy.canary`; `path` is `spec.strategy.canary`. */
export function validateCanary(ro: Rollout, path: string): FieldError[] {
  const canary = ro.spec.strategy.canary;
  if (!canary) return [];
  const errs: FieldError[] = [];
  const tr = canary.trafficRouting;

  const surge = getMaxSurgeOrDefault(ro);
  const unavailable = getMaxUnavailableOrDefault(ro);
  const surgeValue = intOrPercentValue(surge);
  const unavailableValue = intOrPercentValue(unavailable);
  if (surgeValue === undefined) errs.push(invalid(child(path, 'maxSurge'), surge, M.invalidIntOrString(surge)));
  if (unavailableValue === undefined) {
    errs.push(invalid(child(path, 'maxUnavailable'), unavailable, M.invalidIntOrString(unavailable)));
  }
  if (surgeValue === 0 && unavailableValue === 0) {
    errs.push(invalid(child(path, 'maxSurge'), canary.maxSurge ?? surge, M.invalidMaxSurgeMaxUnavailable));
  }

  if (canary.canaryService && canary.stableService && canary.canaryService === canary.stableService) {
    errs.push(invalid(child(path, 'stableService'), canary.stableService, M.duplicatedServicesCanary));
  }

  if (canary.pingPong) {
    const pp = canary.pingPong;
    if (tr && !tr.alb && !tr.istio && Object.keys(tr.plugins ?? {}).length === 0) {
      errs.push(invalid(child(path, 'trafficRouting', 'alb'), null, M.pingPongWithRouterOnly));
    }
    if (!pp.pingService) errs.push(invalid(child(path, 'pingPong', 'pingService'), pp.pingService ?? '', M.invalidPingPongProvided));
    if (!pp.pongService) errs.push(invalid(child(path, 'pingPong', 'pongService'), pp.pongService ?? '', M.invalidPingPongProvided));
    if ((pp.pingService ?? '') === (pp.pongService ?? '')) {
      errs.push(invalid(child(path, 'pingPong', 'pingService'), pp.pingService ?? '', M.duplicatedPingPongServices));
    }
    if (tr?.alb && !tr.alb.rootService) {
      errs.push(invalid(child(path, 'trafficRouting', 'alb', 'rootService'), tr.alb.rootService ?? '', M.missedAlbRootService));
    }
  }

  if (requireCanaryStableServices(canary)) {
    if (!canary.stableService) errs.push(invalid(child(path, 'stableService'), canary.stableService ?? '', M.invalidTrafficRouting));
    if (!canary.canaryService) errs.push(invalid(child(path, 'canaryService'), canary.canaryService ?? '', M.invalidTrafficRouting));
  }

  if (!tr) {
    if (canary.scaleDownDelaySeconds !== undefined && canary.scaleDownDelaySeconds !== null) {
      errs.push(invalid(child(path, 'scaleDownDelaySeconds'), canary.scaleDownDelaySeconds, M.canaryScaleDownDelay));
    }
    if (canary.dynamicStableScale) {
      errs.push(invalid(child(path, 'dynamicStableScale'), true, M.canaryDynamicStableScale));
    }
  } else {
    if (canary.scaleDownDelaySeconds !== undefined && canary.scaleDownDelaySeconds !== null && canary.dynamicStableScale) {
      errs.push(invalid(child(path, 'dynamicStableScale'), true, M.canaryDynamicStableScaleWithScaleDownDelay));
    }
    errs.push(...validateTrafficRoutingShape(ro, path));
  }

  errs.push(...validateSteps(ro, canary, path));
  errs.push(...validateScaleDownDelayRevisionLimit(ro, canary.scaleDownDelayRevisionLimit, path));
  errs.push(...validateAntiAffinity(canary.antiAffinity, child(path, 'antiAffinity')));
  return errs;
}

/** One-of rules inside trafficRouting (stableIngress/stableIngresses, ingress/ingresses, virtualService/virtualServices, maxTrafficWeight). */
function validateTrafficRoutingShape(ro: Rollout, path: string): FieldError[] {
  const tr = ro.spec.strategy.canary?.trafficRouting;
  if (!tr) return [];
  const errs: FieldError[] = [];
  const trPath = child(path, 'trafficRouting');
  if (tr.nginx) {
    const single = !!tr.nginx.stableIngress;
    const multiple = (tr.nginx.stableIngresses ?? []).length > 0;
    if (single && multiple) errs.push(internalError(child(trPath, 'nginx'), M.nginxIngressesBoth));
    else if (!single && !multiple) errs.push(internalError(child(trPath, 'nginx'), M.nginxIngressesNeither));
  }
  if (tr.alb) {
    const single = !!tr.alb.ingress;
    const multiple = (tr.alb.ingresses ?? []).length > 0;
    if (single && multiple) errs.push(internalError(child(trPath, 'alb'), M.albIngressesBoth));
    else if (!single && !multiple) errs.push(internalError(child(trPath, 'alb'), M.albIngressesNeither));
  }
  if (tr.istio) {
    const multiple = (tr.istio.virtualServices ?? []).length > 0;
    if (multiple === !!tr.istio.virtualService) errs.push(internalError(child(trPath, 'istio'), M.istioVirtualServices));
  }
  if (tr.maxTrafficWeight !== undefined && tr.maxTrafficWeight !== null) {
    if (!tr.nginx && Object.keys(tr.plugins ?? {}).length === 0) {
      errs.push(invalid(child(trPath, 'maxTrafficWeight'), tr.maxTrafficWeight, M.maxTrafficWeightRouter));
    } else if (tr.maxTrafficWeight <= 0) {
      errs.push(invalid(child(trPath, 'maxTrafficWeight'), tr.maxTrafficWeight, M.maxTrafficWeightPositive));
    }
  }
  return errs;
}
