/**
 * Label selectors (k8s.io/apimachinery/pkg/labels + metav1.LabelSelector helpers): the public surface.
 * Parsing lives in label-parser.ts, one requirement's rules in label-requirement.ts, and the
 * metav1.LabelSelector conversion (with its nil-selects-nothing / empty-selects-everything rule)
 * in label-selector.ts.
 */
export { parseLabelSelector } from './label-parser.ts';
export {
  formatLabelRequirements,
  formatRequirement as formatLabelRequirement,
  matchesLabels,
  matchesRequirement as matchesLabelRequirement,
  newLabelRequirement,
  type LabelOperator,
  type LabelRequirement,
  type Labels,
} from './label-requirement.ts';
export {
  formatLabelSelector,
  labelSelectorToRequirements,
  labelSelectorToString,
  matchesLabelSelector,
} from './label-selector.ts';
export { isQualifiedName, isValidLabelValue } from './label-validation.ts';
