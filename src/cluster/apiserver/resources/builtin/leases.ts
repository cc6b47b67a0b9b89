/** coordination.k8s.io/v1 leases (leader election). */
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

export const leases = defineBuiltin({
  group: 'coordination.k8s.io',
  version: 'v1',
  resource: 'leases',
  kind: 'Lease',
  namespaced: true,
  validate: (o) => validateName(o, isDns1123Subdomain),
});
