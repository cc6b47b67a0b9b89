/** apps/v1 deployments, replicasets, daemonsets and statefulsets. */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js';
import { formatLabels, formatLabelSelector, labelSelectorToString } from '../../resources/builtin/label-selector.ts';
import * as d from '../descriptions.ts';
import { ageSince } from '../duration.ts';
import { AGE_COLUMN, column, CONTAINERS_COLUMN, containerCells, IMAGES_COLUMN, int, NAME_COLUMN, text, view, type TablePrinter } from '../printer.ts';

export const deploymentPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', d.DEPLOYMENT_STATUS_UPDATED_REPLICAS),
    column('Available', 'string', d.DEPLOYMENT_STATUS_AVAILABLE_REPLICAS),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', d.DEPLOYMENT_SPEC_SELECTOR, 1),
  ],
  cells(obj, now) {
    const o = view<Deployment>(obj);
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      text(o.metadata?.name),
      `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas)}`,
      int(o.status?.updatedReplicas),
      int(o.status?.availableReplicas),
      ageSince(o.metadata?.creationTimestamp, now),
      names,
      images,
      labelSelectorToString(o.spec?.selector) ?? '<invalid>',
    ];
  },
};

export const replicaSetPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', d.REPLICA_SET_SPEC_REPLICAS),
    column('Current', 'integer', d.REPLICA_SET_STATUS_REPLICAS),
    column('Ready', 'integer', d.REPLICA_SET_STATUS_READY_REPLICAS),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', d.REPLICA_SET_SPEC_SELECTOR, 1),
  ],
  cells(obj, now) {
    const o = view<ReplicaSet>(obj);
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      text(o.metadata?.name),
      int(o.spec?.replicas),
      int(o.status?.replicas),
      int(o.status?.readyReplicas),
      ageSince(o.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
};

export const daemonSetPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', d.DAEMON_SET_STATUS_DESIRED_NUMBER_SCHEDULED),
    column('Current', 'integer', d.DAEMON_SET_STATUS_CURRENT_NUMBER_SCHEDULED),
    column('Ready', 'integer', d.DAEMON_SET_STATUS_NUMBER_READY),
    column('Up-to-date', 'integer', d.DAEMON_SET_STATUS_UPDATED_NUMBER_SCHEDULED),
    column('Available', 'integer', d.DAEMON_SET_STATUS_NUMBER_AVAILABLE),
    column('Node Selector', 'string', d.POD_SPEC_NODE_SELECTOR),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', d.DAEMON_SET_SPEC_SELECTOR, 1),
  ],
  cells(obj, now) {
    const o = view<DaemonSet>(obj);
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      text(o.metadata?.name),
      int(o.status?.desiredNumberScheduled),
      int(o.status?.currentNumberScheduled),
      int(o.status?.numberReady),
      int(o.status?.updatedNumberScheduled),
      int(o.status?.numberAvailable),
      formatLabels(o.spec?.template?.spec?.nodeSelector),
      ageSince(o.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
};

export const statefulSetPrinter: TablePrinter = {
  columns: [NAME_COLUMN, column('Ready', 'string', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  cells(obj, now) {
    const o = view<StatefulSet>(obj);
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      text(o.metadata?.name),
      `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas)}`,
      ageSince(o.metadata?.creationTimestamp, now),
      names,
      images,
    ];
  },
};
