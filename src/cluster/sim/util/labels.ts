/** Label matching helpers over the kube selector implementation. */
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { matchesLabelSelector } from '../../../kube/selectors/index.ts';

/** Every key=value of `want` is in `labels` (labels.SelectorFromSet(want).Matches(labels)). */
export function matchesLabels(want: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const [k, v] of Object.entries(want)) if (labels?.[k] !== v) return false;
  return true;
}

/** A LabelSelector match; an empty or missing selector matches nothing here (controllers treat it so). */
export function selectorMatches(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector || ((selector.matchLabels === undefined || Object.keys(selector.matchLabels).length === 0) && (selector.matchExpressions ?? []).length === 0)) return false;
  return matchesLabelSelector(selector, labels ?? {});
}
