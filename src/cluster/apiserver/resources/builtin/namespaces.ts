/** core/v1 namespaces. */
import type { KubeObject } from '../../../store/object.ts';
import { arr, child, obj, setDefault, str } from './access.ts';
import { defineBuiltin, VERBS_WITHOUT_DELETECOLLECTION } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Label } from './names.ts';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function defaults(o: KubeObject): void {
  // SetDefaults_Namespace: the immutable name label every namespace carries.
  if (o.metadata.name) o.metadata.labels = { ...(o.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: o.metadata.name };
  setDefault(child(o, 'status'), 'phase', 'Active');
}

function prepareForCreate(o: KubeObject): void {
  o['status'] = { phase: 'Active' };
  // Only on create: the finalizer may be removed over the namespace's life (finalize subresource).
  const spec = child(o, 'spec');
  const finalizers = arr(spec['finalizers']);
  if (!finalizers.includes('kubernetes')) spec['finalizers'] = [...finalizers, 'kubernetes'];
}

export const namespaces = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  verbs: VERBS_WITHOUT_DELETECOLLECTION,
  statusSubresource: true,
  selectableFields: { 'status.phase': (o) => str(obj(o['status'])?.['phase']) ?? '' },
  defaults,
  validate: (o) => validateName(o, isDns1123Label),
  prepareForCreate,
});
