/** ValidateDeploymentStrategy and its IntOrString rules (maxSurge / maxUnavailable). */
import { fieldForbidden, fieldRequired, type StatusCause } from '../../errors.ts';
import { obj, str, type Obj } from './access.ts';
import { invalidRendered } from './causes.ts';
import { goQuote } from './go-values.ts';
import { regexError } from './names.ts';

/** intstr.IntOrString printed with %#v, as in kube-apiserver's messages. */
export function goIntOrString(value: unknown): string {
  if (typeof value === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`;
  const n = typeof value === 'number' ? value : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}

/** The numeric part of an int or percent ("25%" → 25, 3 → 3). */
function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) return Number(value.slice(0, -1));
  return 0;
}

function validatePositiveIntOrPercent(value: unknown, field: string): StatusCause[] {
  if (typeof value === 'string') {
    if (/^[0-9]+%$/.test(value)) return [];
    const msg = regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%');
    return [invalidRendered(field, goIntOrString(value), msg)];
  }
  if (typeof value === 'number' && value < 0) {
    return [{ reason: 'FieldValueInvalid', field, message: `Invalid value: ${value}: must be greater than or equal to 0` }];
  }
  return [];
}

export function validateDeploymentStrategy(spec: Obj): StatusCause[] {
  const strategy = obj(spec['strategy']) ?? {};
  const type = str(strategy['type']) ?? '';
  const rolling = obj(strategy['rollingUpdate']);
  const path = 'spec.strategy';
  if (type === 'Recreate') {
    return rolling ? [fieldForbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type !== 'RollingUpdate') {
    const rendered = `apps.DeploymentStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`;
    return [{ reason: 'FieldValueNotSupported', field: path, message: `Unsupported value: ${rendered}: supported values: "Recreate", "RollingUpdate"` }];
  }
  if (!rolling) return [fieldRequired(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
  const causes: StatusCause[] = [];
  const maxUnavailable = rolling['maxUnavailable'];
  const maxSurge = rolling['maxSurge'];
  causes.push(...validatePositiveIntOrPercent(maxUnavailable, `${path}.rollingUpdate.maxUnavailable`));
  causes.push(...validatePositiveIntOrPercent(maxSurge, `${path}.rollingUpdate.maxSurge`));
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    causes.push(invalidRendered(`${path}.rollingUpdate.maxUnavailable`, goIntOrString(maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  if (typeof maxUnavailable === 'string' && intOrPercentValue(maxUnavailable) > 100) {
    causes.push(invalidRendered(`${path}.rollingUpdate.maxUnavailable`, goIntOrString(maxUnavailable), 'must not be greater than 100%'));
  }
  return causes;
}
