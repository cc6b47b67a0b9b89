/**
 * From the replica count the metrics ask for to the one the HPA applies (normalizeDesiredReplicas and
 * normalizeDesiredReplicasWithBehaviors): stabilization windows over recent recommendations, scale
 * rate limits (policies over recent scale events) and min/max clamping, with the AbleToScale and
 * ScalingLimited reasons the controller reports. Pure: the history goes in and comes back out.
 */
import type { HorizontalPodAutoscalerBehavior, HPAScalingRules } from 'kubernetes-types/autoscaling/v2.js';

export interface Recommendation {
  replicas: number;
  at: number;
}

export interface ScaleEvent {
  change: number;
  at: number;
}

/** What the controller remembers about one HPA between syncs. */
export interface HpaHistory {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export const emptyHistory = (): HpaHistory => ({ recommendations: [], scaleUpEvents: [], scaleDownEvents: [] });

export interface Reason {
  reason: string;
  message: string;
}

export interface NormalizeInput {
  behavior: HorizontalPodAutoscalerBehavior | undefined;
  currentReplicas: number;
  /** What the metrics ask for. */
  desired: number;
  minReplicas: number;
  maxReplicas: number;
  now: number;
  /** Undefined for an HPA not seen before. */
  history: HpaHistory | undefined;
  /** Downscale stabilization of HPAs without `behavior` (the controller flag, 5 min, scaled). */
  legacyDownscaleWindowMs: number;
}

export interface NormalizeResult {
  replicas: number;
  ableToScale: Reason;
  /** status True when the rate or the bounds changed the stabilized recommendation. */
  limited: Reason & { status: boolean };
  history: HpaHistory;
}

export const SCALE_UP_LIMIT_FACTOR = 2;
export const SCALE_UP_LIMIT_MINIMUM = 4;

const READY: Reason = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const DOWN_STABILIZED: Reason = { reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
const UP_STABILIZED: Reason = { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' };
const WITHIN: Reason = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const TOO_MANY: Reason = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
const TOO_FEW: Reason = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
const UP_LIMIT: Reason = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
const DOWN_LIMIT: Reason = { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' };

/** The autoscaling/v2 defaults for rules left out of `behavior`. */
export function scaleUpRules(rules: HPAScalingRules | undefined): Required<HPAScalingRules> {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? 0,
    selectPolicy: rules?.selectPolicy ?? 'Max',
    policies: rules?.policies ?? [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

export function scaleDownRules(rules: HPAScalingRules | undefined): Required<HPAScalingRules> {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? 300,
    selectPolicy: rules?.selectPolicy ?? 'Max',
    policies: rules?.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  };
}

function changeWithin(events: readonly ScaleEvent[], periodSeconds: number, now: number): number {
  const cutoff = now - periodSeconds * 1000;
  let total = 0;
  for (const e of events) if (e.at > cutoff) total += e.change;
  return total;
}

/** The highest count the scale-up policies allow now. */
export function scaleUpLimit(current: number, history: HpaHistory, rules: Required<HPAScalingRules>, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of rules.policies) {
    const start = current - changeWithin(history.scaleUpEvents, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** The lowest count the scale-down policies allow now. */
export function scaleDownLimit(current: number, history: HpaHistory, rules: Required<HPAScalingRules>, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = current - changeWithin(history.scaleUpEvents, p.periodSeconds, now) + changeWithin(history.scaleDownEvents, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

function limited(stabilized: number, replicas: number, reason: Reason): NormalizeResult['limited'] {
  return replicas === stabilized ? { status: false, ...reason } : { status: true, ...reason };
}

function normalizeLegacy(input: NormalizeInput): NormalizeResult {
  const { currentReplicas, desired, now } = input;
  const cutoff = now - input.legacyDownscaleWindowMs;
  const kept = (input.history?.recommendations ?? []).filter((r) => r.at >= cutoff);
  const stabilized = Math.max(desired, ...kept.map((r) => r.replicas));
  const history: HpaHistory = { ...(input.history ?? emptyHistory()), recommendations: [...kept, { replicas: desired, at: now }] };
  const ableToScale = stabilized !== desired ? DOWN_STABILIZED : READY;

  const upLimit = Math.max(SCALE_UP_LIMIT_FACTOR * currentReplicas, SCALE_UP_LIMIT_MINIMUM);
  const [maxAllowed, maxReason] = input.maxReplicas > upLimit ? [upLimit, UP_LIMIT] : [input.maxReplicas, TOO_MANY];
  let replicas = stabilized;
  let reason = WITHIN;
  if (stabilized < input.minReplicas) [replicas, reason] = [input.minReplicas, TOO_FEW];
  else if (stabilized > maxAllowed) [replicas, reason] = [maxAllowed, maxReason];
  return { replicas, ableToScale, limited: limited(stabilized, replicas, reason), history };
}

function normalizeWithBehavior(input: NormalizeInput, behavior: HorizontalPodAutoscalerBehavior): NormalizeResult {
  const { currentReplicas, desired, now } = input;
  const up = scaleUpRules(behavior.scaleUp);
  const down = scaleDownRules(behavior.scaleDown);
  const past = input.history ?? {
    ...emptyHistory(),
    // A fresh controller does not scale down before a whole window has passed.
    recommendations: down.stabilizationWindowSeconds > 0 ? [{ replicas: currentReplicas, at: now }] : [],
  };
  const upCutoff = now - up.stabilizationWindowSeconds * 1000;
  const downCutoff = now - down.stabilizationWindowSeconds * 1000;
  let upRec = desired;
  let downRec = desired;
  for (const r of past.recommendations) {
    if (r.at > upCutoff) upRec = Math.min(upRec, r.replicas);
    if (r.at > downCutoff) downRec = Math.max(downRec, r.replicas);
  }
  let stabilized = Math.max(currentReplicas, upRec);
  stabilized = Math.min(stabilized, downRec);
  const oldest = Math.min(upCutoff, downCutoff);
  const longestPeriod = Math.max(0, ...up.policies.map((p) => p.periodSeconds), ...down.policies.map((p) => p.periodSeconds)) * 1000;
  const history: HpaHistory = {
    recommendations: [...past.recommendations.filter((r) => r.at > oldest), { replicas: desired, at: now }],
    scaleUpEvents: past.scaleUpEvents.filter((e) => e.at > now - longestPeriod),
    scaleDownEvents: past.scaleDownEvents.filter((e) => e.at > now - longestPeriod),
  };
  const ableToScale = stabilized === desired ? READY : desired >= currentReplicas ? UP_STABILIZED : DOWN_STABILIZED;

  let replicas = stabilized;
  let reason = WITHIN;
  if (stabilized > currentReplicas) {
    const rate = Math.max(scaleUpLimit(currentReplicas, history, up, now), currentReplicas);
    const [maxAllowed, why] = input.maxReplicas > rate ? [rate, UP_LIMIT] : [input.maxReplicas, TOO_MANY];
    if (stabilized > maxAllowed) [replicas, reason] = [maxAllowed, why];
  } else if (stabilized < currentReplicas) {
    const rate = Math.min(scaleDownLimit(currentReplicas, history, down, now), currentReplicas);
    const [minAllowed, why] = input.minReplicas < rate ? [rate, DOWN_LIMIT] : [input.minReplicas, TOO_FEW];
    if (stabilized < minAllowed) [replicas, reason] = [minAllowed, why];
  }
  return { replicas, ableToScale, limited: limited(stabilized, replicas, reason), history };
}

export function normalizeReplicas(input: NormalizeInput): NormalizeResult {
  return input.behavior ? normalizeWithBehavior(input, input.behavior) : normalizeLegacy(input);
}

/** The history after a rescale from `from` to `to` (behaviors count recent changes against their rates). */
export function recordScale(history: HpaHistory, from: number, to: number, now: number): HpaHistory {
  if (to > from) return { ...history, scaleUpEvents: [...history.scaleUpEvents, { change: to - from, at: now }] };
  if (to < from) return { ...history, scaleDownEvents: [...history.scaleDownEvents, { change: from - to, at: now }] };
  return history;
}
