/**
 * Events: LAST SEEN TYPE REASON OBJECT MESSAGE (+ SUBOBJECT SOURCE FIRST SEEN COUNT NAME wide).
 * events.k8s.io/v1 events are printed through the core shape, as kube-apiserver does.
 */
import type { Event as CoreEvent } from 'kubernetes-types/core/v1.js';
import type { Event as EventsV1Event } from 'kubernetes-types/events/v1.js';
import type { KubeObject } from '../../../store/object.ts';
import * as d from '../descriptions.ts';
import { ageSince, parseTimestamp } from '../duration.ts';
import { column, int, text, view, type TablePrinter } from '../printer.ts';

/** The core Event view of an events.k8s.io/v1 Event. */
export function coreEventOf(obj: KubeObject): CoreEvent {
  const e = view<EventsV1Event>(obj);
  return {
    metadata: e.metadata ?? {},
    involvedObject: e.regarding ?? {},
    message: e.note,
    reason: e.reason,
    type: e.type,
    source: e.deprecatedSource,
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    eventTime: e.eventTime,
    series: e.series ? { count: e.series.count, lastObservedTime: e.series.lastObservedTime } : undefined,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
    action: e.action,
  };
}

function source(e: CoreEvent): string {
  const component = text(e.source?.component) || text(e.reportingComponent);
  const instance = text(e.source?.host) || text(e.reportingInstance);
  return instance === '' ? component : `${component}, ${instance}`;
}

function eventCells(e: CoreEvent, now: Date): (string | number)[] {
  const first = parseTimestamp(e.firstTimestamp) !== undefined ? ageSince(e.firstTimestamp, now) : ageSince(e.eventTime, now);
  let last = parseTimestamp(e.lastTimestamp) !== undefined ? ageSince(e.lastTimestamp, now) : first;
  let count = int(e.count);
  if (e.series) {
    last = ageSince(e.series.lastObservedTime, now);
    count = int(e.series.count);
  } else if (count === 0) {
    count = 1;
  }
  const kind = text(e.involvedObject?.kind).toLowerCase();
  const name = text(e.involvedObject?.name);
  return [
    last,
    text(e.type),
    text(e.reason),
    name !== '' ? `${kind}/${name}` : kind,
    text(e.involvedObject?.fieldPath),
    source(e),
    text(e.message).trim(),
    first,
    count,
    text(e.metadata?.name),
  ];
}

const EVENT_COLUMNS = [
  column('Last Seen', 'string', d.EVENT_LAST_TIMESTAMP),
  column('Type', 'string', d.EVENT_TYPE),
  column('Reason', 'string', d.EVENT_REASON),
  column('Object', 'string', d.EVENT_INVOLVED_OBJECT),
  column('Subobject', 'string', d.OBJECT_REFERENCE_FIELD_PATH, 1),
  column('Source', 'string', d.EVENT_SOURCE, 1),
  column('Message', 'string', d.EVENT_MESSAGE),
  column('First Seen', 'string', d.EVENT_FIRST_TIMESTAMP, 1),
  column('Count', 'string', d.EVENT_COUNT, 1),
  column('Name', 'string', d.NAME, 1, 'name'),
];

export const eventPrinter: TablePrinter = {
  columns: EVENT_COLUMNS,
  cells: (obj, now) => eventCells(view<CoreEvent>(obj), now),
};

export const eventsV1Printer: TablePrinter = {
  columns: EVENT_COLUMNS,
  cells: (obj, now) => eventCells(coreEventOf(obj), now),
};
