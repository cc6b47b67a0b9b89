/** policy/v1 poddisruptionbudgets. */
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

export const poddisruptionbudgets = defineBuiltin({
  group: 'policy',
  version: 'v1',
  resource: 'poddisruptionbudgets',
  kind: 'PodDisruptionBudget',
  namespaced: true,
  shortNames: ['pdb'],
  statusSubresource: true,
  validate: (o) => validateName(o, isDns1123Subdomain),
  prepareForCreate: (o) => {
    o['status'] = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
});
