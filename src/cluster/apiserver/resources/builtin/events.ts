/**
 * core/v1 events and events.k8s.io/v1 events. Kubernetes serves both from one storage; here they
 * are separate resources, but both select on the core field names, as kube-apiserver does.
 */
import type { KubeObject } from '../../../store/object.ts';
import { obj, str } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';

type Field = (o: KubeObject) => string;

const at =
  (key: string, field: string): Field =>
  (o) =>
    str(obj(o[key])?.[field]) ?? '';
const top =
  (field: string): Field =>
  (o) =>
    str(o[field]) ?? '';

const REF_FIELDS = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

function selectable(refKey: string, source: Field, reportingController: string): Record<string, Field> {
  const fields: Record<string, Field> = {};
  for (const f of REF_FIELDS) fields[`involvedObject.${f}`] = at(refKey, f);
  fields['reason'] = top('reason');
  fields['reportingComponent'] = top(reportingController);
  fields['source'] = source;
  fields['type'] = top('type');
  return fields;
}

export const events = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  selectableFields: selectable('involvedObject', (o) => at('source', 'component')(o) || top('reportingComponent')(o), 'reportingComponent'),
  validate: (o) => validateName(o, isDns1123Subdomain),
});

export const eventsV1 = defineBuiltin({
  group: 'events.k8s.io',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  selectableFields: selectable(
    'regarding',
    (o) => at('deprecatedSource', 'component')(o) || top('reportingController')(o),
    'reportingController',
  ),
  validate: (o) => validateName(o, isDns1123Subdomain),
});
