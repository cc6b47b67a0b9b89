/** core/v1 pods: PodSpec defaults, admission defaults on create, validation, field selectors. */
import type { KubeObject } from '../../../store/object.ts';
import { arr, child, isUnset, obj, objs, str, type Obj } from './access.ts';
import { defineBuiltin } from './define.ts';
import { validateName } from './metadata.ts';
import { isDns1123Subdomain } from './names.ts';
import { computeQosClass } from './pod-qos.ts';
import { defaultPodSpec } from './pod-spec-defaults.ts';
import { validatePodSpec } from './pod-spec-validation.ts';
import { validatePodUpdate } from './pod-update.ts';

const spec = (o: KubeObject): Obj => obj(o['spec']) ?? {};
const status = (o: KubeObject): Obj => obj(o['status']) ?? {};

/** The pod IP as the internal type sees it: podIP, else podIPs[0].ip. */
export function podIp(o: KubeObject): string {
  return str(status(o)['podIP']) || str(objs(status(o)['podIPs'])[0]?.['ip']) || '';
}

function defaults(o: KubeObject): void {
  const s = child(o, 'spec');
  defaultPodSpec(s, { pod: true });
  // v1 conversion: serviceAccount is the deprecated mirror of serviceAccountName.
  if (isUnset(s['serviceAccountName']) && !isUnset(s['serviceAccount'])) s['serviceAccountName'] = s['serviceAccount'];
  if (!isUnset(s['serviceAccountName'])) s['serviceAccount'] = s['serviceAccountName'];
}

const NO_EXECUTE_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/** What admission plugins add on create: service account, priority, default NoExecute tolerations. */
function admit(s: Obj): void {
  if (isUnset(s['serviceAccountName'])) s['serviceAccountName'] = 'default';
  s['serviceAccount'] = s['serviceAccountName'];
  if (isUnset(s['priorityClassName']) && s['priority'] === undefined) s['priority'] = 0;
  if (isUnset(s['preemptionPolicy'])) s['preemptionPolicy'] = 'PreemptLowerPriority';
  const tolerations = objs(s['tolerations']);
  const added = NO_EXECUTE_TOLERATIONS.filter(
    (key) =>
      !tolerations.some(
        (t) => (isUnset(t['key']) || t['key'] === key) && (isUnset(t['effect']) || t['effect'] === 'NoExecute'),
      ),
  ).map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }));
  if (added.length > 0) s['tolerations'] = [...arr(s['tolerations']), ...added];
}

function prepareForCreate(o: KubeObject): void {
  const s = child(o, 'spec');
  admit(s);
  const st: Obj = { phase: 'Pending', qosClass: computeQosClass(s) };
  if (arr(s['schedulingGates']).length > 0) {
    st['conditions'] = [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ];
  }
  o['status'] = st;
}

function validate(o: KubeObject, old: KubeObject | undefined): ReturnType<typeof validatePodSpec> {
  return [
    ...validateName(o, isDns1123Subdomain),
    ...validatePodSpec(spec(o), 'spec'),
    ...(old ? validatePodUpdate(o, old) : []),
  ];
}

export const pods = defineBuiltin({
  group: '',
  version: 'v1',
  resource: 'pods',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  statusSubresource: true,
  extraSubresources: ['eviction'],
  selectableFields: {
    'spec.nodeName': (o) => str(spec(o)['nodeName']) ?? '',
    'spec.restartPolicy': (o) => str(spec(o)['restartPolicy']) ?? '',
    'spec.schedulerName': (o) => str(spec(o)['schedulerName']) ?? '',
    'spec.serviceAccountName': (o) => str(spec(o)['serviceAccountName']) ?? '',
    'spec.hostNetwork': (o) => String(spec(o)['hostNetwork'] === true),
    'status.phase': (o) => str(status(o)['phase']) ?? '',
    'status.podIP': podIp,
    'status.nominatedNodeName': (o) => str(status(o)['nominatedNodeName']) ?? '',
  },
  defaults,
  validate,
  prepareForCreate,
});
