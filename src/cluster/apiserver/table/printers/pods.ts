/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. */
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { JsonObject } from '../../../../util/json.ts';
import { podIp } from '../../resources/builtin/pods.ts';
import { POD_SPEC_NODE_NAME, POD_SPEC_READINESS_GATES, POD_STATUS_NOMINATED_NODE_NAME, POD_STATUS_POD_IP } from '../descriptions.ts';
import { ageSince } from '../duration.ts';
import { podSummary } from '../pod-status.ts';
import { AGE_COLUMN, column, list, NAME_COLUMN, text, view, type TablePrinter } from '../printer.ts';

function readinessGates(pod: Pod): string {
  const gates = list(pod.spec?.readinessGates);
  if (gates.length === 0) return '<none>';
  const conditions = list(pod.status?.conditions);
  let trueCount = 0;
  for (const gate of gates) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (c?.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

const COMPLETED: Record<string, JsonObject[]> = {
  Succeeded: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
  Failed: [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }],
};

export const podPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    column('IP', 'string', POD_STATUS_POD_IP, 1),
    column('Node', 'string', POD_SPEC_NODE_NAME, 1),
    column('Nominated Node', 'string', POD_STATUS_NOMINATED_NODE_NAME, 1),
    column('Readiness Gates', 'string', POD_SPEC_READINESS_GATES, 1),
  ],
  cells(obj, now) {
    const pod = view<Pod>(obj);
    const s = podSummary(pod, now);
    return [
      text(pod.metadata?.name),
      s.ready,
      s.status,
      s.restarts,
      ageSince(pod.metadata?.creationTimestamp, now),
      podIp(obj) || '<none>',
      text(pod.spec?.nodeName) || '<none>',
      text(pod.status?.nominatedNodeName) || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(obj) {
    return COMPLETED[text(view<Pod>(obj).status?.phase)];
  },
};
