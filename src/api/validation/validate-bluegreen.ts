import type { Rollout } from '../types/rollout.ts';
import { child, invalid, required, type FieldError } from './field-error.ts';
import { ValidationMessage as M } from './messages.ts';
import { validateAntiAffinity, validateScaleDownDelayRevisionLimit } from './validate-common.ts';

/** Rules of `spec.strategy.blueGreen`; `path` is `spec.strategy.blueGreen`. */
export function validateBlueGreen(ro: Rollout, path: string): FieldError[] {
  const bg = ro.spec.strategy.blueGreen;
  if (!bg) return [];
  const errs: FieldError[] = [];
  if (!bg.activeService) {
    errs.push(required(child(path, 'activeService'), M.missingField('.spec.strategy.blueGreen.activeService')));
  } else if (bg.activeService === (bg.previewService ?? '')) {
    errs.push(invalid(child(path, 'activeService'), bg.activeService, M.duplicatedServicesBlueGreen));
  }
  errs.push(...validateScaleDownDelayRevisionLimit(ro, bg.scaleDownDelayRevisionLimit, path));
  errs.push(...validateAntiAffinity(bg.antiAffinity, child(path, 'antiAffinity')));
  return errs;
}
